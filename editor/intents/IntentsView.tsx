// Intents and their training examples: the list of intents (with problems), one intent's
// examples virtualised, and a search across every example of the flow.
import { useEffect, useMemo, useState } from 'react';
import { identifierPattern } from '../../shared/index.ts';
import { addIntent, otherLocales, removeIntent, renameIntent, setExamples, setLocaleExamples, updateIntent } from '../document/intent-mutations.ts';
import { uniqueId } from '../document/ids.ts';
import { useDoc, useProblems, useStudio, useUi } from '../studio/studio-context.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Icon } from '../ui/Icon.tsx';
import { TextField } from '../inspector/fields/TextField.tsx';
import { ExampleList, type ExampleRow } from './ExampleList.tsx';
import { IntentQuality } from './IntentQuality.tsx';
import { ExampleLanguage } from './ExampleLanguage.tsx';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';
import type { Autosave } from '../studio/autosave.ts';

/** `autosave` lets agent suggestions be added to the draft this tab shows (see SuggestionsPanel). */
export function IntentsView({ autosave }: { autosave?: Autosave } = {}) {
  const { store, ui, readOnly } = useStudio();
  const intents = useDoc((d) => d.intents ?? []);
  const problemsByIntent = useProblems((p) => p.byIntent);
  const focus = useUi((u) => u.focusIntent);
  const [selected, setSelected] = useState<string | null>(focus ?? intents[0]?.name ?? null);
  const [filter, setFilter] = useState('');
  const [search, setSearch] = useState('');
  /** The other locale whose examples are shown (null: the flow's main locale). */
  const [locale, setLocale] = useState<string | null>(null);
  useEffect(() => {
    if (focus) {
      setSelected(focus);
      ui.set((u) => ({ ...u, focusIntent: null }));
    }
  }, [focus, ui]);

  const total = useMemo(() => intents.reduce((n, i) => n + (i.examples?.length ?? 0), 0), [intents]);
  const visible = intents.filter((i) => !filter || i.name.toLowerCase().includes(filter.toLowerCase()));
  const current = intents.find((i) => i.name === selected) ?? null;

  const searchRows = useMemo((): ExampleRow[] => {
    const q = search.trim().toLowerCase();
    if (!q) return [];
    const rows: ExampleRow[] = [];
    for (const intent of intents) (intent.examples ?? []).forEach((text, index) => text.toLowerCase().includes(q) && rows.push({ intent: intent.name, index, text }));
    return rows;
  }, [intents, search]);

  const editExample = (row: ExampleRow, text: string) => {
    const intent = store.doc.intents?.find((i) => i.name === row.intent);
    if (!intent) return;
    const examples = [...(intent.examples ?? [])];
    examples[row.index] = text;
    store.change('Edit example', (d) => setExamples(d, row.intent, examples));
  };
  const deleteExample = (row: ExampleRow) => {
    const intent = store.doc.intents?.find((i) => i.name === row.intent);
    if (!intent) return;
    store.change('Delete example', (d) => setExamples(d, row.intent, (intent.examples ?? []).filter((_, i) => i !== row.index)));
  };
  const add = () => {
    const name = uniqueId('new_intent', new Set(intents.map((i) => i.name)));
    store.change('Add intent', (d) => addIntent(d, name));
    setSelected(name);
  };

  return (
    <div className="intents-view">
      <aside className="intents-sidebar" aria-label="Intents">
        <div className="intents-sidebar-header">
          <h2>
            Intents <span className="muted">{intents.length}</span>
          </h2>
          {!readOnly && (
            <button type="button" className="btn btn-sm" onClick={add}>
              <Icon name="plus" size={14} /> Add
            </button>
          )}
        </div>
        <input className="input input-sm" placeholder="Filter intents" aria-label="Filter intents" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <ul className="intent-list">
          {visible.map((i) => {
            const problems = problemsByIntent.get(i.name);
            return (
              <li key={i.name}>
                <button
                  type="button"
                  className={i.name === selected && !search ? 'intent-item active' : 'intent-item'}
                  aria-current={i.name === selected && !search ? 'true' : undefined}
                  onClick={() => {
                    setSelected(i.name);
                    setSearch('');
                  }}
                >
                  <span className="intent-name">{i.name}</span>
                  {problems && <Icon name="error" size={13} className="text-danger" label={problems[0]!.message} />}
                  <span className="intent-count">{i.examples?.length ?? 0}</span>
                </button>
              </li>
            );
          })}
        </ul>
        {filter && visible.length === 0 && <p className="muted small">No intent matches “{filter}”.</p>}
        <p className="muted small">{total.toLocaleString()} examples in all</p>
      </aside>
      <section className="intents-main">
        {autosave && (
          <SuggestionsPanel
            autosave={autosave}
            onOpenIntent={(name) => {
              setSelected(name);
              setSearch('');
            }}
          />
        )}
        <div className="intents-search">
          <Icon name="search" size={15} />
          <input placeholder={`Search all ${total.toLocaleString()} examples`} aria-label="Search all examples" value={search} onChange={(e) => setSearch(e.target.value)} />
          {search && <span className="muted small">{searchRows.length.toLocaleString()} matches</span>}
        </div>
        {search ? (
          <ExampleList label="Matching examples" rows={searchRows} showIntent readOnly={readOnly} onEdit={editExample} onDelete={deleteExample} onOpenIntent={(name) => { setSelected(name); setSearch(''); }} />
        ) : current ? (
          <IntentEditor key={current.name} name={current.name} locale={locale} onLocale={setLocale} onRenamed={setSelected} onDeleted={() => setSelected(intents.find((i) => i.name !== current.name)?.name ?? null)} editExample={editExample} deleteExample={deleteExample} />
        ) : (
          <EmptyState icon="intent" title="No intents yet" action={!readOnly ? <button type="button" className="btn btn-primary" onClick={add}>Add the first intent</button> : undefined}>
            An intent is something customers want ("where is my order"). Give each a few dozen example phrasings; an intent router sends each intent its own way.
          </EmptyState>
        )}
      </section>
    </div>
  );
}

function IntentEditor({ name, locale, onLocale, onRenamed, onDeleted, editExample, deleteExample }: { name: string; locale: string | null; onLocale: (l: string | null) => void; onRenamed: (n: string) => void; onDeleted: () => void; editExample: (r: ExampleRow, t: string) => void; deleteExample: (r: ExampleRow) => void }) {
  const { store, readOnly } = useStudio();
  const intent = useDoc((d) => d.intents?.find((i) => i.name === name));
  const problems = useProblems((p) => p.byIntent.get(name));
  const usedBy = useDoc((d) => d.nodes.filter((n) => n.type === 'intent' && JSON.stringify(n.data).includes(`"${name}"`)).map((n) => n.id).join(', '));
  const [nameText, setNameText] = useState(name);
  const [nameError, setNameError] = useState<string | undefined>();
  const [draft, setDraft] = useState('');
  const main = useDoc((d) => d.locale ?? 'en');
  const others = useDoc(otherLocales);
  const shown = locale !== null && (others.includes(locale) || intent?.localeExamples?.[locale]) ? locale : null;
  const examples = useMemo(() => (shown === null ? intent?.examples : intent?.localeExamples?.[shown]) ?? [], [intent, shown]);
  const rows = useMemo(() => examples.map((text, index) => ({ intent: name, index, text })), [examples, name]);
  if (!intent) return null;
  const language = shown ?? main;
  /** Replaces the examples of the language shown. */
  const setShown = (label: string, next: string[]) => store.change(label, (d) => (shown === null ? setExamples(d, name, next) : setLocaleExamples(d, name, shown, next)));
  const editShown = shown === null ? editExample : (row: ExampleRow, text: string) => setShown('Edit example', examples.map((e, i) => (i === row.index ? text : e)));
  const deleteShown = shown === null ? deleteExample : (row: ExampleRow) => setShown('Delete example', examples.filter((_, i) => i !== row.index));

  const commitName = () => {
    const next = nameText.trim();
    if (next === name) return;
    if (!identifierPattern.test(next)) return setNameError('Use letters, digits and underscores, starting with a letter.');
    if (store.doc.intents?.some((i) => i.name === next)) return setNameError(`There is already an intent called ${next}.`);
    store.change('Rename intent', (d) => renameIntent(d, name, next));
    onRenamed(next);
  };
  const addExamples = () => {
    const lines = draft.split('\n').map((l) => l.trim()).filter((l) => l && !examples.includes(l));
    if (lines.length === 0) return;
    setShown(lines.length === 1 ? 'Add example' : `Add ${lines.length} examples`, [...lines, ...examples]);
    setDraft('');
  };

  return (
    <div className="intent-editor">
      <div className="intent-editor-head">
        <div className="field-row">
          <TextField label="Name" mono value={nameText} readOnly={readOnly} error={nameError} onChange={(v) => { setNameText(v); setNameError(undefined); }} onBlur={commitName} />
          <TextField
            label="Label the bot uses"
            value={intent.label ?? ''}
            placeholder={name.replace(/_/g, ' ')}
            readOnly={readOnly}
            help='In "Did you mean …?" questions.'
            onChange={(v) => store.change('Edit intent label', (d) => updateIntent(d, name, { label: v || undefined }), { coalesceKey: `intent-label-${name}` })}
          />
        </div>
        <p className="muted small">
          {usedBy ? `Routed by ${usedBy}.` : 'Not routed by any intent router yet.'}
          {!readOnly && (
            <button
              type="button"
              className="link-button danger"
              onClick={() => {
                store.change('Delete intent', (d) => removeIntent(d, name));
                onDeleted();
              }}
            >
              Delete intent
            </button>
          )}
        </p>
        {problems && (
          <ul className="inspector-problems">
            {problems.map((p, i) => (
              <li key={i} className={`problem-${p.severity}`}>
                <Icon name="error" size={13} /> <span>{p.message}</span>
              </li>
            ))}
          </ul>
        )}
        <IntentQuality intent={name} />
        <ExampleLanguage
          main={main}
          others={others}
          value={shown}
          onChange={onLocale}
          onAdd={(l) => {
            if (!intent.localeExamples?.[l]) store.change(`Add ${l} examples`, (d) => setLocaleExamples(d, name, l, []));
            onLocale(l);
          }}
        />
      </div>
      {!readOnly && (
        <div className="example-add">
          <label htmlFor="new-example" className="field-label">
            Add {shown === null ? 'examples' : `${shown} examples`} <span className="muted small">(one per line; Enter adds, Shift+Enter for another line)</span>
          </label>
          <div className="example-add-row">
            <textarea
              id="new-example"
              className="input textarea"
              rows={1}
              value={draft}
              placeholder={shown === null ? 'How a customer might say it' : `How a customer might say it in ${shown}`}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) {
                  e.preventDefault();
                  addExamples();
                }
              }}
            />
            <button type="button" className="btn btn-primary btn-sm" onClick={addExamples} disabled={!draft.trim()}>
              Add
            </button>
          </div>
        </div>
      )}
      <div className="example-list-header">
        <strong>
          {examples.length.toLocaleString()} {language} examples
        </strong>
        <span className="muted small">Aim for 20 or more varied phrasings per intent.</span>
      </div>
      {examples.length === 0 ? (
        <p className="panel-note">
          {shown === null
            ? 'No examples yet. Without examples the intent cannot be recognised (and the flow cannot be committed).'
            : `No ${shown} examples yet. Until it has some, ${shown} conversations are matched to this intent with the ${main} examples' model.`}
        </p>
      ) : (
        <ExampleList key={language} label={`${language} examples of ${name}`} rows={rows} showIntent={false} readOnly={readOnly} onEdit={editShown} onDelete={deleteShown} />
      )}
    </div>
  );
}
