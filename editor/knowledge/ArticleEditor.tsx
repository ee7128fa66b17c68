// Edits one article (or writes a new one): title, id, Markdown body with a plain-text preview of
// what search sees, URL, tags and language. Checked with the shared schema as you type; saved as
// one draft revision, refused with a CONFLICT when someone saved since the page loaded.
import { useMemo, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { knowledgeArticle, type KnowledgeArticle } from '../../shared/index.ts';
import { markdownToText } from '../../runtime/knowledge/markdown-text.ts';
import { apiFailure } from '../api/api-failure.ts';
import { api } from '../api/trpc.ts';
import { Icon } from '../ui/Icon.tsx';
import { notify } from '../ui/toast-store.ts';

interface Form {
  id: string;
  title: string;
  body: string;
  url: string;
  tags: string;
  locale: string;
}

const toForm = (a: KnowledgeArticle | null): Form => ({ id: a?.id ?? '', title: a?.title ?? '', body: a?.body ?? '', url: a?.url ?? '', tags: a?.tags.join(', ') ?? '', locale: a?.locale ?? '' });

const fromForm = (f: Form) => ({
  id: f.id.trim(),
  title: f.title.trim(),
  body: f.body,
  ...(f.url.trim() ? { url: f.url.trim() } : {}),
  tags: f.tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean),
  ...(f.locale.trim() ? { locale: f.locale.trim() } : {}),
});

export function ArticleEditor({
  kbId,
  revision,
  article,
  existingIds,
  readOnly,
  onSaved,
  onDeleted,
  onReload,
}: {
  kbId: string;
  revision: number;
  /** Null: a new article. */
  article: KnowledgeArticle | null;
  existingIds: readonly string[];
  readOnly: boolean;
  onSaved: (id: string) => void;
  onDeleted: () => void;
  onReload: () => void;
}) {
  const [form, setForm] = useState<Form>(() => toForm(article));
  const [preview, setPreview] = useState(false);
  const [touched, setTouched] = useState(false);
  const candidate = useMemo(() => fromForm(form), [form]);
  const errors = useMemo(() => {
    const out = new Map<string, string>();
    const checked = knowledgeArticle.safeParse(candidate);
    if (!checked.success) for (const issue of checked.error.issues) if (!out.has(String(issue.path[0]))) out.set(String(issue.path[0]), issue.message);
    if (candidate.id && candidate.id !== article?.id && existingIds.includes(candidate.id)) out.set('id', `Another article already has the id “${candidate.id}”.`);
    if (!candidate.body.trim()) out.set('body', 'Write the answer: the answer node sends a passage of it.');
    return out;
  }, [candidate, article, existingIds]);
  const dirty = JSON.stringify(candidate) !== JSON.stringify(article ? fromForm(toForm(article)) : fromForm(toForm(null)));

  const save = useMutation({
    mutationFn: () => api.knowledge.putArticle.mutate({ kbId, baseRevision: revision, article: knowledgeArticle.parse(candidate), ...(article ? { previousId: article.id } : {}) }),
    onSuccess: (r) => {
      notify('success', article ? 'Article saved' : 'Article added', `Draft revision ${r.revision}. Commit a version to use it in flows.`);
      onSaved(candidate.id);
    },
  });
  const remove = useMutation({
    mutationFn: () => api.knowledge.deleteArticle.mutate({ kbId, baseRevision: revision, articleId: article!.id }),
    onSuccess: () => {
      notify('success', 'Article deleted');
      onDeleted();
    },
  });
  const failure = save.error ? apiFailure(save.error) : remove.error ? apiFailure(remove.error) : null;
  const set = (key: keyof Form) => (e: { target: { value: string } }) => {
    setTouched(true);
    setForm((f) => ({ ...f, [key]: e.target.value }));
  };
  const showError = (key: string) => (touched || !article) && errors.get(key);
  const field = (key: keyof Form) => ({ 'aria-invalid': showError(key) ? true : undefined, 'aria-describedby': `kb-${key}-msg` });

  return (
    <form
      className="kb-article-form"
      aria-label={article ? `Edit article ${article.title}` : 'New article'}
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (errors.size === 0 && !readOnly) save.mutate();
      }}
    >
      <div className="kb-form-head">
        <h2>{article ? article.title : 'New article'}</h2>
        {!readOnly && (
          <div className="button-row">
            {article && (
              <button type="button" className="btn btn-sm btn-danger" onClick={() => window.confirm(`Delete “${article.title}” from the draft?`) && remove.mutate()} disabled={remove.isPending}>
                <Icon name="trash" size={14} /> Delete
              </button>
            )}
            <button type="submit" className="btn btn-sm btn-primary" disabled={save.isPending || !dirty || errors.size > 0}>
              <Icon name="save" size={14} /> {save.isPending ? 'Saving…' : article ? 'Save article' : 'Add article'}
            </button>
          </div>
        )}
      </div>
      {failure && (
        <div className="form-error" role="alert">
          <Icon name="error" size={14} /> {failure.message}
          {failure.code === 'CONFLICT' && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={onReload}>
                Reload the knowledge base
              </button>{' '}
              (your edits here stay; save again after reloading).
            </>
          )}
        </div>
      )}
      <label className="field">
        <span className="field-label">Title</span>
        <input className="input" value={form.title} onChange={set('title')} readOnly={readOnly} placeholder="The customer's question, e.g. When will my card arrive?" {...field('title')} />
        <FieldMessage id="kb-title-msg" error={showError('title')} help="Phrase it the way customers ask; the title counts three times as much as the body in search." />
      </label>
      <label className="field">
        <span className="field-label">Id</span>
        <input className="input mono" value={form.id} onChange={set('id')} readOnly={readOnly} placeholder="card-arrival" {...field('id')} />
        <FieldMessage id="kb-id-msg" error={showError('id')} help="Letters, digits, dots, dashes and underscores; rules can test kb.articleId." />
      </label>
      <div className="field">
        <div className="field-label-row">
          <label className="field-label" htmlFor="kb-body">
            Body (Markdown)
          </label>
          <button type="button" className="link-button" onClick={() => setPreview((p) => !p)} aria-pressed={preview}>
            {preview ? 'Edit' : 'Preview as search sees it'}
          </button>
        </div>
        {preview ? (
          <div className="kb-preview" aria-label="Body preview">
            {markdownToText(form.body)
              .split(/\n{2,}/)
              .map((p, i) => (
                <p key={i}>{p}</p>
              ))}
          </div>
        ) : (
          <textarea id="kb-body" className="input textarea kb-body-input" rows={12} value={form.body} onChange={set('body')} readOnly={readOnly} {...field('body')} />
        )}
        <FieldMessage id="kb-body-msg" error={showError('body')} help="Lead with the answer: the extract the bot sends favours the first paragraph (up to 300 characters)." />
      </div>
      <div className="field-grid">
        <label className="field">
          <span className="field-label">URL (optional)</span>
          <input className="input" value={form.url} onChange={set('url')} readOnly={readOnly} placeholder="https://help.example.com/…" {...field('url')} />
          <FieldMessage id="kb-url-msg" error={showError('url')} help="Shown with the extract as {{kb.url}}." />
        </label>
        <label className="field">
          <span className="field-label">Language (optional)</span>
          <input className="input" value={form.locale} onChange={set('locale')} readOnly={readOnly} placeholder="same as the knowledge base" {...field('locale')} />
          <FieldMessage id="kb-locale-msg" error={showError('locale')} help="Only when it differs from the knowledge base's." />
        </label>
      </div>
      <label className="field">
        <span className="field-label">Tags (comma-separated)</span>
        <input className="input" value={form.tags} onChange={set('tags')} readOnly={readOnly} placeholder="cards, delivery, where is my card" {...field('tags')} />
        <FieldMessage id="kb-tags-msg" error={showError('tags')} help="Customers' own words for the topic; tags count twice as much as the body." />
      </label>
    </form>
  );
}

function FieldMessage({ id, error, help }: { id: string; error: string | false | undefined; help: string }) {
  return error ? (
    <span id={id} className="field-error" role="alert">
      {error}
    </span>
  ) : (
    <span id={id} className="field-help">
      {help}
    </span>
  );
}
