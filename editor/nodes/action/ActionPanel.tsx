// Inspector for an Action node: which webhook, what it is sent, and where its answer goes.
import type { Json } from '../../../shared/index.ts';
import { JsonField } from '../../inspector/fields/JsonField.tsx';
import { NumberField } from '../../inspector/fields/NumberField.tsx';
import { TextField } from '../../inspector/fields/TextField.tsx';
import { Icon } from '../../ui/Icon.tsx';
import type { NodePanelProps } from '../node-ui.ts';
import { asRecord, num, str, withField } from '../raw-data.ts';
import { uniqueId } from '../../document/ids.ts';

export function ActionPanel({ data, errors, update, readOnly }: NodePanelProps) {
  const input = asRecord(data.input);
  const entries = Object.entries(input);
  const setInput = (next: Record<string, unknown>) => update(withField(data, 'input', next), { coalesce: 'input' });
  return (
    <>
      <TextField label="Webhook name" mono value={str(data, 'action')} readOnly={readOnly} error={errors.get('action')} help="As configured for the site, e.g. lookup_order." onChange={(v) => update(withField(data, 'action', v), { coalesce: 'action' })} />
      <div className="field">
        <span className="field-label">Request fields</span>
        {entries.length === 0 && <p className="field-help">Nothing is sent yet. Add a field computed from the conversation.</p>}
        <ul className="kv-list">
          {entries.map(([key, value]) => (
            <li key={key} className="kv-item">
              <TextField
                label="Field"
                mono
                value={key}
                readOnly={readOnly}
                onChange={(k) => {
                  if (!k || (k !== key && k in input)) return;
                  setInput(Object.fromEntries(entries.map(([ek, ev]) => (ek === key ? [k, ev] : [ek, ev]))));
                }}
              />
              <JsonField label="Value" value={value as Json} readOnly={readOnly} error={errors.get(`input.${key}`)} onChange={(v) => setInput({ ...input, [key]: v })} />
              {!readOnly && (
                <button type="button" className="icon-button" aria-label={`Remove field ${key}`} onClick={() => setInput(Object.fromEntries(entries.filter(([ek]) => ek !== key)))}>
                  <Icon name="trash" size={14} />
                </button>
              )}
            </li>
          ))}
        </ul>
        {!readOnly && (
          <button type="button" className="btn btn-sm" onClick={() => setInput({ ...input, [uniqueId('field', new Set(Object.keys(input)))]: { var: 'vars.order_id' } })}>
            <Icon name="plus" size={14} /> Add field
          </button>
        )}
      </div>
      <NumberField label="Timeout (ms)" min={100} max={60000} step={500} value={num(data, 'timeoutMs')} placeholder="5000" readOnly={readOnly} error={errors.get('timeoutMs')} help="After this the Error port is taken." onChange={(v) => update(withField(data, 'timeoutMs', v), { coalesce: 'timeoutMs' })} />
      <TextField label="Store the result in (optional)" mono value={str(data, 'resultVariable')} readOnly={readOnly} error={errors.get('resultVariable')} onChange={(v) => update(withField(data, 'resultVariable', v || undefined), { coalesce: 'resultVariable' })} />
    </>
  );
}
