// The last model-quality measurement of this browser tab (held-out split, in the NLU worker).
import { createSmallStore } from '../document/small-store.ts';
import type { EditorDoc } from '../document/editor-document.ts';
import { evaluateIntents, trainingKey, trainingSets } from '../simulator/nlu-client.ts';
import type { QualityReport } from '../simulator/nlu-protocol.ts';

export interface QualityState {
  status: 'idle' | 'running' | 'done' | 'failed';
  /** Training-data fingerprint the report was measured on. */
  key: string | null;
  report: QualityReport | null;
  error: string | null;
}

export const qualityStore = createSmallStore<QualityState>({ status: 'idle', key: null, report: null, error: null });

export async function measureQuality(doc: EditorDoc): Promise<void> {
  const key = trainingKey(trainingSets(doc));
  qualityStore.set((s) => ({ ...s, status: 'running', error: null }));
  try {
    const report = await evaluateIntents(doc);
    qualityStore.set({ status: 'done', key, report, error: null });
  } catch (e) {
    qualityStore.set((s) => ({ ...s, status: 'failed', error: e instanceof Error ? e.message : String(e) }));
  }
}
