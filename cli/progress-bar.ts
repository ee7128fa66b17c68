// A one-line progress bar on stderr for long replays; only drawn on a terminal.
import type { CliIo } from './io.ts';

export function progressBar(io: CliIo, total: number) {
  let last = -1;
  return {
    update(done: number) {
      const percent = Math.min(100, Math.floor((done / Math.max(1, total)) * 100));
      if (percent === last) return;
      last = percent;
      const filled = Math.round(percent / 4);
      io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(25 - filled)}] ${percent}%`);
    },
    done() {
      if (last >= 0) io.stderr('\n');
    },
  };
}
