// The agent's verdict on the escalation: was a person needed, and if the bot misunderstood, what
// the customer meant. Feeds escalation accuracy and the designers' suggested training examples.
import { useState, type FormEvent } from 'react';
import type { InboxDetail } from '../../shared/api/inbox.ts';
import { describeFailure } from '../api/api-failure.ts';
import { api } from '../api/trpc.ts';
import { formatTime } from '../ui/format.ts';

export function LabelForm({ detail, onSaved }: { detail: InboxDetail; onSaved: () => void }) {
  const saved = detail.label;
  const [needed, setNeeded] = useState<boolean | null>(saved ? saved.escalationNeeded : null);
  const [intent, setIntent] = useState(saved?.correctIntent ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (needed === null) return setError('Say whether a person was needed.');
    setBusy(true);
    setError(null);
    try {
      await api.inbox.label.mutate({ handoffId: detail.item.handoffId, escalationNeeded: needed, correctIntent: intent || null });
      onSaved();
    } catch (err) {
      setError(describeFailure(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="label-form" aria-label="Label this escalation" onSubmit={(e) => void submit(e)}>
      <fieldset>
        <legend className="field-label">Was a person needed?</legend>
        <label className="checkbox-label">
          <input type="radio" name="needed" checked={needed === true} onChange={() => setNeeded(true)} /> Yes, the bot was right to escalate
        </label>
        <label className="checkbox-label">
          <input type="radio" name="needed" checked={needed === false} onChange={() => setNeeded(false)} /> No, the bot should have handled it
        </label>
      </fieldset>
      <div className="field">
        <label className="field-label" htmlFor="correct-intent">
          What the customer meant, if the bot misunderstood
        </label>
        <select id="correct-intent" className="select" value={intent} onChange={(e) => setIntent(e.target.value)}>
          <option value="">The bot understood (no suggestion)</option>
          {detail.intents.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <span className="field-help">Picking an intent suggests the customer's message as a new training example; a designer reviews it.</span>
      </div>
      <div className="button-row">
        <button type="submit" className="btn" disabled={busy}>
          Save label
        </button>
        {saved && (
          <span className="muted small" role="status">
            Labelled by {saved.labelledBy.name} {formatTime(saved.labelledAt)}
            {saved.suggestionStatus ? ` · suggestion ${saved.suggestionStatus}` : ''}
          </span>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
