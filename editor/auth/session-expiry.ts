// When the session ends under an open studio (it expired, or was ended on the server), going back
// to the sign-in screen would throw away the person's unsaved work. Instead the studio asks them
// to sign in again in place (ReauthDialog), and whatever waited for the session — autosave's
// failed save — carries on once they are back.
import { apiFailure } from '../api/api-failure.ts';
import { createSmallStore, type SmallStore } from '../document/small-store.ts';

/** True while the signed-in person's session has ended and they have not signed in again. */
export const sessionEnded: SmallStore<boolean> = createSmallStore(false);

let waiting: (() => void)[] = [];

/** True when `error` is the server saying the request had no (valid) session. */
export function isSessionEndedError(error: unknown): boolean {
  const f = apiFailure(error);
  return f.code === 'UNAUTHORIZED' && f.message === 'Sign in first.';
}

/** Records that the session ended; resolves when the same person has signed in again. */
export function waitForSignIn(): Promise<void> {
  sessionEnded.set(true);
  return new Promise((resolve) => waiting.push(resolve));
}

/** The person signed in again: close the dialog and let everything that waited carry on. */
export function signedInAgain(): void {
  sessionEnded.set(false);
  const resume = waiting;
  waiting = [];
  for (const r of resume) r();
}
