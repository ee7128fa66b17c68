// A turn's message classified before the engine runs, on the classifier thread: the engine is
// synchronous and asks its flow's model while it steps, so the flow it gets answers that one
// question from the thread's result and leaves every other call to the model itself.
import { classifierFor, cleanMessage, type Classification, type CompiledFlow, type EngineEvent, type IntentClassifier } from '../../../runtime/index.ts';
import type { ConversationState } from '../../../shared/index.ts';
import type { ClassifierThread } from './classifier-thread.ts';

/**
 * The flow to step `state` with `event`: when the conversation waits at an intent node for this
 * message (the one place the engine classifies), with the message classified on `thread`.
 * Otherwise, or when the thread cannot answer, `flow` itself.
 */
export async function classifyAhead(thread: ClassifierThread | null, flow: CompiledFlow, state: ConversationState, event: EngineEvent): Promise<CompiledFlow> {
  if (!thread || event.type !== 'message' || state.waiting?.kind !== 'input' || flow.nodes.get(state.waiting.nodeId)?.type !== 'intent') return flow;
  const model = classifierFor(flow, state.conversation.locale);
  // The text the engine will classify: cleaned as step() cleans it.
  const { text } = cleanMessage(event.text);
  const known = model && text !== '' && (await thread.classify(model, text));
  return known ? withKnownClassification(flow, model, text, known) : flow;
}

/** `flow` with `model` answering `known` for `text` (and classifying any other text as before). */
function withKnownClassification(flow: CompiledFlow, model: IntentClassifier, text: string, known: Classification): CompiledFlow {
  const answering = new KnownClassification(model, text, known);
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
