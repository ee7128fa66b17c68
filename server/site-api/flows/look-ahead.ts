// A turn's message looked up before the engine runs, on the model thread: classified when the
// conversation waits at an intent node, and searched in the knowledge base when an answer node can
// follow before the flow waits again. The engine is synchronous and asks its flow's model and
// knowledge base while it steps, so the flow it gets answers those questions from the thread's
// results and leaves every other call to the model or index itself.
import {
  ANSWER_SEARCH_LIMIT,
  classifierFor,
  cleanMessage,
  type Classification,
  type CompiledFlow,
  type EngineEvent,
  type IntentClassifier,
  type KnowledgeBase,
  type KnowledgeHit,
  type KnowledgeSearchOptions,
} from '../../../runtime/index.ts';
import { nodeDefinitions, type ConversationState } from '../../../shared/index.ts';
import type { ModelThread } from './model-thread.ts';

/**
 * The flow to step `state` with `event`: when the conversation waits for this message, with what
 * the engine will ask about it answered on `thread` (its classification at an intent node, its
 * knowledge search when an answer node may follow). Otherwise, or when the thread cannot answer,
 * `flow` itself.
 */
export async function lookAhead(thread: ModelThread | null, flow: CompiledFlow, state: ConversationState, event: EngineEvent): Promise<CompiledFlow> {
  if (!thread || event.type !== 'message' || state.waiting?.kind !== 'input') return flow;
  const waitingAt = flow.nodes.get(state.waiting.nodeId);
  if (!waitingAt) return flow;
  // The text the engine will classify and search: cleaned as step() cleans it.
  const { text } = cleanMessage(event.text);
  if (text === '') return flow;
  const { locale } = state.conversation;
  const model = waitingAt.type === 'intent' ? classifierFor(flow, locale) : null;
  const knowledge = flow.knowledge && answerMayFollow(flow, waitingAt.id) ? flow.knowledge : null;
  // Both are asked before either is awaited, so they travel in the same batch.
  const classifying = model && thread.classify(model, text);
  const searching = knowledge && thread.search(knowledge, text, { limit: ANSWER_SEARCH_LIMIT, locale });
  const classified = classifying && (await classifying);
  const hits = searching && (await searching);
  if (!classified && !hits) return flow;
  let ahead = flow;
  if (classified) ahead = withKnownClassification(ahead, model!, new KnownClassification(model!, text, classified));
  if (hits) ahead = { ...ahead, knowledge: new KnownSearch(knowledge!, text, locale, hits) };
  return ahead;
}

/** Per flow, per waiting node: whether an answer node can run in the turn that node's answer starts. */
const answerAfter = new WeakMap<CompiledFlow, Map<string, boolean>>();

/** Whether an answer node is reachable from `nodeId` without passing a node that waits (the turn would end there). */
function answerMayFollow(flow: CompiledFlow, nodeId: string): boolean {
  let known = answerAfter.get(flow);
  if (!known) answerAfter.set(flow, (known = new Map()));
  let may = known.get(nodeId);
  if (may === undefined) {
    may = false;
    const seen = new Set<string>();
    const next = [...(flow.edges.get(nodeId)?.values() ?? [])];
    while (next.length > 0 && !may) {
      const id = next.pop()!;
      const node = flow.nodes.get(id);
      if (!node || seen.has(id)) continue;
      seen.add(id);
      if (node.type === 'answer') may = true;
      else if (!nodeDefinitions[node.type].waits) next.push(...(flow.edges.get(id)?.values() ?? []));
    }
    known.set(nodeId, may);
  }
  return may;
}

/** `flow` with `answering` in place of `model`. */
function withKnownClassification(flow: CompiledFlow, model: IntentClassifier, answering: IntentClassifier): CompiledFlow {
  const classifiers = new Map<string, IntentClassifier>();
  for (const [locale, m] of flow.classifiers) classifiers.set(locale, m === model ? answering : m);
  return { ...flow, classifier: flow.classifier === model ? answering : flow.classifier, classifiers };
}

/** A model that already knows its answer for one text. A class, not closures: a turn makes one. */
class KnownClassification implements IntentClassifier {
  constructor(
    private readonly model: IntentClassifier,
    private readonly text: string,
    private readonly known: Classification,
  ) {}

  classify(text: string): Classification {
    return text === this.text ? this.known : this.model.classify(text);
  }

  toJSON() {
    return this.model.toJSON();
  }
}

/** A knowledge base that already knows its hits for one search (an answer node's, for this text and locale). */
class KnownSearch implements KnowledgeBase {
  constructor(
    private readonly knowledge: KnowledgeBase,
    private readonly text: string,
    private readonly locale: string,
    private readonly hits: KnowledgeHit[],
  ) {}

  get id() {
    return this.knowledge.id;
  }

  get version() {
    return this.knowledge.version;
  }

  search(query: string, options?: KnowledgeSearchOptions): KnowledgeHit[] {
    const known = query === this.text && options?.limit === ANSWER_SEARCH_LIMIT && options.locale === this.locale;
    return known ? this.hits : this.knowledge.search(query, options);
  }
}
