// Inspector for a Set node: assignments in order, each value a JSON-logic expression.
import type { Json } from '../../../shared/index.ts';
import { JsonField } from '../../inspector/fields/JsonField.tsx';
import { TextField } from '../../inspector/fields/TextField.tsx';
import { Icon } from '../../ui/Icon.tsx';
import type { NodePanelProps } from '../node-ui.ts';
import { recordList, str, type RawData } from '../raw-data.ts';

export function SetPanel({ data, errors, update, readOnly }: NodePanelProps) {
  const assignments = recordList(data, 'assignments');
  const setAt = (i: number, patch: RawData) => update({ ...data, assignments: assignments.map((a, j) => (i === j ? { ...a, ...patch } : a)) }, { coalesce: `assignment-${i}` });
  return (
    <>
      <p className="panel-note">Assignments run in order; later ones can read earlier ones. A value is a number, a text in quotes, or a rule such as {'{"+": [{"var": "vars.count"}, 1]}'}.</p>
      <ol className="case-list">
        {assignments.map((a, i) => (
          <li key={i} className="case-item">
            <div className="case-header">
              <span className="case-number">{i + 1}</span>
              <TextField label="Variable" mono value={str(a, 'variable')} readOnly={readOnly} error={errors.get(`assignments.${i}.variable`)} onChange={(v) => setAt(i, { variable: v })} />
              {!readOnly && (
                <button type="button" className="icon-button" aria-label={`Remove assignment ${i + 1}`} onClick={() => update({ ...data, assignments: assignments.filter((_, j) => j !== i) })}>
                  <Icon name="trash" size={14} />
                </button>
              )}
            </div>
            <JsonField label="Value" value={a.value as Json | undefined} readOnly={readOnly} error={errors.get(`assignments.${i}.value`)} onChange={(v) => setAt(i, { value: v })} />
          </li>
        ))}
      </ol>
      {errors.get('assignments') && <p className="field-error">{errors.get('assignments')}</p>}
      {!readOnly && (
        <button type="button" className="btn btn-sm" onClick={() => update({ ...data, assignments: [...assignments, { variable: `value_${assignments.length + 1}`, value: 0 }] })}>
          <Icon name="plus" size={14} /> Add assignment
        </button>
      )}
    </>
  );
}
