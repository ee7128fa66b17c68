// "Which article would answer this?": a customer's question against the draft or a committed
// version, ranked by the same runtime code the answer node runs, with the calibrated scores, the
// threshold line, and the extract the bot would send.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { FailureText } from '../ui/FailureText.tsx';
import { api } from '../api/trpc.ts';
import { Icon } from '../ui/Icon.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import type { KnowledgeDetail } from './KnowledgeBaseView.tsx';

export function AnswerBox({ kb, defaultThreshold, onOpenArticle }: { kb: KnowledgeDetail; defaultThreshold: number; onOpenArticle: (id: string) => void }) {
  const [text, setText] = useState('');
  const [asked, setAsked] = useState('');
  const [threshold, setThreshold] = useState(defaultThreshold);
  const [source, setSource] = useState<string>('draft');
  const versionId = source === 'draft' ? undefined : source;
  const search = useQuery({
    queryKey: ['knowledge.search', kb.id, source, kb.revision, asked, threshold],
    queryFn: () => api.knowledge.search.query({ kbId: kb.id, query: asked, threshold, ...(versionId ? { versionId } : {}) }),
    enabled: asked.trim() !== '',
  });
  const result = search.data;
  const users = kb.usedBy.map((u) => `${u.flowId} (${u.threshold})`).join(', ');

  return (
    <section className="kb-answer-box card" aria-labelledby="kb-answer-title">
      <h2 id="kb-answer-title" className="section-title">
        <Icon name="search" size={15} /> Which article would answer this?
      </h2>
      <form
        className="kb-answer-form"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(text.trim());
        }}
      >
        <label className="field">
          <span className="field-label">Customer question</span>
          <div className="kb-ask-row">
            <input className="input" value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. my card was stolen" />
            <button type="submit" className="btn btn-primary btn-sm" disabled={!text.trim()}>
              Search
            </button>
          </div>
        </label>
        <div className="field-grid">
          <label className="field">
            <span className="field-label">Threshold</span>
            <input className="input number" type="number" min={0} max={1} step={0.05} value={threshold} onChange={(e) => setThreshold(Math.min(1, Math.max(0, Number(e.target.value) || 0)))} />
          </label>
          <label className="field">
            <span className="field-label">Search in</span>
            <select className="input" value={source} onChange={(e) => setSource(e.target.value)}>
              <option value="draft">Draft (revision {kb.revision})</option>
              {kb.versions.map((v) => (
                <option key={v.id} value={v.id}>
                  Version {v.number}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="field-help">
          The answer node answers with the best article when its score is at least the threshold, else it takes <code>no_answer</code>.
          {users ? ` Used by: ${users}.` : ' No flow uses this knowledge base yet (default threshold 0.35).'}
        </p>
      </form>
      {search.isFetching && <Spinner label="Searching" />}
      <FailureText error={search.error} />
      {result && !search.isFetching && (
        <div className="kb-results" aria-live="polite">
          {result.hits.length === 0 ? (
            <p className="muted">No article shares a word with this question; the answer node would take no_answer.</p>
          ) : (
            <>
              <p className={result.answered ? 'kb-verdict kb-verdict-yes' : 'kb-verdict kb-verdict-no'}>
                {result.answered ? (
                  <>
                    <Icon name="checkCircle" size={14} /> Would answer with “{result.hits[0]!.title}”
                  </>
                ) : (
                  <>
                    <Icon name="warning" size={14} /> No article reaches {result.threshold}; the answer node would take no_answer
                  </>
                )}
              </p>
              <ol className="kb-hits" aria-label="Ranked articles">
                {result.hits.map((h, i) => (
                  <li key={h.articleId} className="kb-hit">
                    <div className="kb-hit-head">
                      <span className="kb-rank">{i + 1}</span>
                      <button type="button" className="link-button kb-hit-title" onClick={() => onOpenArticle(h.articleId)}>
                        {h.title}
                      </button>
                      <span className={h.clearsThreshold ? 'badge badge-added' : 'badge'} title={`BM25 ${h.bm25.toFixed(2)}`}>
                        score {h.score.toFixed(3)}
                      </span>
                    </div>
                    <div className="kb-score" role="img" aria-label={`score ${h.score.toFixed(3)}, threshold ${result.threshold}`}>
                      <div className={h.clearsThreshold ? 'kb-score-bar clears' : 'kb-score-bar'} style={{ width: `${Math.round(h.score * 100)}%` }} />
                      <div className="kb-threshold-line" style={{ left: `${result.threshold * 100}%` }} title={`threshold ${result.threshold}`} />
                    </div>
                    <div className="muted small">
                      {h.clearsThreshold ? 'clears the threshold' : 'below the threshold'} · matched: {h.matchedTerms.join(', ') || '—'}
                    </div>
                    {i === 0 && (
                      <blockquote className="kb-extract" aria-label={result.answered ? 'Extract the answer node would send' : 'Extract it would send if the score cleared the threshold'}>
                        {h.extract}
                        {h.url && <div className="small muted">{h.url}</div>}
                      </blockquote>
                    )}
                  </li>
                ))}
              </ol>
              <p className="muted small">
                Searched {result.articleCount} articles in {result.ms.toFixed(2)} ms ({result.source.ref === 'draft' ? `draft revision ${result.source.revision}` : `version ${result.source.number}`}).
              </p>
            </>
          )}
        </div>
      )}
    </section>
  );
}
