// A rule edited two ways at once: the visual builder for designers and Monaco's JSON for anyone
// who prefers text, kept in sync in both directions, with the rule's problems and a try box.
import { useEffect, useMemo, useState } from 'react';
import type { Json } from '../../shared/index.ts';
import { checkLogic } from '../../runtime/logic/index.ts';
import type { EditorDoc } from '../document/editor-document.ts';
import { intentNames } from '../document/editor-document.ts';
import { LazyJsonEditor } from '../monaco/LazyMonaco.tsx';
import { Icon } from '../ui/Icon.tsx';
import { jsonLogicSchema } from './json-logic-schema.ts';
import { sameJson } from './logic-query.ts';
import { RuleBuilder } from './RuleBuilder.tsx';
import { ruleFields, sampleContext } from './rule-fields.ts';
import { TryRule } from './TryRule.tsx';

export interface RuleWorkbenchProps {
  value: Json | undefined;
  onChange: (logic: Json) => void;
  doc: EditorDoc;
  /** Unique per rule: names Monaco's models. */
  modelPath: string;
  readOnly?: boolean;
  /** Show the try box. Default true. */
  tryIt?: boolean;
}

const pretty = (v: Json | undefined) => (v === undefined ? '' : JSON.stringify(v, null, 2));

export function RuleWorkbench({ value, onChange, doc, modelPath, readOnly, tryIt = true }: RuleWorkbenchProps) {
  const fields = useMemo(() => ruleFields(doc, value), [doc, value]);
  const intents = useMemo(() => intentNames(doc), [doc]);
  const schema = useMemo(() => jsonLogicSchema(fields.map((f) => ({ name: f.name, description: `${f.description}` }))), [fields]);
  const sample = useMemo(() => sampleContext(doc), [doc]);
  const [text, setText] = useState(() => pretty(value));
  const [jsonError, setJsonError] = useState<string | null>(null);

  useEffect(() => {
    setText((current) => {
      try {
        if (sameJson(JSON.parse(current), value)) return current;
      } catch {
        /* the text is mid-edit; the builder's value wins */
      }
      return pretty(value);
    });
    setJsonError(null);
  }, [value]);

  const onText = (next: string) => {
    setText(next);
    try {
      const parsed = JSON.parse(next) as Json;
      setJsonError(null);
      if (!sameJson(parsed, value)) onChange(parsed);
    } catch {
      setJsonError('The JSON is incomplete; the builder shows the last valid version.');
    }
  };

  const problems = value === undefined ? [] : checkLogic(value);

  return (
    <div className="rule-workbench">
      <div className="rule-workbench-columns">
        <section className="rule-pane" aria-label="Visual builder">
          <header className="rule-pane-header">
            <h3>Visual builder</h3>
            <span className="muted small">Pick what to test, how to compare and the value.</span>
          </header>
          <div className="rule-pane-body">
            <RuleBuilder value={value} onChange={onChange} fields={fields} intents={intents} readOnly={readOnly} />
          </div>
        </section>
        <section className="rule-pane rule-pane-json" aria-label="JSON-logic">
          <header className="rule-pane-header">
            <h3>JSON-logic</h3>
            <span className="muted small">
              Same rule as text. <kbd className="kbd">Ctrl</kbd>+<kbd className="kbd">Space</kbd> completes operators and values.
            </span>
          </header>
          <div className="rule-pane-body rule-json" data-testid="rule-json">
            <LazyJsonEditor path={`${modelPath}.json`} value={text} onChange={onText} schema={schema} readOnly={readOnly} ariaLabel="Rule as JSON-logic" autoHeight={{ min: 240, max: 620 }} />
          </div>
          {jsonError && (
            <p className="field-help warning-text">
              <Icon name="warning" size={12} /> {jsonError}
            </p>
          )}
        </section>
      </div>
      {problems.length > 0 && (
        <ul className="rule-problems" aria-label="Problems in this rule">
          {problems.map((p, i) => (
            <li key={i}>
              <Icon name="error" size={14} /> {p.message}
            </li>
          ))}
        </ul>
      )}
      {tryIt && <TryRule rule={value} sample={sample} modelPath={modelPath} />}
    </div>
  );
}
