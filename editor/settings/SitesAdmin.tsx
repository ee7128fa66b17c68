// Sites and their API keys (admin): a key's secret is shown once, at creation; only its hash is kept.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { environments, type Environment } from '../../shared/index.ts';
import { describeFailure } from '../api/api-failure.ts';
import { api } from '../api/trpc.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { formatTime, personName } from '../ui/format.ts';
import { notify } from '../ui/toast-store.ts';

export function SitesAdmin() {
  const client = useQueryClient();
  const sites = useQuery({ queryKey: ['sites.list'], queryFn: () => api.sites.list.query() });
  const refresh = () => client.invalidateQueries({ queryKey: ['sites.list'] });
  const [site, setSite] = useState({ id: '', name: '' });
  const [secret, setSecret] = useState<{ siteId: string; environment: Environment; secret: string } | null>(null);
  const createSite = useMutation({ mutationFn: () => api.sites.create.mutate(site), onSuccess: () => (setSite({ id: '', name: '' }), void refresh()) });
  const createKey = useMutation({
    mutationFn: (v: { siteId: string; environment: Environment }) => api.sites.createKey.mutate({ ...v, label: '' }),
    onSuccess: (r, v) => {
      setSecret({ siteId: v.siteId, environment: v.environment, secret: r.secret });
      void refresh();
    },
    onError: (e) => notify('error', 'No key created', describeFailure(e)),
  });
  const revoke = useMutation({ mutationFn: (keyId: string) => api.sites.revokeKey.mutate({ keyId }), onSuccess: refresh, onError: (e) => notify('error', 'Not revoked', describeFailure(e)) });
  return (
    <div className="admin-grid">
      <section className="card">
        <h2 className="card-title">Sites</h2>
        {secret && (
          <div className="secret-box" role="alert">
            <strong>
              New {secret.environment} key for {secret.siteId}: copy it now, it is shown only once.
            </strong>
            <code className="mono" data-testid="new-key-secret">
              {secret.secret}
            </code>
            <p className="small">
              Put the widget on the site's pages with this key (it runs what is deployed to {secret.environment}):
            </p>
            <pre className="mono small snippet" aria-label="Widget snippet">{`<script src="${window.location.origin}/widget.js" data-site-key="${secret.secret}" data-flow="<flow id>" defer></script>`}</pre>
            <p className="small">
              Or <a href={`/demo?key=${encodeURIComponent(secret.secret)}`} target="_blank" rel="noreferrer">try it on the demo page</a> (banking-support; add <code>&amp;flow=&lt;flow id&gt;</code> to the address for another flow).
            </p>
            <div className="button-row">
              <button type="button" className="btn btn-sm" onClick={() => void navigator.clipboard?.writeText(secret.secret).then(() => notify('success', 'Key copied'))}>
                <Icon name="copy" size={13} /> Copy
              </button>
              <button type="button" className="btn btn-sm" onClick={() => setSecret(null)}>
                Done
              </button>
            </div>
          </div>
        )}
        {sites.isPending ? (
          <Spinner />
        ) : sites.isError ? (
          <p className="form-error">{describeFailure(sites.error)}</p>
        ) : sites.data.length === 0 ? (
          <EmptyState icon="key" title="No sites yet">
            A site is a website or app that runs your bots with its own keys.
          </EmptyState>
        ) : (
          sites.data.map((s) => (
            <article key={s.id} className="site-card">
              <header>
                <h3>{s.name}</h3>
                <span className="muted mono small">{s.id}</span>
                <div className="button-row">
                  {environments.map((env) => (
                    <button key={env} type="button" className="btn btn-xs" aria-label={`New ${env} key for ${s.name}`} onClick={() => createKey.mutate({ siteId: s.id, environment: env })}>
                      <Icon name="key" size={12} /> New {env} key
                    </button>
                  ))}
                </div>
              </header>
              {s.keys.length === 0 ? (
                <p className="muted small">No keys.</p>
              ) : (
                <table className="table">
                  <tbody>
                    {s.keys.map((k) => (
                      <tr key={k.id} className={k.revokedAt ? 'is-disabled' : undefined}>
                        <td className="mono">{k.prefix}…</td>
                        <td>
                          <span className={`badge env-${k.environment}`}>{k.environment}</span>
                        </td>
                        <td className="muted small">
                          {personName(k.createdBy)} · {formatTime(k.createdAt)}
                        </td>
                        <td>
                          {k.revokedAt ? (
                            <span className="muted small">revoked {formatTime(k.revokedAt)}</span>
                          ) : (
                            <button type="button" className="btn btn-ghost btn-xs" aria-label={`Revoke key ${k.prefix}…`} onClick={() => revoke.mutate(k.id)}>
                              Revoke
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </article>
          ))
        )}
      </section>
      <section className="card">
        <h2 className="card-title">Add a site</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            createSite.mutate();
          }}
        >
          <label className="field">
            <span className="field-label">Id</span>
            <input className="input mono" required pattern="[a-z0-9][a-z0-9-]*" placeholder="e.g. shop-web" aria-describedby="site-id-help" value={site.id} onChange={(e) => setSite({ ...site, id: e.target.value })} />
            <span id="site-id-help" className="field-help">Lowercase letters, digits and dashes; it cannot change later.</span>
          </label>
          <label className="field">
            <span className="field-label">Name</span>
            <input className="input" required value={site.name} onChange={(e) => setSite({ ...site, name: e.target.value })} />
          </label>
          {createSite.error && <p className="form-error">{describeFailure(createSite.error)}</p>}
          <button type="submit" className="btn btn-primary" disabled={createSite.isPending}>
            <Icon name="plus" size={14} /> Add site
          </button>
        </form>
      </section>
    </div>
  );
}
