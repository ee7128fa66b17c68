// Builds the handoff package of DESIGN.md: everything an agent needs to pick up without asking again.
import {
  HANDOFF_SCHEMA_VERSION,
  priorityRank,
  type ConversationState,
  type HandoffPackage,
  type HandoffReason,
  type Json,
} from '../../shared/index.ts';
import { intentLabel, type CompiledFlow } from '../compiled-flow.ts';

export const REDACTED = '[redacted]';

export function buildHandoffPackage(
  flow: CompiledFlow,
  state: ConversationState,
  reasons: HandoffReason[],
  now: number,
  allowPii: boolean,
): HandoffPackage {
  // Highest priority first; among equals, the order the policy lists them.
  const ordered = reasons
    .map((r, i) => ({ r, i }))
    .sort((a, b) => priorityRank(b.r.priority) - priorityRank(a.r.priority) || a.i - b.i)
    .map(({ r }) => r);
  const decisive = ordered[0]!;
  const variables: Record<string, Json> = {};
  for (const [name, value] of Object.entries(state.vars)) {
    variables[name] = flow.variables.get(name)?.pii && !allowPii ? REDACTED : value;
  }
  const nlu = state.nlu;
  const pkg: HandoffPackage = {
    schemaVersion: HANDOFF_SCHEMA_VERSION,
    conversationId: state.conversationId,
    flow: { id: flow.doc.id, version: flow.version },
    queue: decisive.queue,
    priority: decisive.priority,
    reasons: ordered,
    intent: nlu
      ? { name: nlu.intent, confidence: nlu.confidence, alternatives: nlu.ranking.filter((r) => r.intent !== nlu.intent).slice(0, 3) }
      : null,
    variables,
    customer: state.customer,
    tags: [...new Set(ordered.flatMap((r) => r.tags))],
    summary: '',
    transcript: state.transcript,
    channel: state.conversation.channel,
    locale: state.conversation.locale,
    startedAt: state.conversation.startedAt,
    escalatedAt: now,
  };
  pkg.summary = summarise(flow, state, pkg);
  return pkg;
}

/** One paragraph an agent reads first. Templated, so it never invents anything. */
function summarise(flow: CompiledFlow, state: ConversationState, pkg: HandoffPackage): string {
  const who = typeof state.customer.firstName === 'string' ? state.customer.firstName : 'The customer';
  const about = pkg.intent?.name
    ? ` about "${intentLabel(flow, pkg.intent.name)}" (${Math.round((pkg.intent.confidence ?? 0) * 100)}% confidence${state.nlu?.accepted ? '' : ', not confirmed'})`
    : '';
  const why = pkg.reasons.map((r) => r.name).join('; ');
  const collected = Object.entries(pkg.variables)
    .map(([k, v]) => `${k} = ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');
  const userTurns = state.transcript.filter((t) => t.role === 'user');
  const last = userTurns[userTurns.length - 1]?.text;
  return [
    `${who} wrote via ${pkg.channel}${about}.`,
    `Escalated to ${pkg.queue} (${pkg.priority}) because: ${why}.`,
    collected ? `Collected: ${collected}.` : '',
    `${state.conversation.turns} customer message${state.conversation.turns === 1 ? '' : 's'}, ${state.conversation.clarifications} clarification${state.conversation.clarifications === 1 ? '' : 's'}.`,
    last ? `Last message: "${last.length > 200 ? `${last.slice(0, 200)}…` : last}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
