// Converts between JSON-logic (what flows store) and react-querybuilder's query (what the visual
// builder edits). Written by hand instead of RQB's jsonlogic format/parse so that every rule
// round-trips exactly in the json-logic-js dialect the runtime runs, and so that parts the
// builder cannot show (sums over the ranking, arithmetic…) stay intact as "expression" rows.
import type { RuleGroupType, RuleType } from 'react-querybuilder';
import type { Json } from '../../shared/index.ts';
import type { FieldKind, RuleField } from './rule-fields.ts';

/** The builder row for JSON-logic the builder cannot show as a field/operator/value. */
export const EXPRESSION_FIELD = '__expression';

export type BuilderOperator =
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'contains'
  | 'doesNotContain'
  | 'in'
  | 'notIn'
  | 'between'
  | 'isTrue'
  | 'isFalse'
  | 'expression';

export const operatorLabels: Record<BuilderOperator, string> = {
  '=': 'is',
  '!=': 'is not',
  '<': 'is less than',
  '<=': 'is at most',
  '>': 'is greater than',
  '>=': 'is at least',
  contains: 'contains',
  doesNotContain: 'does not contain',
  in: 'is one of',
  notIn: 'is not one of',
  between: 'is between',
  isTrue: 'is true',
  isFalse: 'is false or empty',
  expression: 'evaluates to true',
};

export const operatorsByKind: Record<FieldKind, BuilderOperator[]> = {
  text: ['=', '!=', 'contains', 'doesNotContain', 'in', 'notIn', 'isTrue', 'isFalse'],
  number: ['>', '>=', '<', '<=', '=', '!=', 'between', 'isFalse'],
  boolean: ['isTrue', 'isFalse', '=', '!='],
  intent: ['=', '!=', 'in', 'notIn', 'isFalse'],
  json: ['isTrue', 'isFalse', '=', '!='],
};

type Obj = Record<string, Json>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isOp = (v: unknown, op?: string): v is Obj => isObj(v) && Object.keys(v).length === 1 && (op === undefined || op in v);
const isPrimitive = (v: unknown): v is string | number | boolean | null => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const varName = (v: unknown): string | null => (isOp(v, 'var') && typeof v.var === 'string' && v.var !== '' ? v.var : null);
const argsOf = (v: Obj, op: string): Json[] | null => (Array.isArray(v[op]) ? (v[op] as Json[]) : null);

const compareOps: Record<string, BuilderOperator> = { '==': '=', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

let idCounter = 0;
const newId = () => `r${++idCounter}`;

function expressionRule(logic: Json): RuleType {
  return { id: newId(), field: EXPRESSION_FIELD, operator: 'expression', value: JSON.stringify(logic) };
}

/** One condition as a builder row, or null when it is not one of the shapes the builder shows. */
function toRule(logic: Json): RuleType | null {
  if (!isOp(logic)) return null;
  const field = varName(logic);
  if (field) return { id: newId(), field, operator: 'isTrue', value: '' };
  if (isOp(logic, '!')) {
    const inner = logic['!'];
    if (inner === undefined) return null;
    const negated = varName(inner);
    if (negated) return { id: newId(), field: negated, operator: 'isFalse', value: '' };
    const rule = toRule(inner);
    if (rule?.operator === 'contains') return { ...rule, operator: 'doesNotContain' };
    if (rule?.operator === 'in') return { ...rule, operator: 'notIn' };
    return null;
  }
  const op = Object.keys(logic)[0]!;
  const args = argsOf(logic, op);
  if (!args) return null;
  const builderOp = compareOps[op];
  if (builderOp && args.length === 2) {
    const left = varName(args[0]);
    if (!left) return null;
    const rightVar = varName(args[1]);
    if (rightVar) return { id: newId(), field: left, operator: builderOp, value: rightVar, valueSource: 'field' };
    if (!isPrimitive(args[1])) return null;
    if (op === '==' && args[1] === null) return null;
    return { id: newId(), field: left, operator: builderOp, value: args[1] };
  }
  if (op === '<=' && args.length === 3) {
    const field = varName(args[1]);
    if (field && isPrimitive(args[0]) && isPrimitive(args[2])) return { id: newId(), field, operator: 'between', value: [args[0], args[2]] };
    return null;
  }
  if (op === 'in' && args.length === 2) {
    const field = varName(args[1]);
    if (field && typeof args[0] === 'string') return { id: newId(), field, operator: 'contains', value: args[0] };
    const subject = varName(args[0]);
    if (subject && Array.isArray(args[1]) && args[1].every(isPrimitive)) return { id: newId(), field: subject, operator: 'in', value: args[1] };
  }
  return null;
}

function toItem(logic: Json): RuleType | RuleGroupType {
  const group = toGroup(logic);
  if (group) return group;
  return toRule(logic) ?? expressionRule(logic);
}

function toGroup(logic: Json): RuleGroupType | null {
  if (isOp(logic, 'and') || isOp(logic, 'or')) {
    const combinator = 'and' in logic ? 'and' : 'or';
    const args = argsOf(logic, combinator);
    if (!args) return null;
    return { id: newId(), combinator, rules: args.map(toItem) };
  }
  if (isOp(logic, '!') && (isOp(logic['!'], 'and') || isOp(logic['!'], 'or'))) {
    const inner = toGroup(logic['!']);
    return inner ? { ...inner, not: true } : null;
  }
  return null;
}

/** The builder's query for `logic`. `false` (the empty rule) is an empty group. */
export function logicToQuery(logic: Json | undefined): RuleGroupType {
  if (logic === undefined || logic === false) return { id: newId(), combinator: 'and', rules: [] };
  return toGroup(logic) ?? { id: newId(), combinator: 'and', rules: [toItem(logic)] };
}

export type QueryToLogicResult = { ok: true; logic: Json } | { ok: false; message: string };

function convertValue(value: unknown, kind: FieldKind | undefined): Json {
  if (kind === 'number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (kind === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  if (isPrimitive(value)) return value;
  return JSON.stringify(value);
}

function listValue(value: unknown, kind: FieldKind | undefined): Json[] {
  const items: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter((s) => s !== '') : [value];
  return items.map((v) => convertValue(v, kind));
}

function ruleToLogic(rule: RuleType, kinds: ReadonlyMap<string, FieldKind>): QueryToLogicResult {
  if (rule.field === EXPRESSION_FIELD) {
    try {
      return { ok: true, logic: JSON.parse(String(rule.value)) as Json };
    } catch {
      return { ok: false, message: 'An expression row is not valid JSON.' };
    }
  }
  const subject: Json = { var: rule.field };
  const kind = kinds.get(rule.field);
  const v = rule.valueSource === 'field' ? ({ var: String(rule.value) } as Json) : convertValue(rule.value, kind);
  switch (rule.operator as BuilderOperator) {
    case '=':
      return { ok: true, logic: { '==': [subject, v] } };
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return { ok: true, logic: { [rule.operator]: [subject, v] } };
    case 'contains':
      return { ok: true, logic: { in: [v, subject] } };
    case 'doesNotContain':
      return { ok: true, logic: { '!': { in: [v, subject] } } };
    case 'in':
      return { ok: true, logic: { in: [subject, listValue(rule.value, kind)] } };
    case 'notIn':
      return { ok: true, logic: { '!': { in: [subject, listValue(rule.value, kind)] } } };
    case 'between': {
      const [a, b] = listValue(rule.value, kind);
      return { ok: true, logic: { '<=': [a ?? null, subject, b ?? null] } };
    }
    case 'isTrue':
      return { ok: true, logic: subject };
    case 'isFalse':
      return { ok: true, logic: { '!': subject } };
    case 'expression':
      return { ok: false, message: 'An expression row needs the expression field.' };
    default:
      return { ok: false, message: `The builder does not know the operator "${rule.operator}".` };
  }
}

function groupToLogic(group: RuleGroupType, kinds: ReadonlyMap<string, FieldKind>, root: boolean): QueryToLogicResult {
  const parts: Json[] = [];
  for (const item of group.rules) {
    if (typeof item === 'string') continue;
    const converted = 'rules' in item ? groupToLogic(item, kinds, false) : ruleToLogic(item, kinds);
    if (!converted.ok) return converted;
    parts.push(converted.logic);
  }
  if (root && parts.length === 0) return { ok: true, logic: false };
  const combined: Json = root && parts.length === 1 && !group.not ? parts[0]! : { [group.combinator === 'or' ? 'or' : 'and']: parts };
  return { ok: true, logic: group.not ? { '!': combined } : combined };
}

/** The JSON-logic for a builder query; an empty query is `false` (never matches). */
export function queryToLogic(query: RuleGroupType, fields: readonly RuleField[]): QueryToLogicResult {
  return groupToLogic(query, new Map(fields.map((f) => [f.name, f.kind])), true);
}

/** Deep equality of JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameJson(x, (b as unknown[])[i]));
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b as object, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
