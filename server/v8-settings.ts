// V8 settings for the server process, set as its entry point starts (flags V8 reads when it
// decides, so setting them at run time works like the command-line flag; worker threads share them).
import v8 from 'node:v8';

/** Applies both settings below. Call once, before serving. */
export function applyV8Settings(): void {
  // Allocation-site pretenuring is V8's guess that objects made at one place in the code live
  // long, so it allocates them straight into the old generation. Under chat traffic it guessed
  // wrong in some runs (which sites, V8 did not say): objects of a turn, most of which die within
  // a second, went there, and the old generation filled with garbage at ~45 MB/s at 2,000
  // turns/s (scavenges promoted only 4-17 MB/s). A full mark-compact then ran every ~3.5 s, and
  // every scavenge had to walk the old objects' pointers to young ones (4.3 ms a scavenge on
  // average instead of 1.5). With pretenuring off, objects that survive are promoted by the
  // scavenger only; measured in docs/benchmarks.md (session 12).
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
  // Designers write regular expressions (an ask node's pattern) that customers' answers are
  // tested against, on the thread that serves everyone. A backtracking pattern such as (a*)*b
  // took 19 s over 31 characters, doubling with each one more. Past 50,000 backtracks V8 now
  // reruns the match on its linear-time engine (1 ms on the same input); the flow checker
  // refuses the constructs that engine cannot run (backreferences, lookaround).
  v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
}
