// Keeps the problems index in step with the draft: checkFlow (the runtime's own validation) runs
// on the first render and then shortly after each burst of edits.
import { useEffect } from 'react';
import { checkFlow } from '../../runtime/index.ts';
import type { DocumentStore } from '../document/document-store.ts';
import { indexProblems, type ProblemIndex } from '../document/problem-index.ts';
import type { SmallStore } from '../document/small-store.ts';

/** Pause after the last edit before re-checking. Default 150 ms (checkFlow takes ~15 ms on banking-support). */
export const CHECK_DELAY_MS = 150;

export function useProblemCheck(store: DocumentStore, problems: SmallStore<ProblemIndex>): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let checked: unknown = null;
    const run = () => {
      timer = undefined;
      const doc = store.doc;
      if (doc === checked) return;
      checked = doc;
      problems.set(indexProblems(doc, checkFlow(doc)));
    };
    // The first check waits a tick so the canvas paints first.
    timer = setTimeout(run, 0);
    const unsubscribe = store.subscribe(() => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(run, CHECK_DELAY_MS);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [store, problems]);
}
