// Users and roles (admin): create accounts, grant and take roles, disable an account.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roles, type Role } from '../../shared/index.ts';
import { describeFailure } from '../api/api-failure.ts';
import { api } from '../api/trpc.ts';
import { useCurrentUser } from '../auth/current-user.ts';
import { Icon } from '../ui/Icon.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { formatTime } from '../ui/format.ts';
import { notify } from '../ui/toast-store.ts';

const roleHelp: Record<Role, string> = {
  admin: 'users, sites, keys',
  designer: 'edit, commit, deploy',
  reviewer: 'approve or reject',
  agent: 'answer handed-over chats',
  analyst: 'read flows and figures',
};

export function UsersAdmin() {
  const me = useCurrentUser();
  const client = useQueryClient();
  const users = useQuery({ queryKey: ['users.list'], queryFn: () => api.users.list.query() });
  const refresh = () => client.invalidateQueries({ queryKey: ['users.list'] });
  const setRoles = useMutation({ mutationFn: (v: { userId: string; roles: Role[] }) => api.users.setRoles.mutate(v), onSuccess: refresh, onError: (e) => notify('error', 'Roles not changed', describeFailure(e)) });
  const setDisabled = useMutation({ mutationFn: (v: { userId: string; disabled: boolean }) => api.users.setDisabled.mutate(v), onSuccess: refresh, onError: (e) => notify('error', 'Not changed', describeFailure(e)) });
  const [form, setForm] = useState({ email: '', name: '', password: '', roles: ['designer'] as Role[] });
  const create = useMutation({
    mutationFn: () => api.users.create.mutate(form),
    onSuccess: () => {
      notify('success', `Created ${form.email}`);
      setForm({ email: '', name: '', password: '', roles: ['designer'] });
      void refresh();
    },
  });
  return (
    <div className="admin-grid">
      <section className="card">
        <h2 className="card-title">Users</h2>
        {users.isPending ? (
          <Spinner />
        ) : users.isError ? (
          <p className="form-error">{describeFailure(users.error)}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">User</th>
                {roles.map((r) => (
                  <th key={r} scope="col" title={roleHelp[r]}>
                    {r}
                  </th>
                ))}
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id} className={u.disabled ? 'is-disabled' : undefined}>
                  <td>
                    <strong>{u.name}</strong>
                    <div className="muted small">
                      {u.email} · since {formatTime(u.createdAt)}
                    </div>
                  </td>
                  {roles.map((r) => (
                    <td key={r}>
                      <input
                        type="checkbox"
                        aria-label={`${u.email} is ${r}`}
                        checked={u.roles.includes(r)}
                        disabled={setRoles.isPending || (u.id === me.id && r === 'admin')}
                        onChange={(e) => setRoles.mutate({ userId: u.id, roles: e.target.checked ? [...u.roles, r] : u.roles.filter((x) => x !== r) })}
                      />
                    </td>
                  ))}
                  <td>
                    {u.id === me.id ? (
                      <span className="muted small">you</span>
                    ) : (
                      <button type="button" className="btn btn-ghost btn-xs" onClick={() => setDisabled.mutate({ userId: u.id, disabled: !u.disabled })}>
                        {u.disabled ? 'Enable' : 'Disable'}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card">
        <h2 className="card-title">Add a user</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <label className="field">
            <span className="field-label">Email</span>
            <input className="input" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
          </label>
          <label className="field">
            <span className="field-label">Name</span>
            <input className="input" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </label>
          <label className="field">
            <span className="field-label">Initial password</span>
            <input className="input" type="password" autoComplete="new-password" minLength={10} required value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
            <span className="field-help">At least 10 characters; share it safely. They can change it later.</span>
          </label>
          <fieldset className="field">
            <legend className="field-label">Roles</legend>
            <div className="checkbox-grid">
              {roles.map((r) => (
                <label key={r} className="checkbox-label">
                  <input type="checkbox" checked={form.roles.includes(r)} onChange={(e) => setForm({ ...form, roles: e.target.checked ? [...form.roles, r] : form.roles.filter((x) => x !== r) })} />
                  {r} <span className="muted small">{roleHelp[r]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {create.error && <p className="form-error">{describeFailure(create.error)}</p>}
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            <Icon name="plus" size={14} /> Add user
          </button>
        </form>
      </section>
    </div>
  );
}
