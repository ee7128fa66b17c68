// Each intent a router sends somewhere, with how many examples teach it: a designer who has just
// typed a new intent name gets one click to create it and write its examples, instead of a
// problem that says "no examples" and no way to get there from the canvas.
import { addIntent } from '../../document/intent-mutations.ts';
import type { EditorDoc } from '../../document/editor-document.ts';
import { useStudio } from '../../studio/studio-context.ts';
import { Icon } from '../../ui/Icon.tsx';

export function RoutedIntents({ routed, readOnly, doc }: { routed: readonly string[]; readOnly: boolean; doc: EditorDoc }) {
  const { store, ui } = useStudio();
  if (routed.length === 0) return null;
  const open = (name: string) => {
    if (!store.doc.intents?.some((i) => i.name === name)) store.change('Add intent', (d) => addIntent(d, name));
    ui.set((u) => ({ ...u, view: 'intents', focusIntent: name }));
  };
  return (
    <ul className="routed-intents" aria-label="Examples of the routed intents">
      {routed.map((name) => {
        const intent = doc.intents?.find((i) => i.name === name);
        const count = intent?.examples?.length ?? 0;
        const label = !intent ? (readOnly ? 'not defined' : 'Create and add examples') : count === 0 ? 'Add examples' : `${count.toLocaleString()} example${count === 1 ? '' : 's'}`;
        return (
          <li key={name} className={count === 0 ? 'routed-intent missing' : 'routed-intent'}>
            <span className="mono">{name}</span>
            {readOnly && !intent ? (
              <span className="muted small">{label}</span>
            ) : (
              <button type="button" className="link-button" aria-label={`${label} for ${name}`} onClick={() => open(name)}>
                {count === 0 && <Icon name="plus" size={12} />} {label}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
