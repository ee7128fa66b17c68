// Every problem checkFlow finds in the draft, errors first; each one jumps to where it is.
import { useDoc, useProblems, useStudio } from './studio-context.ts';
import { Icon } from '../ui/Icon.tsx';
import { goToProblem, placeLabel, problemPlace } from './go-to-problem.ts';

export function ProblemsPanel({ onClose }: { onClose: () => void }) {
  const { ui, canvas } = useStudio();
  const index = useProblems((p) => p);
  const doc = useDoc((d) => d);
  const sorted = [...index.all].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <section className="problems-panel" aria-label="Problems">
      <header className="problems-header">
        <h2>
          Problems <span className="muted">{index.errors} error{index.errors === 1 ? '' : 's'}, {index.warnings} warning{index.warnings === 1 ? '' : 's'}</span>
        </h2>
        <button type="button" className="icon-button" aria-label="Close problems" onClick={onClose}>
          <Icon name="x" size={14} />
        </button>
      </header>
      {sorted.length === 0 ? (
        <p className="problems-empty">
          <Icon name="checkCircle" size={16} /> No problems: this draft can be committed.
        </p>
      ) : (
        <ul className="problems-list">
          {sorted.map((p, i) => {
            const place = problemPlace(doc, p);
            return (
              <li key={`${p.code}-${p.path}-${i}`}>
                <button type="button" className={`problem-row problem-${p.severity}`} onClick={() => goToProblem(place, ui, canvas)}>
                  <Icon name={p.severity === 'error' ? 'error' : 'warning'} size={14} />
                  <span className="problem-message">{p.message}</span>
                  <span className="problem-place">{placeLabel(place)}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
