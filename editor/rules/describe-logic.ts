// Reads JSON-logic aloud for designers and reviewers: `{"==": [{"var": "customer.tier"}, "vip"]}`
// becomes `customer.tier = "vip"`. Anything unusual falls back to compact JSON.
import type { Json } from '../../shared/index.ts';

const infix: Record<string, string> = {
  '==': '=',
  '===': '=',
  '!=': '≠',
  '!==': '≠',
  '>': '>',
  '>=': '≥',
  '<': '<',
  '<=': '≤',
  '+': '+',
  '-': '−',
  '*': '×',
  '/': '÷',
  '%': 'mod',
};

function isOp(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 1;
}

function value(v: Json, depth: number): string {
  if (isOp(v)) {
    const [op, args] = Object.entries(v)[0]!;
    if (op === 'var') {
      const name = Array.isArray(args) ? args[0] : args;
      return typeof name === 'string' || typeof name === 'number' ? String(name) || 'data' : JSON.stringify(args);
    }
    return `(${describeLogic(v, depth + 1)})`;
  }
  if (Array.isArray(v)) return `[${v.map((x) => value(x, depth + 1)).join(', ')}]`;
  return JSON.stringify(v);
}

/** A one-line reading of `logic`. Default depth limit 4, past which it abbreviates with "…". */
export function describeLogic(logic: Json | undefined, depth = 0): string {
  if (logic === undefined) return '(empty)';
  if (depth > 4) return '…';
  if (!isOp(logic)) return value(logic, depth);
  const [op, rawArgs] = Object.entries(logic)[0]!;
  const args: Json[] = Array.isArray(rawArgs) ? rawArgs : [rawArgs];
  if (op === 'and' || op === 'or') return args.map((a) => (isOp(a) && ('and' in a || 'or' in a) ? `(${describeLogic(a, depth + 1)})` : describeLogic(a, depth + 1))).join(` ${op} `);
  if (op === '!') return `not ${value(args[0] ?? null, depth)}`;
  if (op === '!!') return `${value(args[0] ?? null, depth)} is set`;
  if (op === 'var') return value(logic, depth);
  if (op === 'in' && args.length === 2) {
    return Array.isArray(args[1]) ? `${value(args[0]!, depth)} is one of ${value(args[1], depth)}` : `${value(args[1]!, depth)} contains ${value(args[0]!, depth)}`;
  }
  if ((op === '<' || op === '<=') && args.length === 3) return `${value(args[1]!, depth)} between ${value(args[0]!, depth)} and ${value(args[2]!, depth)}`;
  const sym = infix[op];
  if (sym && args.length === 2) return `${value(args[0]!, depth)} ${sym} ${value(args[1]!, depth)}`;
  return `${op}(${args.map((a) => value(a, depth)).join(', ')})`;
}
