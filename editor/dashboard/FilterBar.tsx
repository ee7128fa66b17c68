// The dashboard's filters: period (UTC days), flow, version (of the chosen flow), channel, queue.
// Every control is labelled; a bad period is explained next to it instead of being sent.
import { useState } from 'react';
import { dashboardFilter, type DashboardFilter, type DashboardOptions } from '../../shared/api/dashboard.ts';

export function FilterBar({ options, filter, onChange }: { options: DashboardOptions; filter: DashboardFilter; onChange: (f: DashboardFilter) => void }) {
  const [from, setFrom] = useState(filter.from);
  const [to, setTo] = useState(filter.to);
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState({ from: filter.from, to: filter.to });
  if (filter.from !== applied.from || filter.to !== applied.to) {
    // The period was changed from outside (e.g. "show the latest 30 days"): show it in the fields.
    setApplied({ from: filter.from, to: filter.to });
    setFrom(filter.from);
    setTo(filter.to);
  }

  const apply = (next: Partial<DashboardFilter>) => {
    const merged: Record<string, unknown> = { ...filter, ...next };
    for (const k of Object.keys(merged)) if (merged[k] === '' || merged[k] === undefined) delete merged[k];
    const parsed = dashboardFilter.safeParse(merged);
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => i.message).join(' '));
      return;
    }
    setError(null);
    setApplied({ from: parsed.data.from, to: parsed.data.to });
    onChange(parsed.data);
  };
  const versions = options.versions.filter((v) => v.flowId === filter.flowId);

  return (
    <form className="card dash-filters" aria-label="Filters" onSubmit={(e) => {
        e.preventDefault();
        apply({ from, to });
      }}
    >
      <label className="field">
        <span className="field-label">From</span>
        <input className="input input-sm" type="date" value={from} onChange={(e) => setFrom(e.target.value)}  />
      </label>
      <label className="field">
        <span className="field-label">To</span>
        <input className="input input-sm" type="date" value={to} onChange={(e) => setTo(e.target.value)}  />
      </label>
      <label className="field">
        <span className="field-label">Flow</span>
        <select className="input input-sm select" value={filter.flowId ?? ''} onChange={(e) => apply({ flowId: e.target.value || undefined, versionId: undefined })}>
          <option value="">All flows</option>
          {options.flows.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Version</span>
        <select className="input input-sm select" value={filter.versionId ?? ''} disabled={!filter.flowId} title={filter.flowId ? undefined : 'Choose a flow first'} onChange={(e) => apply({ versionId: e.target.value || undefined })}>
          <option value="">All versions</option>
          {versions.map((v) => (
            <option key={v.id} value={v.id}>
              Version {v.number}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Channel</span>
        <select className="input input-sm select" value={filter.channel ?? ''} onChange={(e) => apply({ channel: e.target.value || undefined })}>
          <option value="">All channels</option>
          {options.channels.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Queue</span>
        <select className="input input-sm select" value={filter.queue ?? ''} onChange={(e) => apply({ queue: e.target.value || undefined })} aria-describedby="dash-queue-help">
          <option value="">All queues</option>
          {options.queues.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-sm dash-apply">
        Apply period
      </button>
      <p id="dash-queue-help" className="field-help dash-filters-help">
        The queue filter narrows escalation, agent and live figures; containment, repeat contact and CSAT count every conversation.
      </p>
      {error && (
        <p className="form-error dash-filters-help" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
