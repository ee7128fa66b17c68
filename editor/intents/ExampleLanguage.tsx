// Which language's examples the Intents view shows: the flow's own locale, or one of the other
// locales the runtime trains a model for (`localeExamples`). Adding a language here is how a
// designer gives a flow a second model; removing one drops its examples from every intent.
import { useState, type FormEvent } from 'react';
import { localeTag } from '../../shared/index.ts';
import { removeLocale } from '../document/intent-mutations.ts';
import { useStudio } from '../studio/studio-context.ts';
import { Icon } from '../ui/Icon.tsx';
import { notify } from '../ui/toast-store.ts';

export interface ExampleLanguageProps {
  /** The flow's main locale (its `examples`). */
  main: string;
  /** Other locales with examples in any intent. */
  others: readonly string[];
  /** The locale shown; null = the main one. */
  value: string | null;
  onChange: (locale: string | null) => void;
  /** Adds a locale to the intent being edited (with no examples yet) and shows it. */
  onAdd: (locale: string) => void;
}

export function ExampleLanguage({ main, others, value, onChange, onAdd }: ExampleLanguageProps) {
  const { store, readOnly } = useStudio();
  const [adding, setAdding] = useState(false);
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = tag.trim();
    const parsed = localeTag.safeParse(next);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Not a locale tag.');
    if (next === main) return setError(`${main} is the flow's main language; its examples are the main list.`);
    onAdd(next);
    setAdding(false);
    setTag('');
    setError(null);
  };
  const remove = (locale: string) => {
    store.change(`Remove ${locale} examples`, (d) => removeLocale(d, locale));
    onChange(null);
    notify('info', `Removed the ${locale} examples of every intent`, 'Undo (Ctrl+Z) brings them back.');
  };
  return (
    <div className="example-language">
      <label className="example-language-pick">
        <span className="field-label">Examples in</span>
        <select className="input select input-sm" value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">{main} (main language)</option>
          {others.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      {!readOnly && !adding && (
        <button type="button" className="btn btn-sm" onClick={() => setAdding(true)}>
          <Icon name="plus" size={13} /> Add language
        </button>
      )}
      {!readOnly && value && (
        <button type="button" className="link-button danger" onClick={() => remove(value)}>
          Remove {value} from every intent
        </button>
      )}
      {adding && (
        <form className="example-language-add" onSubmit={submit}>
          <input
            className="input input-sm mono"
            aria-label="New language tag"
            placeholder="e.g. de or pt-BR"
            autoFocus
            value={tag}
            aria-invalid={!!error || undefined}
            aria-describedby={error ? 'new-language-error' : undefined}
            onChange={(e) => {
              setTag(e.target.value);
              setError(null);
            }}
            onKeyDown={(e) => e.key === 'Escape' && setAdding(false)}
          />
          <button type="submit" className="btn btn-primary btn-sm" disabled={!tag.trim()}>
            Add
          </button>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setAdding(false)}>
            Cancel
          </button>
          {error && (
            <span id="new-language-error" className="field-error" role="alert">
              {error}
            </span>
          )}
        </form>
      )}
      <p className="muted small example-language-help">
        {value
          ? `The bot uses these when a conversation is in ${value}; without them it falls back to the ${main} model.`
          : others.length
            ? `Also trained in ${others.join(', ')}.`
            : 'Customers writing in another language? Add it to train a model for that language too.'}
      </p>
    </div>
  );
}
