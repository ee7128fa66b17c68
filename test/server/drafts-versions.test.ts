// Drafts and versions: optimistic concurrency (409 naming who saved), invalid commits return
// every problem with its path, versions are immutable and listed newest first, import/export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFlow, type JsonObject } from '../../shared/index.ts';
import { checkDraft } from '../../server/flows/check-draft.ts';
import { dialects, makeWorld, rejects, sampleFlow, type TestDatabase, type World } from './harness.ts';

describe('checkDraft', () => {
  it('turns a checker that throws (deeply nested rules) into a problem instead of a 500', () => {
    const doc = sampleFlow('deep');
    const deep = JSON.parse(`${'{"and":['.repeat(3000)}true${']}'.repeat(3000)}`);
    ((doc.escalation as { rules: Array<Record<string, unknown>> }).rules[0]!).when = deep;
    // The runtime's checker overflows its stack on this today; whatever it does, the server gets values.
    expect(() => checkDraft(doc)).not.toThrow();
    expect(Array.isArray(checkDraft(doc))).toBe(true);
  });
});

describe.each(dialects)('drafts and versions on $name', (dialect) => {
  let database: TestDatabase;
  let world: World;

  beforeAll(async () => {
    database = await dialect.open();
    world = await makeWorld(database);
  });
  afterAll(async () => database.cleanup());

  it('creates a flow with a valid starter draft', async () => {
    const dana = await world.as('dana');
    const draft = await dana.api.flows.create({ id: 'starter', name: 'Starter' });
    expect(draft.revision).toBe(1);
    expect(draft.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(draft.document.id).toBe('starter');
    await rejects(dana.api.flows.create({ id: 'starter', name: 'Again' }), 'CONFLICT');
    const version = await dana.api.flows.commit({ flowId: 'starter', baseRevision: 1, message: 'First' });
    expect(version.number).toBe(1);
  });

  it('rejects a stale save with 409 naming who saved last', async () => {
    const dana = await world.as('dana');
    const dave = await world.as('dave');
    await dana.api.flows.import({ document: sampleFlow('stale') });
    const first = await dana.api.flows.saveDraft({ flowId: 'stale', baseRevision: 1, document: sampleFlow('stale', { greeting: 'Hello there' }) });
    expect(first.revision).toBe(2);

    const { error, data } = await rejects(
      dave.api.flows.saveDraft({ flowId: 'stale', baseRevision: 1, document: sampleFlow('stale', { greeting: 'Hey' }) }),
      'CONFLICT',
    );
    expect(data.conflict).toMatchObject({ revision: 2, savedBy: { id: world.ids.dana, email: 'dana@example.com' } });
    expect(error.message).toContain('dana@example.com');

    const draft = await dave.api.flows.get({ flowId: 'stale' });
    expect(draft.revision).toBe(2);
    expect(draft.updatedBy?.email).toBe('dana@example.com');
    expect((draft.document.nodes as JsonObject[])[1]).toMatchObject({ data: { text: 'Hello there' } });
  });

  it('rejects a commit based on a stale revision', async () => {
    const dana = await world.as('dana');
    await rejects(dana.api.flows.commit({ flowId: 'stale', baseRevision: 1, message: 'old' }), 'CONFLICT');
  });

  it('404s unknown flows and versions', async () => {
    const dana = await world.as('dana');
    await rejects(dana.api.flows.get({ flowId: 'nope' }), 'NOT_FOUND');
    await rejects(dana.api.flows.saveDraft({ flowId: 'nope', baseRevision: 1, document: sampleFlow('nope') }), 'NOT_FOUND');
    await rejects(dana.api.flows.commit({ flowId: 'nope', baseRevision: 1, message: 'x' }), 'NOT_FOUND');
    await rejects(dana.api.versions.get({ versionId: 'ver_missing' }), 'NOT_FOUND');
    await rejects(dana.api.versions.list({ flowId: 'nope' }), 'NOT_FOUND');
  });

  it('refuses to change a flow id through a save', async () => {
    const dana = await world.as('dana');
    const { data } = await rejects(dana.api.flows.saveDraft({ flowId: 'stale', baseRevision: 2, document: sampleFlow('other') }), 'BAD_REQUEST');
    expect(data.problems?.[0]?.path).toBe('id');
  });

  it('saves an invalid draft but refuses to commit it, returning every problem with its path', async () => {
    const dana = await world.as('dana');
    const broken = sampleFlow('broken');
    await dana.api.flows.import({ document: broken });
    const nodes = broken.nodes as JsonObject[];
    nodes[1] = { ...nodes[1]!, data: {} }; // message without text
    (broken.edges as JsonObject[])[3] = { id: 'e4', source: 'balance', target: 'ghost' }; // dangling edge
    const saved = await dana.api.flows.saveDraft({ flowId: 'broken', baseRevision: 1, document: broken });
    expect(saved.problems.some((p) => p.path === 'nodes[1].data.text')).toBe(true);

    const { data, error } = await rejects(dana.api.flows.commit({ flowId: 'broken', baseRevision: saved.revision, message: 'Try' }), 'BAD_REQUEST');
    expect(data.problems?.map((p) => p.path)).toContain('nodes[1].data.text');
    expect(error.message).toMatch(/problem/);

    // Fix the text: the graph problem (dangling edge) now surfaces with its own path.
    nodes[1] = { ...nodes[1]!, data: { text: 'Hi' } };
    const fixedText = await dana.api.flows.saveDraft({ flowId: 'broken', baseRevision: saved.revision, document: broken });
    const second = await rejects(dana.api.flows.commit({ flowId: 'broken', baseRevision: fixedText.revision, message: 'Try' }), 'BAD_REQUEST');
    expect(second.data.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'dangling_edge', path: 'edges[3].target' })]));
    const versions = await dana.api.versions.list({ flowId: 'broken' });
    expect(versions).toEqual([]);
  });

  it('commits immutable versions with hash, author, message and parent, listed newest first', async () => {
    const dana = await world.as('dana');
    await dana.api.flows.import({ document: sampleFlow('history') });
    const v1 = await dana.api.flows.commit({ flowId: 'history', baseRevision: 1, message: 'First cut' });
    expect(v1).toMatchObject({ number: 1, parentId: null, message: 'First cut', author: { email: 'dana@example.com' }, reviewStatus: 'none', approved: false });
    expect(v1.contentHash).toMatch(/^[0-9a-f]{64}$/);

    await rejects(dana.api.flows.commit({ flowId: 'history', baseRevision: 1, message: 'Again' }), 'PRECONDITION_FAILED');

    const saved = await dana.api.flows.saveDraft({ flowId: 'history', baseRevision: 1, document: sampleFlow('history', { greeting: 'Welcome!' }) });
    const v2 = await dana.api.flows.commit({ flowId: 'history', baseRevision: saved.revision, message: 'Warmer greeting' });
    expect(v2).toMatchObject({ number: 2, parentId: v1.id, policyChanged: false });
    expect(v2.contentHash).not.toBe(v1.contentHash);

    const list = await dana.api.versions.list({ flowId: 'history' });
    expect(list.map((v) => v.number)).toEqual([2, 1]);
    const paged = await dana.api.versions.list({ flowId: 'history', beforeNumber: 2 });
    expect(paged.map((v) => v.number)).toEqual([1]);

    const detail = await dana.api.versions.get({ versionId: v1.id });
    expect(parseFlow(detail.document).ok).toBe(true);
    expect(detail.authors.map((a) => a?.email)).toEqual(['dana@example.com']);
    // The draft's later edits never touch a committed version.
    expect(((detail.document.nodes as JsonObject[])[1]!.data as JsonObject).text).toBe('Hi! How can I help?');

    const flows = await dana.api.flows.list();
    expect(flows.find((f) => f.id === 'history')).toMatchObject({ latestVersion: { id: v2.id, number: 2 }, draft: { changedSinceCommit: false } });
  });

  it('lets only one of two simultaneous commits of the same revision through', async () => {
    const dana = await world.as('dana');
    const dave = await world.as('dave');
    await dana.api.flows.import({ document: sampleFlow('race') });
    const results = await Promise.allSettled([
      dana.api.flows.commit({ flowId: 'race', baseRevision: 1, message: 'dana' }),
      dave.api.flows.commit({ flowId: 'race', baseRevision: 1, message: 'dave' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await dana.api.versions.list({ flowId: 'race' })).toHaveLength(1);
  });

  it('imports over an existing draft only with its revision, and exports drafts and versions', async () => {
    const dana = await world.as('dana');
    await rejects(dana.api.flows.import({ document: sampleFlow('history') }), 'CONFLICT');
    const draft = await dana.api.flows.get({ flowId: 'history' });
    const imported = await dana.api.flows.import({ document: sampleFlow('history', { greeting: 'Imported' }), baseRevision: draft.revision });
    expect(imported).toMatchObject({ flowId: 'history', created: false, revision: draft.revision + 1 });
    await rejects(dana.api.flows.import({ document: { ...sampleFlow('x'), id: 'Bad Id' } }), 'BAD_REQUEST');

    const exported = await dana.api.flows.export({ flowId: 'history' });
    expect(exported.fileName).toBe('history.json');
    expect(((exported.document.nodes as JsonObject[])[1]!.data as JsonObject).text).toBe('Imported');
    const [latest] = await dana.api.versions.list({ flowId: 'history', limit: 1 });
    const version = await dana.api.flows.export({ flowId: 'history', versionId: latest!.id });
    expect(version.fileName).toBe('history.v2.json');
    expect(parseFlow(version.document).ok).toBe(true);
    await rejects(dana.api.flows.export({ flowId: 'starter', versionId: latest!.id }), 'NOT_FOUND');
  });

  it('validates every input with zod (400, never 500)', async () => {
    const dana = await world.as('dana');
    const bad: Array<() => Promise<unknown>> = [
      () => dana.api.flows.saveDraft({ flowId: 'history', baseRevision: 0, document: {} }),
      () => dana.api.flows.create({ id: '../etc', name: 'x' }),
      () => dana.api.versions.list({ flowId: 'history', limit: 5000 }),
      // @ts-expect-error wrong type on purpose
      () => dana.api.flows.commit({ flowId: 'history', baseRevision: '1', message: 'x' }),
      () => dana.api.flows.commit({ flowId: 'history', baseRevision: 1, message: '   ' }),
      // Hostile nesting: too deep for the schema, and deep enough to overflow a recursive parser.
      () => dana.api.flows.saveDraft({ flowId: 'history', baseRevision: 1, document: { id: 'history', x: JSON.parse(`${'['.repeat(100)}1${']'.repeat(100)}`) } }),
      () => dana.api.flows.import({ document: { id: 'deep', x: JSON.parse(`${'['.repeat(5000)}1${']'.repeat(5000)}`) } }),
    ];
    for (const call of bad) await rejects(call(), 'BAD_REQUEST');
  });

  it('says where a document is nested too deeply, however deep (fuzzing: 3,000 levels overflowed the validator)', async () => {
    const dana = await world.as('dana');
    let deep: unknown = 1;
    for (let i = 0; i < 3000; i++) deep = { a: deep };
    const { error } = await rejects(dana.api.flows.import({ document: { id: 'deep', a: deep as never } }), 'BAD_REQUEST');
    expect(error.message).toMatch(/Nested more than 64 levels deep here/);
    // The path runs to the level where the limit was crossed.
    const [issue] = JSON.parse(error.message) as Array<{ path: string[] }>;
    expect(issue!.path).toEqual(['document', ...Array<string>(65).fill('a')]);
  });
});
