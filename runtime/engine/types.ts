// The engine's contract: events in, state + outputs + trace out (DESIGN.md "Runtime contract").
import type { ConversationState, HandoffPackage, Json, RankedIntent } from '../../shared/index.ts';
import type { Clock } from '../ports.ts';

export type EngineEvent =
  /** A customer message. */
  | { type: 'message'; text: string }
  /** The customer pressed "talk to a human" (the widget's button, an API call). */
  | { type: 'request_human' }
  /** The host's result for an `action` output. */
  | { type: 'action_result'; requestId: string; ok: true; data: Json }
  | { type: 'action_result'; requestId: string; ok: false; error: string };

export type EngineOutput =
  | { type: 'message'; text: string }
  | { type: 'handoff'; handoff: HandoffPackage }
  | { type: 'end'; outcome: 'resolved' | 'abandoned' }
  /** An effect for the host: call the site's webhook, then send an `action_result` event. */
  | { type: 'action'; requestId: string; action: string; input: Record<string, Json>; timeoutMs: number };

export interface TraceNode {
  id: string;
  type: string;
  /** The port taken, or null when the node waited or stopped. */
  port: string | null;
}

export interface TraceRule {
  id: string;
  name: string;
  matched: boolean;
  /** Set when evaluating the rule failed; a failing rule counts as not matched. */
  error?: string;
}

export interface TurnTrace {
  /** The conversation's user-turn count after this turn. */
  turn: number;
  /** `hand_back`: an agent returned the conversation to the bot (engine/hand-back.ts). */
  event: EngineEvent['type'] | 'start' | 'hand_back';
  nodes: TraceNode[];
  nlu: {
    intent: string | null;
    confidence: number;
    margin: number;
    threshold: number;
    outOfScope: boolean;
    accepted: boolean;
    ranking: RankedIntent[];
  } | null;
  /** Every escalation rule evaluated this turn, in policy order. */
  rules: TraceRule[];
  /** Things worth knowing that are not errors (message truncated, step budget hit…). */
  notes: string[];
  steps: number;
}

export interface StepResult {
  state: ConversationState;
  outputs: EngineOutput[];
  trace: TurnTrace;
}

export interface EngineHost {
  clock: Clock;
  /** Put PII variables into handoff packages unredacted. Default false. */
  allowPii?: boolean;
}

export interface StartOptions {
  conversationId: string;
  /** Default `web`. */
  channel?: string;
  /** Default the flow's locale. */
  locale?: string;
  /** Fields the site passes (tier, value, authenticated…); they reach the rule context as `customer`. */
  customer?: Record<string, Json>;
}
