// How well the model recognises one intent (recall, precision, what it is confused with), from
// the last measurement; measuring trains on 80% of the examples and tests on the rest.
import { useDoc } from '../studio/studio-context.ts';
import { useStoreValue } from '../document/small-store.ts';
import { trainingKey, trainingSets } from '../simulator/nlu-client.ts';
import { Icon } from '../ui/Icon.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { measureQuality, qualityStore } from './quality-store.ts';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function IntentQuality({ intent }: { intent: string }) {
  const doc = useDoc((d) => d);
  const state = useStoreValue(qualityStore, (s) => s);
  const row = state.report?.perIntent.find((r) => r.intent === intent);
  const stale = state.key !== null && state.key !== trainingKey(trainingSets(doc));
  return (
    <div className="intent-quality" aria-live="polite">
      <Icon name="sliders" size={14} />
      {state.status === 'running' ? (
        <>
          <Spinner size={12} /> Measuring model quality (training on 80% of the examples)…
        </>
      ) : row ? (
        <>
          <span className={row.f1 >= 0.85 ? 'quality-good' : row.f1 >= 0.65 ? 'quality-fair' : 'quality-poor'}>
            Recognised {pct(row.recall)} of held-out examples · precision {pct(row.precision)}
          </span>
          {row.confusedWith && <span className="muted">· confused with {row.confusedWith.intent} ({row.confusedWith.count}×)</span>}
          {stale && <span className="muted">· examples changed since</span>}
          <span className="muted">· overall accuracy {pct(state.report!.accuracy)}</span>
        </>
      ) : (
        <span className="muted">{state.status === 'failed' ? `Measuring failed: ${state.error}` : 'Model quality not measured yet.'}</span>
      )}
      {state.status !== 'running' && (
        <button type="button" className="btn btn-ghost btn-xs" onClick={() => void measureQuality(doc)}>
          {row ? 'Measure again' : 'Measure quality'}
        </button>
      )}
    </div>
  );
}
