// The operations dashboard (analyst, admin): a filter bar, live tiles that refresh on their own,
// the period's headline figures, charts with table alternatives, and a CSV export built from the
// figures on screen. Lazy-loaded with recharts, so the studio's first load does not carry it.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DashboardFigures, DashboardFilter, DashboardOptions, LiveTiles } from '../../shared/api/dashboard.ts';
import { dashboardCsv } from '../../shared/dashboard-csv.ts';
import { describeFailure } from '../api/api-failure.ts';
import { FailureText } from '../ui/FailureText.tsx';
import { api } from '../api/trpc.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { downloadText } from '../ui/download.ts';
import { DashboardCharts } from './DashboardCharts.tsx';
import { FilterBar } from './FilterBar.tsx';
import { count, DAY_MS, duration, percent, utcDayOf } from './format-figures.ts';
import './dashboard.css';

/** How often the live tiles refresh. */
const LIVE_REFRESH_MS = 10_000;

function lastDays(days: number, end = Date.now()): { from: string; to: string } {
  return { from: utcDayOf(end - (days - 1) * DAY_MS), to: utcDayOf(end) };
}

export function DashboardScreen() {
  const options = useQuery({ queryKey: ['dashboard.options'], queryFn: () => api.dashboard.options.query() });
  const [filter, setFilter] = useState<DashboardFilter>(() => lastDays(30));
  const [adjusted, setAdjusted] = useState(false);

  // When the newest conversation is older than the default period, start on the last 30 days with data.
  useEffect(() => {
    if (adjusted || !options.data?.lastDay) return;
    setAdjusted(true);
    if (options.data.lastDay < filter.from) setFilter((f) => ({ ...f, ...lastDays(30, Date.parse(`${options.data.lastDay}T00:00:00Z`)) }));
  }, [options.data, adjusted, filter.from]);

  const figures = useQuery({
    queryKey: ['dashboard.figures', filter],
    queryFn: () => api.dashboard.figures.query(filter),
    placeholderData: keepPreviousData,
    enabled: options.isSuccess,
  });
  const liveFilter = { ...(filter.flowId ? { flowId: filter.flowId } : {}), ...(filter.queue ? { queue: filter.queue } : {}) };
  const live = useQuery({
    queryKey: ['dashboard.live', liveFilter],
    queryFn: () => api.dashboard.live.query(liveFilter),
    refetchInterval: LIVE_REFRESH_MS,
    enabled: options.isSuccess,
  });

  const exportCsv = () => {
    if (!figures.data) return;
    downloadText(`dashboard-${filter.from}-to-${filter.to}.csv`, dashboardCsv(figures.data, filter, live.data ?? null), 'text/csv');
  };

  return (
    <main className="page page-wide dash">
      <header className="page-header">
        <div>
          <h1>Operations dashboard</h1>
          <p className="muted">How much the bots resolve, why they hand off, how fast agents answer, and how customers feel. Times are UTC.</p>
        </div>
        <div className="page-actions">
          <button type="button" className="btn" onClick={exportCsv} disabled={!figures.data}>
            <Icon name="download" size={15} /> Download CSV
          </button>
        </div>
      </header>
      {options.isPending ? (
        <Spinner label="Loading the dashboard" />
      ) : options.isError ? (
        <p className="form-error">{describeFailure(options.error)}</p>
      ) : options.data.firstDay === null ? (
        <div className="card">
          <EmptyState icon="chat" title="No conversations yet">
            The dashboard fills in once customers talk to a deployed flow (try the demo page at /demo). Figures appear here within seconds.
          </EmptyState>
        </div>
      ) : (
        <>
          <FilterBar options={options.data} filter={filter} onChange={setFilter} />
          <LiveTilesRow live={live.data} error={live.error} />
          {figures.isError ? (
            <FailureText error={figures.error} />
          ) : !figures.data ? (
            <Spinner label="Computing the figures" />
          ) : figures.data.totals.conversations === 0 ? (
            <NoDataInPeriod options={options.data} onShowLatest={() => setFilter((f) => ({ ...f, ...lastDays(30, Date.parse(`${options.data.lastDay}T00:00:00Z`)) }))} />
          ) : (
            <div className={figures.isFetching ? 'dash-body dash-stale' : 'dash-body'} aria-busy={figures.isFetching}>
              <PeriodTiles figures={figures.data} />
              <DashboardCharts figures={figures.data} />
            </div>
          )}
        </>
      )}
    </main>
  );
}

function NoDataInPeriod({ options, onShowLatest }: { options: DashboardOptions; onShowLatest: () => void }) {
  return (
    <div className="card">
      <EmptyState
        icon="search"
        title="No conversations match these filters"
        action={
          <button type="button" className="btn" onClick={onShowLatest}>
            Show the 30 days up to {options.lastDay}
          </button>
        }
      >
        Conversations are stored from {options.firstDay} to {options.lastDay}. Widen the period or clear a filter.
      </EmptyState>
    </div>
  );
}

function Tile({ label, value, note, help }: { label: string; value: string; note?: string; help: string }) {
  return (
    <div className="dash-tile" title={help}>
      <span className="dash-tile-label">{label}</span>
      <span className="dash-tile-value" aria-label={`${label}: ${value}`}>
        {value}
      </span>
      {note && <span className="dash-tile-note">{note}</span>}
    </div>
  );
}

function LiveTilesRow({ live, error }: { live: LiveTiles | undefined; error: unknown }) {
  return (
    <section className="dash-tiles dash-live" aria-label="Live now" aria-live="polite">
      <h2 className="dash-section-title">
        <span className="dash-live-dot" aria-hidden="true" /> Live now
        <span className="muted small"> · refreshes every {LIVE_REFRESH_MS / 1000} s{live ? `, updated ${new Date(live.at).toLocaleTimeString()}` : ''}</span>
      </h2>
      {error ? <p className="form-error">{describeFailure(error)}</p> : null}
      <Tile label="Waiting handoffs" value={live ? count(live.waiting) : '…'} help="Handoffs no agent has claimed yet (flow and queue filters apply)." />
      <Tile label="Oldest waiting" value={live ? duration(live.oldestWaitingMs) : '…'} help="How long the oldest unclaimed handoff has waited." />
      <Tile
        label="Agent occupancy"
        value={live ? percent(live.occupancy) : '…'}
        note={live ? `${live.busyAgents} of ${live.activeAgents} active agents busy` : undefined}
        help="Agents holding a claimed handoff, out of agents signed in during the last 8 hours or holding one."
      />
    </section>
  );
}

function PeriodTiles({ figures: f }: { figures: DashboardFigures }) {
  return (
    <section className="dash-tiles" aria-label="This period">
      <Tile label="Conversations" value={count(f.totals.conversations)} note={`${count(f.totals.undecided)} still with the bot`} help="Conversations started in the period." />
      <Tile
        label="Containment"
        value={percent(f.containmentRate)}
        note={`${count(f.totals.contained)} of ${count(f.totals.decided)} decided`}
        help="Conversations that ended without any handoff, out of those that ended, escalated or were ever handed off."
      />
      <Tile label="Escalation rate" value={percent(f.escalationRate)} note={`${count(f.totals.handoffs)} handoffs`} help="Decided conversations with a handoff (to the chosen queue)." />
      <Tile
        label="Escalation accuracy"
        value={percent(f.accuracy.rate)}
        note={`${count(f.accuracy.labelled)} of ${count(f.accuracy.handoffs)} handoffs labelled`}
        help="Of the handoffs agents labelled, the share they marked as needed."
      />
      <Tile label="First response" value={duration(f.firstResponse.p50Ms)} note={`p90 ${duration(f.firstResponse.p90Ms)}`} help="Median time from handoff to the agent's first message." />
      <Tile label="Resolution" value={duration(f.resolution.p50Ms)} note={`p90 ${duration(f.resolution.p90Ms)}`} help="Median time from handoff to the agent resolving it." />
      <Tile
        label="Repeat contact"
        value={percent(f.repeatContact.rate)}
        note={`${count(f.repeatContact.repeated)} of ${count(f.repeatContact.identified)} identified`}
        help="Conversations of identified customers who started another one within 7 days."
      />
      <Tile label="CSAT" value={f.csat.average === null ? '—' : `${f.csat.average.toFixed(2)} / 5`} note={`${count(f.csat.rated)} ratings`} help="Average satisfaction score (1–5) of rated conversations." />
    </section>
  );
}
