// One knowledge base: a searchable, virtualised article list, the article editor, the "which
// article would answer this?" box, import/export, committing versions and the version list.
import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { describeFailure } from '../api/api-failure.ts';
import { api, type ApiOutputs } from '../api/trpc.ts';
import { routeHref } from '../app/route.ts';
import { EmptyState } from '../ui/EmptyState.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { downloadText } from '../ui/download.ts';
import { notify } from '../ui/toast-store.ts';
import { AnswerBox } from './AnswerBox.tsx';
import { ArticleEditor } from './ArticleEditor.tsx';
import { ArticleList } from './ArticleList.tsx';
import { CommitKnowledgeDialog } from './CommitKnowledgeDialog.tsx';
import { ImportKnowledgeDialog } from './ImportKnowledgeDialog.tsx';
import { KnowledgeVersions } from './KnowledgeVersions.tsx';
import { useCanEditKnowledge } from './use-knowledge-editor.ts';

export type KnowledgeDetail = ApiOutputs['knowledge']['get'];

/** Query key of one knowledge base; every edit invalidates it (and the list). */
export const knowledgeKey = (kbId: string) => ['knowledge.get', kbId] as const;

export async function exportKnowledgeFile(kbId: string, format: 'json' | 'csv', versionId?: string) {
  try {
    const out = await api.knowledge.export.query({ kbId, format, ...(versionId ? { versionId } : {}) });
    for (const f of out.files) downloadText(f.name, f.text, f.mimeType);
  } catch (e) {
    notify('error', 'Export failed', describeFailure(e));
  }
}

export function KnowledgeBaseView({ kbId }: { kbId: string }) {
  const canEdit = useCanEditKnowledge();
  const detail = useQuery({ queryKey: knowledgeKey(kbId), queryFn: () => api.knowledge.get.query({ kbId }) });
  const client = useQueryClient();
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [committing, setCommitting] = useState(false);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: knowledgeKey(kbId) });
    void client.invalidateQueries({ queryKey: ['knowledge.list'] });
  };
  const articles = useMemo(() => detail.data?.document.articles ?? [], [detail.data]);

  if (detail.isPending) {
    return (
      <div className="page-center">
        <Spinner label="Loading the knowledge base" />
      </div>
    );
  }
  if (detail.isError) {
    return (
      <div className="page-center">
        <EmptyState icon="answer" title="This knowledge base cannot be shown" action={<a className="btn" href={routeHref({ screen: 'knowledge', kbId: null })}>All knowledge bases</a>}>
          {describeFailure(detail.error)}
        </EmptyState>
      </div>
    );
  }
  const kb = detail.data;
  const article = selected && selected !== 'new' ? articles.find((a) => a.id === selected) : undefined;
  const threshold = kb.usedBy[0]?.threshold ?? 0.35;

  return (
    <main className="kb-page">
      <header className="kb-header">
        <div className="kb-title">
          <a href={routeHref({ screen: 'knowledge', kbId: null })} className="icon-button" aria-label="All knowledge bases">
            <Icon name="arrowLeft" />
          </a>
          <div>
            <h1>{kb.name}</h1>
            <p className="muted small">
              <span className="mono">{kb.id}</span> · {kb.locale} · {kb.articleCount} article{kb.articleCount === 1 ? '' : 's'} · draft revision {kb.revision}
              {kb.latestVersion ? ` · latest version v${kb.latestVersion.number}` : ' · no version yet'}
              {kb.draft.changedSinceCommit && kb.latestVersion && <span className="badge badge-changed kb-badge">changed since v{kb.latestVersion.number}</span>}
            </p>
          </div>
        </div>
        <div className="page-actions">
          {canEdit && (
            <button type="button" className="btn" onClick={() => setImporting(true)}>
              <Icon name="upload" size={15} /> Import
            </button>
          )}
          <button type="button" className="btn" onClick={() => void exportKnowledgeFile(kb.id, 'json')}>
            <Icon name="download" size={15} /> Export JSON
          </button>
          <button type="button" className="btn" onClick={() => void exportKnowledgeFile(kb.id, 'csv')}>
            <Icon name="download" size={15} /> Export CSV
          </button>
          {canEdit && (
            <button type="button" className="btn btn-primary" onClick={() => setCommitting(true)} disabled={!kb.draft.changedSinceCommit || kb.articleCount === 0} title={kb.draft.changedSinceCommit ? undefined : 'Nothing changed since the last version'}>
              <Icon name="save" size={15} /> Commit version
            </button>
          )}
        </div>
      </header>
      <div className="kb-body">
        <ArticleList articles={articles} selected={selected} onSelect={setSelected} onNew={canEdit ? () => setSelected('new') : undefined} />
        <section className="kb-editor" aria-label="Article">
          {selected === 'new' || article ? (
            <ArticleEditor
              key={selected ?? ''}
              kbId={kb.id}
              revision={kb.revision}
              article={article ?? null}
              existingIds={articles.map((a) => a.id)}
              readOnly={!canEdit}
              onSaved={(id) => {
                setSelected(id);
                refresh();
              }}
              onDeleted={() => {
                setSelected(null);
                refresh();
              }}
              onReload={refresh}
            />
          ) : articles.length === 0 ? (
            <EmptyState
              icon="answer"
              title="No articles yet"
              action={
                canEdit ? (
                  <div className="button-row">
                    <button type="button" className="btn btn-primary" onClick={() => setImporting(true)}>
                      <Icon name="upload" size={14} /> Import articles
                    </button>
                    <button type="button" className="btn" onClick={() => setSelected('new')}>
                      <Icon name="plus" size={14} /> Write one
                    </button>
                  </div>
                ) : undefined
              }
            >
              Import a folder of Markdown files, a CSV (question,answer[,url,tags]) or a JSON export, or write articles one by one.
            </EmptyState>
          ) : (
            <EmptyState icon="answer" title="Choose an article">
              Pick an article on the left to read or edit it{canEdit ? ', or add a new one' : ''}. Try a customer&rsquo;s question in the box on the right to see which article would answer it.
            </EmptyState>
          )}
        </section>
        <aside className="kb-side">
          <AnswerBox kb={kb} defaultThreshold={threshold} onOpenArticle={setSelected} />
          <KnowledgeVersions kb={kb} />
        </aside>
      </div>
      {importing && <ImportKnowledgeDialog kb={kb} onClose={() => setImporting(false)} onImported={refresh} />}
      {committing && <CommitKnowledgeDialog kb={kb} onClose={() => setCommitting(false)} onCommitted={refresh} />}
    </main>
  );
}
