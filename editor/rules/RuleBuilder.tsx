// The visual condition builder (react-querybuilder) for one JSON-logic rule. Fields come from the
// rule context; parts it cannot show stay as editable "advanced expression" rows, so switching
// between builder and JSON never loses anything.
import { useEffect, useMemo, useRef, useState } from 'react';
import { QueryBuilder, ValueEditor, type Field, type OptionGroup, type RuleGroupType, type ValueEditorProps } from 'react-querybuilder';
import 'react-querybuilder/dist/query-builder.css';
import type { Json } from '../../shared/index.ts';
import { EXPRESSION_FIELD, logicToQuery, operatorLabels, operatorsByKind, queryToLogic, sameJson, type BuilderOperator } from './logic-query.ts';
import type { RuleField } from './rule-fields.ts';

export interface RuleBuilderProps {
  value: Json | undefined;
  onChange: (logic: Json) => void;
  fields: readonly RuleField[];
  intents: readonly string[];
  readOnly?: boolean;
}

const unary = new Set<BuilderOperator>(['isTrue', 'isFalse']);

function toRqbFields(fields: readonly RuleField[], intents: readonly string[]): OptionGroup<Field>[] {
  const groups = new Map<string, Field[]>();
  for (const f of fields) {
    const ops = operatorsByKind[f.kind];
    const field: Field = {
      name: f.name,
      value: f.name,
      label: f.name,
      title: f.description,
      operators: ops.map((op) => ({ name: op, value: op, label: operatorLabels[op], ...(unary.has(op) ? { arity: 'unary' as const } : {}) })),
      defaultOperator: ops[0],
      inputType: f.kind === 'number' ? 'number' : 'text',
      ...(f.kind === 'intent' ? { values: intents.map((i) => ({ name: i, value: i, label: i })) } : {}),
      ...(f.kind === 'boolean' ? { values: [{ name: 'true', value: 'true', label: 'true' }, { name: 'false', value: 'false', label: 'false' }] } : {}),
      defaultValue: f.kind === 'intent' ? (intents[0] ?? '') : f.kind === 'number' ? 0 : f.kind === 'boolean' ? true : '',
    };
    const list = groups.get(f.group);
    if (list) list.push(field);
    else groups.set(f.group, [field]);
  }
  const out: OptionGroup<Field>[] = [...groups.entries()].map(([label, options]) => ({ label, options }));
  out.push({
    label: 'Advanced',
    options: [{ name: EXPRESSION_FIELD, value: EXPRESSION_FIELD, label: 'JSON-logic expression', operators: [{ name: 'expression', value: 'expression', label: operatorLabels.expression }], defaultValue: '{"var": "nlu.accepted"}' }],
  });
  return out;
}

function RuleValueEditor(props: ValueEditorProps) {
  if (props.field === EXPRESSION_FIELD) {
    let valid = true;
    try {
      JSON.parse(String(props.value));
    } catch {
      valid = false;
    }
    return (
      <textarea
        className={valid ? 'rule-expression mono' : 'rule-expression mono has-error'}
        aria-label="JSON-logic expression"
        aria-invalid={!valid || undefined}
        value={String(props.value ?? '')}
        disabled={props.disabled}
        rows={Math.min(4, Math.ceil(String(props.value ?? '').length / 48))}
        spellCheck={false}
        onChange={(e) => props.handleOnChange(e.target.value)}
      />
    );
  }
  return <ValueEditor {...props} />;
}

export function RuleBuilder({ value, onChange, fields, intents, readOnly }: RuleBuilderProps) {
  const [query, setQuery] = useState<RuleGroupType>(() => logicToQuery(value));
  const emitted = useRef<Json | undefined>(value);
  useEffect(() => {
    if (!sameJson(value, emitted.current)) {
      emitted.current = value;
      setQuery(logicToQuery(value));
    }
  }, [value]);
  const rqbFields = useMemo(() => toRqbFields(fields, intents), [fields, intents]);
  const kinds = useMemo(() => new Map(fields.map((f) => [f.name, f.kind])), [fields]);

  return (
    <div className="rule-builder">
      <QueryBuilder
        query={query}
        fields={rqbFields}
        onQueryChange={(q) => {
          setQuery(q);
          const result = queryToLogic(q, fields);
          if (result.ok && !sameJson(result.logic, emitted.current)) {
            emitted.current = result.logic;
            onChange(result.logic);
          }
        }}
        getValueEditorType={(field, operator) => {
          const kind = kinds.get(field);
          if (kind === 'intent' && (operator === 'in' || operator === 'notIn')) return 'multiselect';
          if (kind === 'intent' || kind === 'boolean') return 'select';
          return 'text';
        }}
        getInputType={(field) => (kinds.get(field) === 'number' ? 'number' : 'text')}
        getValueSources={() => ['value']}
        listsAsArrays
        showNotToggle
        resetOnFieldChange
        disabled={readOnly}
        controlElements={{ valueEditor: RuleValueEditor }}
        translations={{
          addRule: { label: '+ Condition', title: 'Add a condition' },
          addGroup: { label: '+ Group', title: 'Add a group of conditions' },
          removeRule: { label: '×', title: 'Remove this condition' },
          removeGroup: { label: '×', title: 'Remove this group' },
          notToggle: { label: 'Not', title: 'Match when this group is false' },
          fields: { title: 'Value to test' },
          operators: { title: 'Comparison' },
          value: { title: 'Compare with' },
          combinators: { title: 'Match all (and) or any (or)' },
        }}
        combinators={[
          { name: 'and', value: 'and', label: 'all of' },
          { name: 'or', value: 'or', label: 'any of' },
        ]}
        controlClassnames={{ queryBuilder: 'qb' }}
      />
      {query.rules.length === 0 && <p className="muted small rule-builder-empty">No conditions yet: this rule never matches. Add a condition to start.</p>}
    </div>
  );
}
