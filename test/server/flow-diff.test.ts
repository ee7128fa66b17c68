// The structural diff: nodes, edges, intents and examples, settings, each escalation rule field
// by field, layout apart from logic, and the needsReview flag with its reasons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowDiffSchema, parseFlow, type FlowDocument, type JsonObject } from '../../shared/index.ts';
import { diffFlows } from '../../server/versioning/flow-diff.ts';
import { contentHash, policyHash } from '../../server/versioning/content-hash.ts';
import { dialects, makeWorld, rejects, sampleFlow, type TestDatabase, type World } from './harness.ts';

function parse(doc: JsonObject): FlowDocument {
  const parsed = parseFlow(doc);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return parsed.doc;
}
const side = (ref: string) => ({ ref, number: null, contentHash: '0'.repeat(64) });
const diff = (a: JsonObject, b: JsonObject) => diffFlows(parse(a), parse(b), { from: side('a'), to: side('b') });

type Mutable = JsonObject & { nodes: JsonObject[]; edges: JsonObject[]; intents: JsonObject[]; escalation: { rules: JsonObject[] }; settings: JsonObject };
const base = () => sampleFlow('diff') as Mutable;

describe('diffFlows', () => {
  it('finds nothing between identical documents', () => {
    const d = diff(base(), base());
    expect(d).toMatchObject({ sameContent: true, needsReview: false, nodes: [], edges: [], intents: [], escalationRules: [], settings: [], layout: [] });
  });

  it('reports a message text change field by field, without review', () => {
    const after = base();
    after.nodes[1]!.data = { text: 'Hello!' };
    const d = diff(base(), after);
    expect(d.nodes).toEqual([
      { id: 'hello', type: 'message', change: 'changed', handoff: false, fields: [{ path: 'data.text', before: 'Hi! How can I help?', after: 'Hello!' }] },
    ]);
    expect(d.needsReview).toBe(false);
    expect(d.sameContent).toBe(false);
  });

  it('reports each escalation rule field by field and flags review', () => {
    const after = base();
    after.escalation.rules[0] = { ...after.escalation.rules[0]!, priority: 'high', when: { '==': [{ var: 'nlu.intent' }, 'balance'] } };
    after.escalation.rules.push({ id: 'vip', name: 'VIP', when: { '==': [{ var: 'customer.tier' }, 'vip'] }, priority: 'high', queue: 'vip', reason: 'vip' });
    const d = diff(base(), after);
    expect(d.escalationRules[0]).toMatchObject({
      id: 'lost-card',
      change: 'changed',
      fields: [
        { path: 'priority', before: 'urgent', after: 'high' },
        { path: 'when', before: { '==': [{ var: 'nlu.intent' }, 'card_lost'] }, after: { '==': [{ var: 'nlu.intent' }, 'balance'] } },
      ],
    });
    expect(d.escalationRules[1]).toMatchObject({ id: 'vip', change: 'added', after: { queue: 'vip' } });
    expect(d.needsReview).toBe(true);
    expect(d.reviewReasons.map((r) => r.path)).toEqual(['escalation.rules[id=lost-card]', 'escalation.rules[id=vip]']);
    expect(d.reviewReasons[0]!.message).toMatch(/priority, when/);
  });

  it('treats a change of rule order as a policy change', () => {
    const before = base();
    before.escalation.rules.push({ id: 'vip', name: 'VIP', when: true, priority: 'high', queue: 'vip', reason: 'vip' });
    const after = structuredClone(before);
    after.escalation.rules.reverse();
    const d = diff(before, after);
    expect(d.needsReview).toBe(true);
    expect(d.escalationRules.filter((r) => r.moved).length).toBe(1);
  });

  it('flags settings and handoff node changes for review', () => {
    const after = base();
    after.settings = { confidenceThreshold: 0.4 };
    after.nodes[5]!.data = { queue: 'general', reason: 'card_help' };
    const d = diff(base(), after);
    expect(d.settings).toEqual([{ path: 'confidenceThreshold', before: 0.55, after: 0.4 }]);
    expect(d.nodes[0]).toMatchObject({ id: 'human', handoff: true, fields: [{ path: 'data.queue', before: 'cards', after: 'general' }] });
    expect(d.reviewReasons.map((r) => r.section)).toEqual(['settings', 'handoff']);
  });

  it('flags rewiring into a handoff node for review, but not other edges', () => {
    const after = base();
    after.edges[5] = { id: 'e6', source: 'route', sourceHandle: 'low_confidence', target: 'balance' };
    const d = diff(base(), after);
    expect(d.edges).toEqual([{ id: 'e6', change: 'changed', toHandoff: true, fields: [{ path: 'target', before: 'human', after: 'balance' }] }]);
    expect(d.needsReview).toBe(true);
  });

  it('lists added and removed intent examples', () => {
    const after = base();
    after.intents[0] = { name: 'card_lost', examples: ['I lost my card', 'someone took my card'] };
    after.intents.push({ name: 'greeting', examples: ['hi'] });
    const d = diff(base(), after);
    expect(d.intents).toEqual([
      { name: 'card_lost', change: 'changed', fields: [], examplesAdded: ['someone took my card'], examplesRemoved: ['my card was stolen'] },
      { name: 'greeting', change: 'added', fields: [], examplesAdded: [], examplesRemoved: [], after: { name: 'greeting', examples: ['hi'] } },
    ]);
    expect(d.needsReview).toBe(false);
  });

  it('reports moved nodes as layout only: same content hash, no review, no node change', () => {
    const after = base();
    after.nodes[0]!.position = { x: 50, y: -20 };
    const d = diff(base(), after);
    expect(d).toMatchObject({ sameContent: true, needsReview: false, nodes: [], layout: [{ nodeId: 'start', before: { x: 0, y: 0 }, after: { x: 50, y: -20 } }] });
    expect(contentHash(parse(after))).toBe(contentHash(parse(base())));
    expect(policyHash(parse(after))).toBe(policyHash(parse(base())));
  });

  it('reports added and removed nodes whole', () => {
    const after = base();
    after.nodes.splice(3, 1);
    after.nodes.push({ id: 'bye', type: 'end', position: { x: 1, y: 1 }, data: { outcome: 'abandoned' } });
    const d = diff(base(), after);
    expect(d.nodes.map((n) => [n.id, n.change])).toEqual([
      ['bye', 'added'],
      ['balance', 'removed'],
    ]);
    expect(d.nodes[1]!.before).toMatchObject({ id: 'balance', type: 'message' });
  });

  it('keeps needsReview equal to a policy hash difference (the deploy gate uses the hash)', () => {
    const variants: Array<(d: Mutable) => void> = [
      (d) => void (d.settings = { maxClarifications: 1 }),
      (d) => void (d.nodes[1]!.data = { text: 'x' }),
      (d) => void (d.escalation.rules[0]!.tags = ['fraud']),
      (d) => void (d.nodes[5]!.position = { x: 9, y: 9 }),
      (d) => void (d.edges[4] = { id: 'e5b', source: 'route', sourceHandle: 'card_lost', target: 'human' }),
    ];
    for (const change of variants) {
      const after = base();
      change(after);
      const d = diff(base(), after);
      expect(d.needsReview).toBe(policyHash(parse(base())) !== policyHash(parse(after)));
      expect(flowDiffSchema.safeParse(d).success).toBe(true);
    }
  });
});

describe.each(dialects)('versions.diff and flows.diffDraft on $name', (dialect) => {
  let database: TestDatabase;
  let world: World;

  beforeAll(async () => {
    database = await dialect.open();
    world = await makeWorld(database);
  });
  afterAll(async () => database.cleanup());

  it('diffs two stored versions and the draft against its base', async () => {
    const dana = await world.as('dana');
    await dana.api.flows.import({ document: sampleFlow('d') });
    const v1 = await dana.api.flows.commit({ flowId: 'd', baseRevision: 1, message: 'v1' });
    const saved = await dana.api.flows.saveDraft({ flowId: 'd', baseRevision: 1, document: sampleFlow('d', { threshold: 0.8 }) });
    const draftDiff = await dana.api.flows.diffDraft({ flowId: 'd' });
    expect(draftDiff).toMatchObject({ from: { ref: v1.id, number: 1 }, to: { ref: 'draft', number: null }, needsReview: true });
    const v2 = await dana.api.flows.commit({ flowId: 'd', baseRevision: saved.revision, message: 'v2' });
    const rita = await world.as('rita');
    const d = await rita.api.versions.diff({ fromVersionId: v1.id, toVersionId: v2.id });
    expect(d.settings).toEqual([{ path: 'confidenceThreshold', before: 0.55, after: 0.8 }]);
    expect(d.reviewReasons[0]).toMatchObject({ section: 'settings', path: 'settings.confidenceThreshold' });
    expect(flowDiffSchema.safeParse(d).success).toBe(true);
    await rejects(rita.api.versions.diff({ fromVersionId: v1.id, toVersionId: 'ver_nope' }), 'NOT_FOUND');
    const list = await rita.api.versions.list({ flowId: 'd' });
    expect(list[0]).toMatchObject({ number: 2, policyChanged: true });
  });
});
