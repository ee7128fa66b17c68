// V8 settings for the server process. Allocation-site pretenuring is V8's guess that objects
// made at one place in the code live long, so it allocates them straight into the old generation.
// Under chat traffic it guesses wrong: the turn's state and its parts are kept for a while (the
// state cache, the conversation's next turn), so their allocation sites get pretenured, then most
// die within a second. The old generation then filled with garbage at ~45 MB/s at 2,000 turns/s,
// a full mark-compact ran every ~3.5 s, and every scavenge had to walk the old objects' pointers to
// young ones (4.3 ms a scavenge on average instead of 1.5). With pretenuring off, objects that
// survive are promoted by the scavenger only; measured in docs/benchmarks.md (session 12).
import v8 from 'node:v8';

/** Turns allocation-site pretenuring off for this process (its worker threads included). Call once, before serving. */
export function tuneGarbageCollection(): void {
  // V8 reads the flag when it decides, after each collection, so setting it at run time works:
  // the same scavenge and mark-compact figures as with `node --no-allocation-site-pretenuring`.
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}
