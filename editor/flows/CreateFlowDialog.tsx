// Create a flow: a name, an id derived from it (editable), a language.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FailureText } from '../ui/FailureText.tsx';
import { api } from '../api/trpc.ts';
import { navigate } from '../app/route.ts';
import { Dialog, DialogActions } from '../ui/Dialog.tsx';
import { notify } from '../ui/toast-store.ts';

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

export function CreateFlowDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [idEdited, setIdEdited] = useState(false);
  const [locale, setLocale] = useState('en');
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: () => api.flows.create.mutate({ id: idEdited ? id : slug(name), name: name.trim(), locale }),
    onSuccess: (draft) => {
      void client.invalidateQueries({ queryKey: ['flows.list'] });
      notify('success', `Created ${draft.flowId}`);
      onClose();
      navigate({ screen: 'flow', flowId: draft.flowId, panel: null });
    },
  });
  const effectiveId = idEdited ? id : slug(name);
  const idValid = /^[a-z0-9][a-z0-9-]*$/.test(effectiveId);
  return (
    <Dialog
      open={open}
      title="New flow"
      onClose={onClose}
      footer={
        <DialogActions onCancel={onClose} form="create-flow" disabled={!name.trim() || !idValid || create.isPending}>
          Create flow
        </DialogActions>
      }
    >
      <form
        id="create-flow"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() && idValid) create.mutate();
        }}
      >
        <label className="field">
          <span className="field-label">Name</span>
          <input className="input" value={name} autoFocus onChange={(e) => setName(e.target.value)} placeholder="e.g. Order returns" />
        </label>
        <label className="field">
          <span className="field-label">Id</span>
          <input
            className="input mono"
            value={effectiveId}
            aria-invalid={!!effectiveId && !idValid}
            onChange={(e) => {
              setIdEdited(true);
              setId(e.target.value);
            }}
          />
          <span className="field-help">Lowercase letters, digits and dashes. Sites refer to the flow by it; it cannot change later.</span>
        </label>
        <label className="field">
          <span className="field-label">Language</span>
          <input className="input mono" value={locale} onChange={(e) => setLocale(e.target.value)} />
        </label>
        <p className="muted small">The flow starts with a greeting and an end; open it to build from there.</p>
        <FailureText error={create.error} />
      </form>
    </Dialog>
  );
}
