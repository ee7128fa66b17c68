// The sign-in screen: labelled fields, errors announced, the throttle explained.
import { useState, type FormEvent } from 'react';
import { apiFailure } from '../api/api-failure.ts';
import { Icon } from '../ui/Icon.tsx';
import { useSignIn } from './use-session.ts';

export function SignIn() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useSignIn();
  const failure = signIn.error ? apiFailure(signIn.error) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email, password });
  };
  return (
    <main className="signin-page">
      <form className="signin-card" onSubmit={submit} aria-labelledby="signin-title">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            <Icon name="flow" size={18} />
          </span>
          Switchboard
        </div>
        <h1 id="signin-title">Sign in to the studio</h1>
        <p className="muted">Design, review and publish your support bots.</p>
        <label className="field">
          <span className="field-label">Email</span>
          <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
        </label>
        <label className="field">
          <span className="field-label">Password</span>
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {failure && (
          <p className="form-error" role="alert">
            <Icon name="error" /> {failure.code === 'TOO_MANY_REQUESTS' ? `${failure.message} Wait a few minutes, then try again.` : failure.message}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted small">
          First start? The administrator's e-mail and password were printed by <code>npm start</code>.
        </p>
      </form>
    </main>
  );
}
