// Starts a conversation: fresh state, then the flow runs from its Start node until it waits.
import { STATE_SCHEMA_VERSION, type ConversationState, type Json } from '../../shared/index.ts';
import type { CompiledFlow } from '../compiled-flow.ts';
import { runFrom } from './run-nodes.ts';
import { toJson } from './to-json.ts';
import { Turn } from './turn.ts';
import type { EngineHost, StartOptions, StepResult } from './types.ts';

export function start(flow: CompiledFlow, options: StartOptions, host: EngineHost): StepResult {
  const now = host.clock.now();
  const vars: Record<string, Json> = {};
  for (const v of flow.doc.variables) if (v.default !== undefined) vars[v.name] = v.default;
  const state: ConversationState = {
    schemaVersion: STATE_SCHEMA_VERSION,
    conversationId: options.conversationId,
    flowId: flow.doc.id,
    flowVersion: flow.version,
    status: 'active',
    outcome: null,
    waiting: null,
    vars,
    customer: toJson(options.customer ?? {}) as Record<string, Json>,
    nlu: null,
    kb: null,
    conversation: {
      turns: 0,
      clarifications: 0,
      lowConfidenceCount: 0,
      channel: options.channel ?? 'web',
      locale: options.locale ?? flow.doc.locale,
      startedAt: now,
      csat: null,
    },
    transcript: [],
    handoff: null,
  };
  const turn = new Turn(flow, state, host, 'start');
  runFrom(turn, flow.startId);
  turn.trace.steps = turn.steps;
  return { state, outputs: turn.outputs, trace: turn.trace };
}
