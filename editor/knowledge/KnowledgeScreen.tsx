// The knowledge-base screen (#/knowledge, #/knowledge/<id>): the list, or one knowledge base with
// its articles, the "which article would answer this?" box, import/export and versions.
import './knowledge.css';
import { KnowledgeBaseView } from './KnowledgeBaseView.tsx';
import { KnowledgeList } from './KnowledgeList.tsx';

export function KnowledgeScreen({ kbId }: { kbId: string | null }) {
  return kbId ? <KnowledgeBaseView kbId={kbId} /> : <KnowledgeList />;
}
