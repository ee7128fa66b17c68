// The studio's header: back to flows, the flow's name, save state, the views, problems,
// simulator and commit.
import { useState } from 'react';
import { Tabs, type TabSpec } from '../ui/Tabs.tsx';
import { Icon } from '../ui/Icon.tsx';
import { useDoc, useProblems, useStudio, useUi } from './studio-context.ts';
import type { StudioView } from './studio-ui.ts';
import { SaveIndicator } from './SaveIndicator.tsx';
import type { Autosave } from './autosave.ts';
import { setField } from '../document/mutations.ts';
import { CommitDialog } from '../versions/CommitDialog.tsx';

export function StudioHeader({ autosave }: { autosave: Autosave }) {
  const { store, ui, readOnly, flowId } = useStudio();
  const name = useDoc((d) => d.name);
  const intents = useDoc((d) => d.intents?.length ?? 0);
  const rules = useDoc((d) => d.escalation?.rules?.length ?? 0);
  const view = useUi((u) => u.view);
  const simulatorOpen = useUi((u) => u.simulatorOpen);
  const problemsOpen = useUi((u) => u.problemsOpen);
  const errors = useProblems((p) => p.errors);
  const warnings = useProblems((p) => p.warnings);
  const [committing, setCommitting] = useState(false);
  const tabs: TabSpec<StudioView>[] = [
    { id: 'canvas', label: 'Canvas' },
    { id: 'intents', label: 'Intents', badge: intents },
    { id: 'rules', label: 'Escalation rules', badge: rules },
    { id: 'settings', label: 'Settings' },
    { id: 'versions', label: 'Versions & review' },
  ];
  return (
    <header className="studio-header">
      <a className="icon-button" href="#/flows" aria-label="Back to flows" title="Back to flows">
        <Icon name="arrowLeft" size={16} />
      </a>
      <div className="studio-title">
        <label htmlFor="flow-name" className="sr-only">
          Flow name
        </label>
        <input
          id="flow-name"
          className="flow-name-input"
          value={name ?? ''}
          readOnly={readOnly}
          onChange={(e) => store.change('Rename flow', (d) => setField(d, 'name', e.target.value), { coalesceKey: 'flow-name' })}
        />
        <span className="studio-subtitle mono">{flowId}</span>
      </div>
      <SaveIndicator autosave={autosave} />
      <Tabs tabs={tabs} value={view} onChange={(v) => ui.set((u) => ({ ...u, view: v }))} label="Flow views" idPrefix="studio" />
      <div className="studio-actions">
        <button
          type="button"
          className={`problems-pill ${errors ? 'has-errors' : warnings ? 'has-warnings' : 'is-clean'}`}
          aria-pressed={problemsOpen}
          data-testid="problems-pill"
          onClick={() => ui.set((u) => ({ ...u, problemsOpen: !u.problemsOpen }))}
        >
          <Icon name={errors ? 'error' : warnings ? 'warning' : 'checkCircle'} size={14} />
          {errors || warnings ? `${errors} error${errors === 1 ? '' : 's'} · ${warnings} warning${warnings === 1 ? '' : 's'}` : 'No problems'}
        </button>
        <button type="button" className={simulatorOpen ? 'btn btn-sm is-active' : 'btn btn-sm'} aria-pressed={simulatorOpen} onClick={() => ui.set((u) => ({ ...u, simulatorOpen: !u.simulatorOpen }))}>
          <Icon name="chat" size={14} /> Simulate
        </button>
        {!readOnly && (
          <button type="button" className="btn btn-sm btn-primary" onClick={() => setCommitting(true)}>
            <Icon name="save" size={14} /> Commit
          </button>
        )}
      </div>
      <CommitDialog open={committing} onClose={() => setCommitting(false)} autosave={autosave} onCommitted={() => ui.set((u) => ({ ...u, view: 'versions' }))} />
    </header>
  );
}
