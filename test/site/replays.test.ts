// Replay before publish on a real server and database: conversations customers had with the live
// version are replayed against a changed version, a labelled CSV is checked row by row, and the
// report is attached to the review request of exactly the version it was computed for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject, VersionSummary } from '../../shared/index.ts';
import { dialects, rejects } from '../server/harness.ts';
import { chatFlow } from './fixtures.ts';
import { openSiteWorld, type SiteWorld } from './site-harness.ts';

const allTime = { type: 'stored' as const, from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };

/** The lost-card rule now only fires for VIPs; others still reach the handoff node (queue `cards`). */
function tightened(): JsonObject {
  const doc = chatFlow('chat');
  const rules = (doc.escalation as { rules: Array<Record<string, unknown>> }).rules;
  rules[0]!.when = { and: [{ '==': [{ var: 'nlu.intent' }, 'card_lost'] }, { '==': [{ var: 'customer.tier' }, 'vip'] }] };
  return doc;
}

describe.each(dialects)('replay before publish on $name', (dialect) => {
  let sw: SiteWorld;
  let v1: VersionSummary;
  let v2: VersionSummary;
  let v3: VersionSummary;
  let revision: number;

  beforeAll(async () => {
    sw = await openSiteWorld(dialect);
    v1 = await sw.deploy(chatFlow('chat'));
    // Three customers talk to the live version 1.
    const talk = async (customer: JsonObject, ...messages: string[]) => {
      const started = await sw.api.start({ flowId: 'chat', customer });
      expect(started.status).toBe(201);
      const id = (started.body as { conversationId: string }).conversationId;
      for (const text of messages) expect((await sw.api.message(id, text)).status).toBe(200);
    };
    await talk({ tier: 'basic' }, 'I lost my card');
    await talk({ tier: 'vip' }, 'someone stole my card');
    await talk({ tier: 'basic' }, 'what is my balance', 'bye');

    const dana = await sw.world.as('dana');
    const draft = await dana.api.flows.get({ flowId: 'chat' });
    revision = (await dana.api.flows.saveDraft({ flowId: 'chat', baseRevision: draft.revision, document: tightened() })).revision;
    v2 = await dana.api.flows.commit({ flowId: 'chat', baseRevision: revision, message: 'lost-card rule for VIPs only' });
    revision = (await dana.api.flows.saveDraft({ flowId: 'chat', baseRevision: revision, document: { ...tightened(), name: 'Chat renamed' } })).revision;
    v3 = await dana.api.flows.commit({ flowId: 'chat', baseRevision: revision, message: 'rename' });
  });
  afterAll(async () => sw.close());

  it('replays stored conversations against the deployed version and stores the report', async () => {
    const dana = await sw.world.as('dana');
    const record = await dana.api.replays.run({ flowId: 'chat', versionId: v2.id, source: allTime });
    expect(record).toMatchObject({ flowId: 'chat', candidateVersionId: v2.id, candidateNumber: 2, baselineVersionId: v1.id, baselineNumber: 1, environment: 'production' });
    expect(record.source).toMatch(/^3 newest stored conversations from 2000-01-01 to 2099-12-31/);
    const r = record.report;
    expect(r.conversations).toBe(3);
    // The basic customer's lost card now reaches the handoff node's queue instead of fraud.
    expect(r.changes).toMatchObject({ different_queue: 1, unchanged: 2, newly_escalates: 0, no_longer_escalates: 0 });
    const moved = r.items.find((i) => i.change === 'different_queue')!;
    expect(moved.baseline).toMatchObject({ escalated: true, queue: 'fraud', rules: ['lost-card'] });
    expect(moved.candidate).toMatchObject({ escalated: true, queue: 'cards', rules: [] });
    expect(moved.baselineTranscript.find((l) => l.role === 'customer')?.text).toBe('I lost my card');
    expect(r.rules).toEqual([{ id: 'lost-card', name: 'Lost or stolen card', baseline: 2, candidate: 1, inBaseline: true, inCandidate: true }]);
    expect(r.baseline.escalationRate).toBeCloseTo(2 / 3);
    expect(r.candidate.escalationRate).toBeCloseTo(2 / 3);

    const listed = await dana.api.replays.list({ flowId: 'chat', versionId: v2.id });
    expect(listed.map((l) => l.id)).toContain(record.id);
    expect(await dana.api.replays.get({ replayId: record.id })).toEqual(record);
  });

  it('replays the draft when no version is named, and a cap limits the conversations', async () => {
    const rob = await sw.world.as('rob');
    const record = await rob.api.replays.run({ flowId: 'chat', source: { ...allTime, limit: 2 } });
    expect(record.candidateVersionId).toBeNull();
    expect(record.report.conversations).toBe(2);
  });

  it('says clearly when nothing is deployed to compare with', async () => {
    const dana = await sw.world.as('dana');
    const { error } = await rejects(dana.api.replays.run({ flowId: 'chat', versionId: v2.id, environment: 'staging', source: allTime }), 'PRECONDITION_FAILED');
    expect(error.message).toBe('Nothing of "Chat renamed" is deployed to staging, so there is nothing to compare with. Deploy a version there first, or compare against the other environment.');
  });

  it('replays a labelled CSV, and refuses one with bad rows naming every row, storing nothing', async () => {
    const dana = await sw.world.as('dana');
    const good = await dana.api.replays.run({
      flowId: 'chat',
      versionId: v2.id,
      source: { type: 'csv', fileName: 'labelled.csv', csv: 'text,expected_intent,should_escalate\nI lost my card,card_lost,yes\nwhat is my balance,balance,no\n' },
    });
    expect(good.source).toBe('labelled.csv (2 labelled messages)');
    expect(good.report.accuracy).toMatchObject({ labelledEscalation: 2, labelledIntent: 2, candidate: { escalationRecall: 1, escalationPrecision: 1, intentAccuracy: 1 } });

    const before = await dana.api.replays.list({ flowId: 'chat', limit: 100 });
    const { error, data } = await rejects(
      dana.api.replays.run({
        flowId: 'chat',
        versionId: v2.id,
        source: { type: 'csv', fileName: 'bad.csv', csv: 'text,expected_intent,should_escalate\nI lost my card,card_lost,yes\n,balance,no\nwhere is my order,shoes,no\nbye,goodbye,maybe\n' },
      }),
      'BAD_REQUEST',
    );
    expect(error.message).toMatch(/^bad\.csv has 3 problems; nothing was replayed\. Row 3: the text is empty\./);
    expect(data.reasons).toEqual([
      'Row 3: the text is empty.',
      'Row 4: "shoes" is not an intent of this flow (balance, card_lost, goodbye, order).',
      'Row 5: should_escalate must be yes or no (or empty), not "maybe".',
    ]);
    expect(await dana.api.replays.list({ flowId: 'chat', limit: 100 })).toHaveLength(before.length);

    const header = await rejects(dana.api.replays.run({ flowId: 'chat', source: { type: 'csv', csv: 'message,intent\nhi,balance\n' } }), 'BAD_REQUEST');
    expect(header.data.reasons?.[0]).toMatch(/^Row 1 must name the columns text\[,expected_intent\]\[,should_escalate\]/);
  });

  it('attaches a report only to the review of the version it was computed for; the reviewer reads it', async () => {
    const dana = await sw.world.as('dana');
    const forV2 = await dana.api.replays.run({ flowId: 'chat', versionId: v2.id, source: allTime });
    const forDraft = await dana.api.replays.run({ flowId: 'chat', source: allTime });

    const wrong = await rejects(dana.api.reviews.request({ versionId: v3.id, replayId: forV2.id }), 'CONFLICT');
    expect(wrong.error.message).toBe('That replay report was computed for version 2, not version 3; run the replay for version 3 and attach that one.');
    const draft = await rejects(dana.api.reviews.request({ versionId: v3.id, replayId: forDraft.id }), 'CONFLICT');
    expect(draft.error.message).toMatch(/computed for the draft, not for version 3/);
    // The refused requests changed nothing: version 3 is still not waiting for review.
    expect((await dana.api.reviews.get({ versionId: v3.id })).status).toBe('none');
    await rejects(dana.api.replays.attach({ replayId: forV2.id }), 'PRECONDITION_FAILED');

    await dana.api.reviews.request({ versionId: v2.id, note: 'Only VIP lost cards go to fraud now', replayId: forV2.id });
    const rita = await sw.world.as('rita');
    const seen = await rita.api.replays.attached({ versionId: v2.id });
    expect(seen?.id).toBe(forV2.id);
    expect(seen?.report.changes.different_queue).toBe(1);
    expect(await rita.api.replays.attached({ versionId: v3.id })).toBeNull();
    const ann = await sw.world.as('ann');
    expect((await ann.api.replays.attached({ versionId: v2.id }))?.id).toBe(forV2.id);

    // A newer report for the same version can be attached while the review waits.
    const newer = await dana.api.replays.run({ flowId: 'chat', versionId: v2.id, source: { ...allTime, limit: 1 } });
    sw.world.clock.advance(1000);
    await dana.api.replays.attach({ replayId: newer.id });
    expect((await rita.api.replays.attached({ versionId: v2.id }))?.id).toBe(newer.id);
    const audit = await (await sw.world.as('admin')).api.audit.list({ limit: 5 });
    expect(JSON.stringify(audit)).toContain('review.attach_replay');
  });
});
