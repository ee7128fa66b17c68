// Public surface of the runtime: compile a flow, start a conversation, step it.
export { checkFlow } from './compile/check-flow.ts';
export { compileFlow, type CompileOptions, type CompileResult } from './compile/compile-flow.ts';
export { classifierFor, type CompiledFlow } from './compiled-flow.ts';
export { start } from './engine/start.ts';
export { step } from './engine/step.ts';
export { handBack, checkResumeNode, resumableNodeTypes, type HandBackProblem } from './engine/hand-back.ts';
export { replayConversation, noActions, type ActionResponder, type ReplayResult, type ReplayedTurn } from './engine/replay-conversation.ts';
export type * from './engine/types.ts';
export type { Clock } from './ports.ts';
export { steppingClock } from './ports.ts';
export type { IntentClassifier, Classification, SerializedClassifier, TrainingIntent } from './nlu/classifier.ts';
export type { KnowledgeBase, KnowledgeHit, KnowledgeSearchOptions } from './knowledge/knowledge-base.ts';
export { buildKnowledgeIndex, loadKnowledgeIndex, tryLoadKnowledgeIndex, type KnowledgeIndex, type SerializedKnowledgeIndex } from './knowledge/index.ts';
export { MAX_MESSAGE_CHARS, cleanMessage } from './engine/clean-message.ts';
export { ANSWER_SEARCH_LIMIT } from './nodes/answer.ts';
