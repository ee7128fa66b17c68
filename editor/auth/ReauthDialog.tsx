// Sign in again without leaving the screen: shown when the session ends under a signed-in user.
// Everything on screen (an unsaved draft, an open simulator, a half-written comment) stays; once
// the same person is back, failed requests are retried and autosave saves what waited.
import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CurrentUser } from '../../shared/index.ts';
import { apiFailure } from '../api/api-failure.ts';
import { api } from '../api/trpc.ts';
import { useStoreValue } from '../document/small-store.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { Icon } from '../ui/Icon.tsx';
import { sessionEnded, signedInAgain } from './session-expiry.ts';
import { sessionKey, useSignOut } from './use-session.ts';

const isEnded = (ended: boolean) => ended;

export function ReauthDialog({ user }: { user: CurrentUser }) {
  const open = useStoreValue(sessionEnded, isEnded);
  const [password, setPassword] = useState('');
  const client = useQueryClient();
  const signOut = useSignOut();
  const signIn = useMutation({
    mutationFn: () => api.auth.login.mutate({ email: user.email, password }),
    onSuccess: (result) => {
      setPassword('');
      if (result.user.id !== user.id) {
        // Someone else's account: this screen's work is not theirs to save.
        client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
        client.setQueryData(sessionKey, result.user);
        sessionEnded.set(false);
        return;
      }
      client.setQueryData(sessionKey, result.user);
      signedInAgain();
      void client.invalidateQueries({ predicate: (q) => q.state.status === 'error' });
    },
  });
  const failure = signIn.error ? apiFailure(signIn.error) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password) signIn.mutate();
  };
  return (
    // No close button: closing without signing in would leave every save failing; signing out is the way out.
    <Dialog
      open={open}
      title="Your session has ended"
      footer={
        <>
          <button type="button" className="btn btn-ghost" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            Sign out
          </button>
          <button type="submit" form="reauth" className="btn btn-primary" disabled={!password || signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </>
      }
    >
      <form id="reauth" onSubmit={submit}>
        <p>
          Sign in again to carry on where you left off. Nothing on this screen is lost: unsaved changes are kept and saved as soon as you are back.
        </p>
        <p className="muted small">
          Signed in as <strong>{user.email}</strong>. To switch accounts, sign out (unsaved changes are then lost).
        </p>
        <input type="email" autoComplete="username" value={user.email} readOnly hidden />
        <label className="field">
          <span className="field-label">Password</span>
          <input className="input" type="password" autoComplete="current-password" autoFocus required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {failure && (
          <p className="form-error" role="alert">
            <Icon name="error" /> {failure.code === 'TOO_MANY_REQUESTS' ? `${failure.message} Wait a few minutes, then try again.` : failure.message}
          </p>
        )}
      </form>
    </Dialog>
  );
}
