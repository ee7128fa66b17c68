// Where an agent can hand a conversation back to the bot: the nodes of its flow version the
// runtime accepts as resume points (runtime/engine/hand-back.ts), each described in a few words.
import type { Kysely } from 'kysely';
import { nodeDefinitions, type FlowDocument, type TypedNode } from '../../shared/index.ts';
import type { ResumePoint } from '../../shared/api/inbox.ts';
import { resumableNodeTypes } from '../../runtime/index.ts';
import type { Database } from '../db/database.ts';
import { parseStoredDocument } from '../versioning/stored-document.ts';

/** The stored document of a version (parsed again, as every stored document is). */
export async function versionDocument(db: Kysely<Database>, versionId: string): Promise<FlowDocument> {
  const row = await db.selectFrom('versions').select(['id', 'document']).where('id', '=', versionId).executeTakeFirstOrThrow();
  return parseStoredDocument(row);
}

function describe(node: TypedNode): string {
  switch (node.type) {
    case 'message':
      return node.data.text;
    case 'ask':
      return node.data.prompt;
    case 'intent':
      return `Routes ${node.data.intents.join(', ')}${node.data.prompt ? ` after "${node.data.prompt}"` : ''}`;
    case 'csat':
      return node.data.prompt;
    case 'action':
      return `Calls ${node.data.action}`;
    default:
      return nodeDefinitions[node.type].label;
  }
}

const shorten = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

export function resumePoints(doc: FlowDocument): ResumePoint[] {
  return doc.nodes
    .filter((n) => (resumableNodeTypes as readonly string[]).includes(n.type))
    .map((n) => ({ nodeId: n.id, type: n.type, text: shorten(describe(n)) }));
}
