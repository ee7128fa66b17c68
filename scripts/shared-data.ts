// Where the shared customer-support datasets are (BANKING77 and CLINC150, with their licences):
// not in this repository but in `shared/data` beside the checkout. SWITCHBOARD_DATA_DIR overrides
// that. A clone of a local checkout (CI clones main into a temporary folder) looks beside the
// checkout it was cloned from, so the NLU tests and benchmarks find the data there too.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..');
let found: string | undefined;

/** The folder holding `banking77/` and `clinc150/`; throws, naming where it looked, when there is none. */
export function sharedDataDir(): string {
  if (found) return found;
  const places = [process.env.SWITCHBOARD_DATA_DIR, join(repoRoot, '..', 'shared', 'data'), originCheckout() && join(originCheckout()!, '..', 'shared', 'data')].filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
  found = places.map((p) => resolve(p)).find((p) => existsSync(join(p, 'banking77')));
  if (!found) throw new Error(`The shared datasets (banking77/, clinc150/) are not in ${places.join(' or ')}; set SWITCHBOARD_DATA_DIR to their folder.`);
  return found;
}

/** The local checkout this one was cloned from, if its origin is a folder on this machine. */
function originCheckout(): string | null {
  try {
    const url = execFileSync('git', ['-C', repoRoot, 'config', '--get', 'remote.origin.url'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const path = url.replace(/^file:\/\//, '');
    return path.startsWith('/') && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
