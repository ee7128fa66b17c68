// Before a simulated conversation: the channel and the customer fields the site would pass.
import { useState } from 'react';
import type { Json } from '../../shared/index.ts';
import { Icon } from '../ui/Icon.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import type { SimulationOptions } from './simulation.ts';

const channels = ['web', 'whatsapp', 'email', 'sms', 'voice'];

interface FieldRow {
  key: string;
  value: string;
}

/** Reads a typed-in value: numbers, true/false and JSON stay typed, anything else is text. */
export function parseFieldValue(text: string): Json {
  const t = text.trim();
  if (t === '') return '';
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^[[{"]/.test(t)) {
    try {
      return JSON.parse(t) as Json;
    } catch {
      return t;
    }
  }
  return t;
}

export function SimulatorSetup({ onStart, modelReady, examples, initial }: { onStart: (o: SimulationOptions) => void; modelReady: boolean; examples: number; initial: SimulationOptions | null }) {
  const [channel, setChannel] = useState(initial?.channel ?? 'web');
  const [rows, setRows] = useState<FieldRow[]>(() =>
    initial
      ? Object.entries(initial.customer).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) }))
      : [
          { key: 'firstName', value: 'Ada' },
          { key: 'tier', value: 'standard' },
        ],
  );
  const start = () => {
    const customer: Record<string, Json> = {};
    for (const r of rows) if (r.key.trim()) customer[r.key.trim()] = parseFieldValue(r.value);
    onStart({ channel, customer });
  };
  return (
    <form
      className="sim-setup"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <p className="muted small">Chat with the current draft, exactly as the live bot would answer. Set what the site knows about the customer first.</p>
      <label className="field">
        <span className="field-label">Channel</span>
        <select className="input select" value={channel} onChange={(e) => setChannel(e.target.value)}>
          {channels.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="sim-customer">
        <legend className="field-label">Customer fields</legend>
        {rows.map((r, i) => (
          <div className="sim-customer-row" key={i}>
            <input className="input input-sm mono" aria-label={`Customer field ${i + 1} name`} placeholder="field" value={r.key} onChange={(e) => setRows(rows.map((x, j) => (i === j ? { ...x, key: e.target.value } : x)))} />
            <input className="input input-sm" aria-label={`Customer field ${r.key || i + 1} value`} placeholder="value" value={r.value} onChange={(e) => setRows(rows.map((x, j) => (i === j ? { ...x, value: e.target.value } : x)))} />
            <button type="button" className="icon-button" aria-label={`Remove customer field ${r.key}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              <Icon name="x" size={13} />
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-ghost btn-xs" onClick={() => setRows([...rows, { key: '', value: '' }])}>
          <Icon name="plus" size={12} /> Add field
        </button>
        <p className="field-help">Numbers and true/false are typed automatically (e.g. value 1200, authenticated true). Rules read them as customer.field.</p>
      </fieldset>
      <button type="submit" className="btn btn-primary btn-block">
        <Icon name="play" size={14} /> Start conversation
      </button>
      <p className="muted small sim-model-status">
        {examples === 0 ? (
          'No intents: nothing to train.'
        ) : modelReady ? (
          <>
            <Icon name="checkCircle" size={12} /> Intent model trained on {examples.toLocaleString()} examples.
          </>
        ) : (
          <>
            <Spinner size={10} /> Training the intent model on {examples.toLocaleString()} examples in the background…
          </>
        )}
      </p>
    </form>
  );
}
