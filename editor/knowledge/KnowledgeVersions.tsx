// The versions of a knowledge base, newest first: who committed what, how many articles, and
// which flows' newest versions were committed with it.
import { personName, formatTime } from '../ui/format.ts';
import { Icon } from '../ui/Icon.tsx';
import { routeHref } from '../app/route.ts';
import { exportKnowledgeFile, type KnowledgeDetail } from './KnowledgeBaseView.tsx';

export function KnowledgeVersions({ kb }: { kb: KnowledgeDetail }) {
  return (
    <section className="card kb-versions" aria-labelledby="kb-versions-title">
      <h2 id="kb-versions-title" className="section-title">
        <Icon name="history" size={15} /> Versions
      </h2>
      {kb.versions.length === 0 ? (
        <p className="muted small">No versions yet. Commit the draft to create version 1; flows can only use committed versions.</p>
      ) : (
        <ol className="kb-version-list" aria-label="Knowledge-base versions">
          {kb.versions.map((v) => (
            <li key={v.id}>
              <div className="kb-version-head">
                <strong>v{v.number}</strong> <span className="kb-version-message">{v.message}</span>
                <button type="button" className="icon-button" aria-label={`Download version ${v.number} as JSON`} title="Download as JSON" onClick={() => void exportKnowledgeFile(kb.id, 'json', v.id)}>
                  <Icon name="download" size={14} />
                </button>
              </div>
              <div className="muted small">
                {personName(v.author)} · {formatTime(v.createdAt)} · {v.articleCount} articles
              </div>
              {v.usedByFlows.length > 0 && (
                <div className="small">
                  In the newest version of{' '}
                  {v.usedByFlows.map((f, i) => (
                    <span key={f}>
                      {i > 0 && ', '}
                      <a href={routeHref({ screen: 'flow', flowId: f, panel: null })}>{f}</a>
                    </span>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <p className="field-help">A new version reaches customers when a flow that uses it commits a version (it picks up the newest), passes review and is deployed.</p>
    </section>
  );
}
