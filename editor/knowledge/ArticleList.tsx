// The article list: filter by words in the title, id or tags; virtualised so a help centre of
// 10,000 articles scrolls smoothly (only the rows on screen are in the DOM).
import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { KnowledgeArticle } from '../../shared/index.ts';
import { Icon } from '../ui/Icon.tsx';

const ROW_HEIGHT = 52;

export function ArticleList({
  articles,
  selected,
  onSelect,
  onNew,
}: {
  articles: readonly KnowledgeArticle[];
  selected: string | null;
  onSelect: (id: string) => void;
  /** Absent for readers. */
  onNew?: (() => void) | undefined;
}) {
  const [filter, setFilter] = useState('');
  const visible = useMemo(() => {
    const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return articles;
    return articles.filter((a) => {
      const hay = `${a.title} ${a.id} ${a.tags.join(' ')}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    });
  }, [articles, filter]);
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: visible.length, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  return (
    <aside className="kb-articles" aria-label="Articles">
      <div className="kb-articles-head">
        <div className="search-box">
          <Icon name="search" size={15} />
          <input type="search" placeholder="Filter articles" aria-label="Filter articles" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        {onNew && (
          <button type="button" className="btn btn-sm" onClick={onNew}>
            <Icon name="plus" size={14} /> New article
          </button>
        )}
      </div>
      <p className="muted small kb-count">
        {filter.trim() ? `${visible.length} of ${articles.length} articles` : `${articles.length} article${articles.length === 1 ? '' : 's'}`}
      </p>
      <div ref={parent} className="kb-article-scroll" role="list" aria-label="Article list">
        {visible.length === 0 && articles.length > 0 && <p className="muted small kb-none">No article matches “{filter}”.</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const a = visible[item.index]!;
            return (
              <div key={a.id} role="listitem" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}>
                <button type="button" className={a.id === selected ? 'kb-article-row active' : 'kb-article-row'} aria-current={a.id === selected ? 'true' : undefined} onClick={() => onSelect(a.id)}>
                  <span className="kb-article-title">{a.title}</span>
                  <span className="kb-article-meta mono">
                    {a.id}
                    {a.tags.length > 0 && <span className="muted"> · {a.tags.slice(0, 3).join(', ')}</span>}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
    </aside>
  );
}
