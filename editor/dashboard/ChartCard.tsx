// A titled chart with its table alternative: screen readers and keyboard users get the same
// numbers as a table behind "Show as table"; the chart itself is labelled by its title.
import { useId, type ReactNode } from 'react';

export function ChartCard({ title, help, children, table, wide }: { title: string; help?: string; children: ReactNode; table: ReactNode; wide?: boolean }) {
  const id = useId();
  return (
    <figure className={wide ? 'card dash-chart dash-chart-wide' : 'card dash-chart'} aria-labelledby={`${id}-title`}>
      <figcaption>
        <h2 className="card-title" id={`${id}-title`}>
          {title}
        </h2>
        {help && <p className="muted small">{help}</p>}
      </figcaption>
      <div className="dash-chart-body" role="img" aria-labelledby={`${id}-title`}>
        {children}
      </div>
      <details className="dash-table-alt">
        <summary>Show as table</summary>
        {table}
      </details>
    </figure>
  );
}

/** A plain two-or-more-column table for a chart's data. */
export function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: Array<Array<string | number>> }) {
  return (
    <table className="table dash-table">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={head.length} className="muted">
              No data in this period.
            </td>
          </tr>
        ) : (
          rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
