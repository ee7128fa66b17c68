// V8 settings for the server process. Allocation-site pretenuring is V8's guess that objects
// made at one place in the code live long, so it allocates them straight into the old generation.
// Under chat traffic it guessed wrong in some runs (which sites, V8 did not say): objects of a
// turn, most of which die within a second, went there, and the old generation filled with garbage
// at ~45 MB/s at 2,000 turns/s (scavenges promoted only 4-17 MB/s). A full mark-compact then ran
// every ~3.5 s, and every scavenge had to walk the old objects' pointers to young ones (4.3 ms a
// scavenge on average instead of 1.5). With pretenuring off, objects that survive are promoted by
// the scavenger only; measured in docs/benchmarks.md (session 12).
import v8 from 'node:v8';

/** Turns allocation-site pretenuring off for this process (its worker threads included). Call once, before serving. */
export function tuneGarbageCollection(): void {
  // V8 reads the flag when it decides, after each collection, so setting it at run time works:
  // the same scavenge and mark-compact figures as with `node --no-allocation-site-pretenuring`.
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}
