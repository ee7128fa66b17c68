// Replay before publish: run the same conversations through a candidate and a baseline flow and
// say what would change — who would now be handed to a human or not, which rules fire more or
// less, the projected containment and escalation rates and, with labels, accuracy. Pure: the
// server, the CLI (`replay --against`, `tune`) and tests share it.
import type { Json, ReplayAccuracy, ReplayChange, ReplayLabel, ReplayOutcome, ReplayRates, ReplayReport, ReplayRuleCount, ReplayedConversation, TranscriptLine } from '../../shared/index.ts';
import type { CompiledFlow } from '../compiled-flow.ts';
import { noActions, replayConversation, type ActionResponder, type ReplayedTurn } from '../engine/replay-conversation.ts';
import { steppingClock } from '../ports.ts';

/** One conversation to replay: the customer's messages in order, as the site sent them. */
export interface ReplayCase {
  id: string;
  messages: readonly string[];
  customer?: Record<string, Json>;
  /** Default `replay`. */
  channel?: string;
  label?: ReplayLabel | null;
}

export interface CompareOptions {
  /** Answers action webhooks; default: every action fails (the flow takes its `error` port). */
  respond?: ActionResponder;
  /** Asked before each conversation; true stops the replay (the report says `stoppedEarly`). Default never. */
  shouldStop?: () => boolean;
  /** Keep transcripts of every conversation, not only the changed ones. Default false. */
  allTranscripts?: boolean;
}

export interface ReplayedCase {
  outcome: ReplayOutcome;
  transcript: TranscriptLine[];
}

/** Replays one conversation through one flow and sums up how it ended. */
export function replayCase(flow: CompiledFlow, c: ReplayCase, respond: ActionResponder = noActions): ReplayedCase {
  // A fresh clock per conversation, so both versions see the same times (rules may read them).
  const replay = replayConversation(flow, c.messages, { conversationId: c.id, channel: c.channel ?? 'replay', customer: c.customer ?? {} }, { clock: steppingClock() }, respond);
  const transcript: TranscriptLine[] = replay.opening.map((text) => ({ role: 'bot', text }));
  const rules = new Set<string>();
  let escalatedAt: number | null = null;
  let handoff: ReplayedTurn['handoff'] = null;
  let intent: string | null = null;
  for (const [i, turn] of replay.turns.entries()) {
    transcript.push({ role: 'customer', text: turn.user }, ...turn.bot.map((text) => ({ role: 'bot' as const, text })));
    for (const trace of turn.traces) for (const rule of trace.rules) if (rule.matched) rules.add(rule.id);
    if (intent === null && turn.intent !== null) intent = turn.intent;
    if (escalatedAt === null && (turn.handoff || turn.status === 'escalated')) {
      escalatedAt = i + 1;
      handoff = turn.handoff;
    }
  }
  const escalated = replay.state.status === 'escalated' || escalatedAt !== null;
  return {
    outcome: {
      escalated,
      queue: handoff?.queue ?? null,
      priority: handoff?.priority ?? null,
      reasons: handoff?.reasons ?? [],
      escalatedAtMessage: escalatedAt,
      rules: [...rules].sort(),
      intent,
      status: replay.state.status,
    },
    transcript,
  };
}

/** How the candidate's outcome differs from the baseline's. */
export function changeOf(baseline: ReplayOutcome, candidate: ReplayOutcome): ReplayChange {
  if (candidate.escalated && !baseline.escalated) return 'newly_escalates';
  if (!candidate.escalated && baseline.escalated) return 'no_longer_escalates';
  if (candidate.escalated && baseline.escalated && candidate.queue !== baseline.queue) return 'different_queue';
  return 'unchanged';
}

const sameTranscript = (a: TranscriptLine[], b: TranscriptLine[]) => a.length === b.length && a.every((line, i) => line.role === b[i]!.role && line.text === b[i]!.text);
const rate = (n: number, of: number) => (of === 0 ? 0 : n / of);
const rateOrNull = (n: number, of: number) => (of === 0 ? null : n / of);

function rates(outcomes: readonly ReplayOutcome[]): ReplayRates {
  const escalated = outcomes.filter((o) => o.escalated).length;
  const contained = outcomes.length - escalated;
  return { escalated, contained, containmentRate: rate(contained, outcomes.length), escalationRate: rate(escalated, outcomes.length) };
}

function accuracy(items: readonly ReplayedConversation[], side: 'baseline' | 'candidate'): ReplayAccuracy {
  let shouldCount = 0;
  let caught = 0;
  let escalatedLabelled = 0;
  let escalatedRightly = 0;
  let intentLabelled = 0;
  let intentRight = 0;
  for (const item of items) {
    const o = item[side];
    const should = item.label?.shouldEscalate;
    if (should !== undefined) {
      if (should) shouldCount++;
      if (should && o.escalated) caught++;
      if (o.escalated) escalatedLabelled++;
      if (o.escalated && should) escalatedRightly++;
    }
    const expected = item.label?.expectedIntent;
    if (expected !== undefined) {
      intentLabelled++;
      if (o.intent === expected) intentRight++;
    }
  }
  return { escalationRecall: rateOrNull(caught, shouldCount), escalationPrecision: rateOrNull(escalatedRightly, escalatedLabelled), intentAccuracy: rateOrNull(intentRight, intentLabelled) };
}

function ruleCounts(candidate: CompiledFlow, baseline: CompiledFlow, items: readonly ReplayedConversation[]): ReplayRuleCount[] {
  const rules = new Map<string, ReplayRuleCount>();
  const ensure = (id: string, name: string) => {
    const existing = rules.get(id);
    if (existing) return existing;
    const created: ReplayRuleCount = { id, name, baseline: 0, candidate: 0, inBaseline: false, inCandidate: false };
    rules.set(id, created);
    return created;
  };
  for (const r of candidate.doc.escalation.rules) ensure(r.id, r.name).inCandidate = true;
  for (const r of baseline.doc.escalation.rules) ensure(r.id, r.name).inBaseline = true;
  for (const item of items) {
    for (const id of item.baseline.rules) ensure(id, id).baseline++;
    for (const id of item.candidate.rules) ensure(id, id).candidate++;
  }
  return [...rules.values()];
}

/**
 * Replays every conversation against both flows and reports the differences. Conversations are
 * taken from `cases` one at a time until it ends or `shouldStop` says so.
 */
export function compareVersions(candidate: CompiledFlow, baseline: CompiledFlow, cases: Iterable<ReplayCase>, options: CompareOptions = {}): ReplayReport {
  const respond = options.respond ?? noActions;
  const items: ReplayedConversation[] = [];
  let stoppedEarly = false;
  for (const c of cases) {
    if (options.shouldStop?.()) {
      stoppedEarly = true;
      break;
    }
    const before = replayCase(baseline, c, respond);
    const after = replayCase(candidate, c, respond);
    const change = changeOf(before.outcome, after.outcome);
    const transcriptChanged = !sameTranscript(before.transcript, after.transcript);
    const keep = options.allTranscripts || change !== 'unchanged' || transcriptChanged;
    items.push({
      id: c.id,
      label: c.label ?? null,
      change,
      transcriptChanged,
      baseline: before.outcome,
      candidate: after.outcome,
      baselineTranscript: keep ? before.transcript : [],
      candidateTranscript: keep ? after.transcript : [],
    });
  }

  const before = rates(items.map((i) => i.baseline));
  const after = rates(items.map((i) => i.candidate));
  const changes = { newly_escalates: 0, no_longer_escalates: 0, different_queue: 0, unchanged: 0, transcriptChanged: 0 };
  for (const item of items) {
    changes[item.change]++;
    if (item.transcriptChanged) changes.transcriptChanged++;
  }
  const labelledEscalation = items.filter((i) => i.label?.shouldEscalate !== undefined).length;
  const labelledIntent = items.filter((i) => i.label?.expectedIntent !== undefined).length;
  return {
    conversations: items.length,
    stoppedEarly,
    baseline: before,
    candidate: after,
    delta: { containmentRate: after.containmentRate - before.containmentRate, escalationRate: after.escalationRate - before.escalationRate },
    changes,
    rules: ruleCounts(candidate, baseline, items),
    accuracy: labelledEscalation + labelledIntent === 0 ? null : { labelledEscalation, labelledIntent, baseline: accuracy(items, 'baseline'), candidate: accuracy(items, 'candidate') },
    items,
  };
}
