// Replay before publish (issue 7 part 4): the comparison report of a candidate flow version
// against a baseline, as runtime/evaluation computes it, the server stores it and the editor and
// the CLI show it. One shape for all of them.
import { z } from 'zod';
import { actorSchema, flowId, isoTimestamp, recordId } from './common.ts';
import { environmentSchema } from './roles.ts';

/** What a replayed conversation was expected to do, when someone labelled it. */
export const replayLabelSchema = z.object({
  /** The intent the customer meant (a flow intent name). */
  expectedIntent: z.string().optional(),
  /** Whether a human was needed. */
  shouldEscalate: z.boolean().optional(),
});
export type ReplayLabel = z.output<typeof replayLabelSchema>;

export const transcriptLineSchema = z.object({ role: z.enum(['customer', 'bot']), text: z.string() });
export type TranscriptLine = z.output<typeof transcriptLineSchema>;

/** How one conversation ended under one version. */
export const replayOutcomeSchema = z.object({
  escalated: z.boolean(),
  queue: z.string().nullable(),
  priority: z.string().nullable(),
  reasons: z.array(z.string()),
  /** 1-based customer message on which it was handed over; null when it was not. */
  escalatedAtMessage: z.number().nullable(),
  /** Ids of the escalation rules that matched on any turn. */
  rules: z.array(z.string()),
  /** The first intent the flow acted on; null when it never understood one. */
  intent: z.string().nullable(),
  status: z.string(),
});
export type ReplayOutcome = z.output<typeof replayOutcomeSchema>;

export const replayChangeKinds = ['newly_escalates', 'no_longer_escalates', 'different_queue', 'unchanged'] as const;
export const replayChangeSchema = z.enum(replayChangeKinds);
export type ReplayChange = z.output<typeof replayChangeSchema>;

export const replayedConversationSchema = z.object({
  id: z.string(),
  label: replayLabelSchema.nullable(),
  change: replayChangeSchema,
  /** True when the bot would say something different (even if the escalation did not change). */
  transcriptChanged: z.boolean(),
  baseline: replayOutcomeSchema,
  candidate: replayOutcomeSchema,
  /** Kept for changed conversations only (the report stays small); empty otherwise. */
  baselineTranscript: z.array(transcriptLineSchema),
  candidateTranscript: z.array(transcriptLineSchema),
});
export type ReplayedConversation = z.output<typeof replayedConversationSchema>;

export const replayRuleCountSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Conversations in which the rule matched at least once. */
  baseline: z.number(),
  candidate: z.number(),
  /** Whether the version has the rule at all. */
  inBaseline: z.boolean(),
  inCandidate: z.boolean(),
});
export type ReplayRuleCount = z.output<typeof replayRuleCountSchema>;

export const replayRatesSchema = z.object({
  escalated: z.number(),
  contained: z.number(),
  /** Contained / conversations: the bot finished without a human. */
  containmentRate: z.number(),
  /** Escalated / conversations. */
  escalationRate: z.number(),
});
export type ReplayRates = z.output<typeof replayRatesSchema>;

export const replayAccuracySchema = z.object({
  /** Of the conversations labelled "should escalate", the share handed over; null without such labels. */
  escalationRecall: z.number().nullable(),
  /** Of the handed-over conversations with an escalation label, the share that should have been; null when none was. */
  escalationPrecision: z.number().nullable(),
  /** Of the conversations labelled with an intent, the share whose first understood intent matched; null without such labels. */
  intentAccuracy: z.number().nullable(),
});
export type ReplayAccuracy = z.output<typeof replayAccuracySchema>;

export const replayReportSchema = z.object({
  conversations: z.number(),
  /** True when the time budget ran out before every conversation was replayed. */
  stoppedEarly: z.boolean(),
  baseline: replayRatesSchema,
  candidate: replayRatesSchema,
  /** Candidate minus baseline. */
  delta: z.object({ containmentRate: z.number(), escalationRate: z.number() }),
  changes: z.object({ newly_escalates: z.number(), no_longer_escalates: z.number(), different_queue: z.number(), unchanged: z.number(), transcriptChanged: z.number() }),
  rules: z.array(replayRuleCountSchema),
  accuracy: z
    .object({
      labelledEscalation: z.number(),
      labelledIntent: z.number(),
      baseline: replayAccuracySchema,
      candidate: replayAccuracySchema,
    })
    .nullable(),
  items: z.array(replayedConversationSchema),
});
export type ReplayReport = z.output<typeof replayReportSchema>;

/** Where the replayed conversations come from. */
export const replaySourceInput = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('stored'),
    /** Conversations started at or after this ISO time. Default: 30 days before now. */
    from: z.iso.datetime({ offset: true }).optional(),
    /** …and before this one. Default: now. */
    to: z.iso.datetime({ offset: true }).optional(),
    /** The newest this many. Default 500. */
    limit: z.number().int().min(1).max(2000).default(500),
  }),
  z.strictObject({
    type: z.literal('csv'),
    /** `text[,expected_intent][,should_escalate]` with a header row. */
    csv: z.string().min(1, 'The CSV file is empty.').max(2_000_000, 'The CSV file is larger than 2 MB; split it.'),
    fileName: z.string().max(200).optional(),
  }),
]);
export type ReplaySourceInput = z.input<typeof replaySourceInput>;

export const runReplayInput = z.strictObject({
  flowId,
  /** The candidate version; omitted: the current draft. */
  versionId: recordId.optional(),
  /** The baseline is what is deployed here. Default `production`. */
  environment: environmentSchema.default('production'),
  source: replaySourceInput,
});
export type RunReplayInput = z.input<typeof runReplayInput>;

export const replayRef = z.strictObject({ replayId: recordId });
export const listReplaysInput = z.strictObject({ flowId, versionId: recordId.optional(), limit: z.number().int().min(1).max(100).default(20) });

export const replayRecordSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  /** Null when the candidate was the draft (such a report cannot be attached to a review). */
  candidateVersionId: z.string().nullable(),
  candidateNumber: z.number().nullable(),
  baselineVersionId: z.string(),
  baselineNumber: z.number(),
  environment: environmentSchema,
  source: z.string(),
  createdBy: actorSchema,
  createdAt: isoTimestamp,
  report: replayReportSchema,
});
export type ReplayRecord = z.output<typeof replayRecordSchema>;

/** A report's headline, for lists. */
export const replaySummarySchema = replayRecordSchema.omit({ report: true }).extend({
  conversations: z.number(),
  baselineEscalationRate: z.number(),
  candidateEscalationRate: z.number(),
});
export type ReplaySummary = z.output<typeof replaySummarySchema>;
