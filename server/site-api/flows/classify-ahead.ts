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
  const classified = model && text !== '' && (await thread.classify(model, text));
  return classified ? withKnownClassification(flow, model, text, classified.classification) : flow;
}

/** `flow` with `model` answering `known` for `text` (and classifying any other text as before). */
function withKnownClassification(flow: CompiledFlow, model: IntentClassifier, text: string, known: Classification): CompiledFlow {
  const answering: IntentClassifier = {
    classify: (t) => (t === text ? known : model.classify(t)),
    toJSON: () => model.toJSON(),
  };
  const swap = (m: IntentClassifier) => (m === model ? answering : m);
  return {
    ...flow,
    classifier: flow.classifier && swap(flow.classifier),
    classifiers: new Map([...flow.classifiers].map(([locale, m]) => [locale, swap(m)])),
  };
}
