// The dashboard's charts (recharts), each with its table alternative: containment over time,
// escalations by reason and by rule, time to first response, CSAT, top escalating intents, and the
// hour × weekday peaks.
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DURATION_BUCKETS, type DashboardFigures } from '../../shared/api/dashboard.ts';
import { WEEKDAYS } from '../../shared/dashboard-csv.ts';
import { ChartCard, DataTable } from './ChartCard.tsx';
import { count, duration, percent } from './format-figures.ts';

const ACCENT = '#4f46e5';
const WARM = '#f79009';
const axis = { fontSize: 11, fill: '#667085' };

export function DashboardCharts({ figures }: { figures: DashboardFigures }) {
  const byDay = figures.byDay.map((d) => ({ ...d, label: d.day.slice(5), containment: d.containmentRate === null ? null : Math.round(d.containmentRate * 1000) / 10 }));
  const responses = DURATION_BUCKETS.map((b, i) => ({ bucket: b.label, handoffs: figures.firstResponse.histogram[i] ?? 0 }));
  return (
    <div className="dash-charts">
      <ChartCard
        wide
        title="Containment over time"
        help="Share of decided conversations, by the day they started, that ended without a handoff."
        table={
          <DataTable
            caption="Containment by day"
            head={['Day', 'Conversations', 'Decided', 'Contained', 'Containment']}
            rows={figures.byDay.map((d) => [d.day, d.conversations, d.decided, d.contained, percent(d.containmentRate)])}
          />
        }
      >
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={byDay} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#eaecf0" vertical={false} />
            <XAxis dataKey="label" tick={axis} minTickGap={16} />
            <YAxis domain={[0, 100]} unit="%" tick={axis} width={44} />
            <Tooltip formatter={(v) => [`${String(v)}%`, 'Containment']} />
            <Line type="monotone" dataKey="containment" name="Containment" stroke={ACCENT} strokeWidth={2} dot={byDay.length <= 31} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </ChartCard>

      <HorizontalBars
        title="Escalations by reason"
        help="Handoffs carrying each reason code (one handoff may carry several)."
        rows={figures.byReason.map((r) => ({ name: r.reason, value: r.handoffs, rate: r.rate }))}
      />
      <HorizontalBars
        title="Escalations by rule"
        help="Handoffs each escalation rule caused; handoff nodes and the customer's own request are not rules."
        rows={figures.byRule.map((r) => ({ name: r.name, value: r.handoffs, rate: r.rate }))}
      />
      <ChartCard
        title="Time to first agent response"
        help={`From the handoff to the agent's first message. Median ${duration(figures.firstResponse.p50Ms)}, 90th percentile ${duration(figures.firstResponse.p90Ms)}; ${count(figures.firstResponse.pending)} not answered yet.`}
        table={<DataTable caption="Handoffs by time to first response" head={['Time to first response', 'Handoffs']} rows={responses.map((r) => [r.bucket, r.handoffs])} />}
      >
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={responses} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#eaecf0" vertical={false} />
            <XAxis dataKey="bucket" tick={axis} interval={0} />
            <YAxis allowDecimals={false} tick={axis} width={44} />
            <Tooltip />
            <Bar dataKey="handoffs" name="Handoffs" fill={ACCENT} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard
        title="Customer satisfaction"
        help={`${count(figures.csat.rated)} ratings, average ${figures.csat.average === null ? '—' : figures.csat.average.toFixed(2)} of 5.`}
        table={<DataTable caption="Ratings by score" head={['Score', 'Ratings']} rows={figures.csat.distribution.map((c) => [`${c.score} of 5`, c.count])} />}
      >
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={figures.csat.distribution.map((c) => ({ score: `${c.score}★`, ratings: c.count }))} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#eaecf0" vertical={false} />
            <XAxis dataKey="score" tick={axis} />
            <YAxis allowDecimals={false} tick={axis} width={44} />
            <Tooltip />
            <Bar dataKey="ratings" name="Ratings" fill={WARM} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
      <HorizontalBars
        title="Intents most often escalated"
        help="The intent the bot acted on when it handed off; share of all handoffs."
        rows={figures.topIntents.map((t) => ({ name: t.intent, value: t.escalations, rate: t.share }))}
        rateLabel="Share of handoffs"
      />
      <Peaks figures={figures} />
    </div>
  );
}

function HorizontalBars({ title, help, rows, rateLabel = 'Rate of decided conversations' }: { title: string; help: string; rows: Array<{ name: string; value: number; rate: number | null }>; rateLabel?: string }) {
  const top = rows.slice(0, 10);
  return (
    <ChartCard title={title} help={help} table={<DataTable caption={title} head={['Name', 'Handoffs', rateLabel]} rows={rows.map((r) => [r.name, r.value, percent(r.rate)])} />}>
      {top.length === 0 ? (
        <p className="dash-chart-empty muted">No escalations in this period.</p>
      ) : (
        <ResponsiveContainer width="100%" height={Math.max(120, top.length * 30 + 30)}>
          <BarChart data={top} layout="vertical" margin={{ top: 4, right: 24, bottom: 0, left: 8 }}>
            <CartesianGrid stroke="#eaecf0" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={axis} />
            <YAxis type="category" dataKey="name" tick={axis} width={170} />
            <Tooltip />
            <Bar dataKey="value" name="Handoffs" fill={ACCENT} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
}

/** Conversations per weekday × hour as a heat map (darker: busier); escalations in the tooltip and table. */
function Peaks({ figures }: { figures: DashboardFigures }) {
  const max = Math.max(1, ...figures.peaks.map((p) => p.conversations));
  const busiest = [...figures.peaks].sort((a, b) => b.conversations - a.conversations)[0];
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return (
    <ChartCard
      wide
      title="Peaks by hour and weekday"
      help={`Conversations started per hour (UTC); darker is busier.${busiest && busiest.conversations > 0 ? ` Busiest: ${WEEKDAYS[busiest.weekday]} ${String(busiest.hour).padStart(2, '0')}:00 with ${count(busiest.conversations)}.` : ''}`}
      table={
        <DataTable
          caption="Conversations and escalations by weekday and hour"
          head={['Weekday', 'Hour (UTC)', 'Conversations', 'Escalations']}
          rows={figures.peaks.filter((p) => p.conversations > 0 || p.escalations > 0).map((p) => [WEEKDAYS[p.weekday]!, `${String(p.hour).padStart(2, '0')}:00`, p.conversations, p.escalations])}
        />
      }
    >
      <div className="dash-heatmap">
        <span />
        {hours.map((h) => (
          <span key={h} className="dash-heatmap-hour">
            {h % 3 === 0 ? String(h).padStart(2, '0') : ''}
          </span>
        ))}
        {WEEKDAYS.map((day, d) => (
          <div key={day} className="dash-heatmap-row">
            <span className="dash-heatmap-day">{day}</span>
            {hours.map((h) => {
              const p = figures.peaks[d * 24 + h]!;
              return (
                <span
                  key={h}
                  className="dash-heatmap-cell"
                  style={{ background: p.conversations === 0 ? undefined : `rgba(79, 70, 229, ${0.12 + (0.88 * p.conversations) / max})` }}
                  title={`${day} ${String(h).padStart(2, '0')}:00 UTC: ${p.conversations} conversations, ${p.escalations} escalations`}
                />
              );
            })}
          </div>
        ))}
      </div>
    </ChartCard>
  );
}
