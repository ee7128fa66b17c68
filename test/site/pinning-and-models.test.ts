// A conversation stays on the version deployed when it started, whatever is deployed later; a
// version's intent model is trained once per training set, stored, and loaded (never retrained)
// by a restarted server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../server/harness.ts';
import { deploymentsChanged } from '../../server/deployments/deployment-changes.ts';
import { LiveVersions } from '../../server/site-api/flows/live-version-ref.ts';
import { chatFlow } from './fixtures.ts';
import { openSiteWorld, type SiteWorld } from './site-harness.ts';

describe.each(dialects)('version pinning and stored models on $name', (dialect) => {
  let sw: SiteWorld;

  beforeAll(async () => {
    sw = await openSiteWorld(dialect, { flows: [chatFlow('chat')] });
  });
  afterAll(async () => sw?.close());

  const models = async () => sw.database.db.selectFrom('intent_models').select(['key', 'created_at']).orderBy('key').execute();
  const balance = async (id: string) => (await sw.api.message(id, 'what is my balance')).body.messages as Array<{ text: string }>;

  it('keeps running conversations on their version after a new deploy', async () => {
    const old = String((await sw.api.start()).body.conversationId);
    expect(await balance(old)).toMatchObject([{ text: 'Your balance is 42.00 EUR.' }]);

    const v2 = await sw.deploy(chatFlow('chat', { balance: 'Your balance is 99.00 EUR.', greeting: 'Hello from version 2!' }));
    const fresh = await sw.api.start();
    expect(fresh.body).toMatchObject({ flow: { version: 2, versionId: v2.id }, messages: [{ text: 'Hello from version 2!' }] });
    expect(await balance(String(fresh.body.conversationId))).toMatchObject([{ text: 'Your balance is 99.00 EUR.' }]);

    expect(await balance(old)).toMatchObject([{ text: 'Your balance is 42.00 EUR.' }]);
    expect((await sw.api.get(old)).body).toMatchObject({ flow: { version: 1 } });
    const row = await sw.database.db.selectFrom('conversations').select(['version_id', 'state']).where('id', '=', old).executeTakeFirstOrThrow();
    expect(JSON.parse(row.state).flowVersion).toBe(row.version_id);
  });

  it('reuses what is live for a second at most, and not at all after a deploy in this process', async () => {
    const live = new LiveVersions(sw.database.db, sw.database.dialect, 1000);
    const db = sw.database.db;
    const latest = await db.selectFrom('deployments').selectAll().where('flow_id', '=', 'chat').where('environment', '=', 'production').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const first = await live.get('chat', 'production', 0);
    expect(first?.id).toBe(latest.version_id);
    const v1 = await db.selectFrom('versions').select(['id', 'number']).where('flow_id', '=', 'chat').where('number', '=', 1).executeTakeFirstOrThrow();
    // Written behind the cache's back (as another process would): unseen within the second, seen after.
    const { id: _id, ...row } = latest;
    await db.insertInto('deployments').values({ ...row, version_id: v1.id, kind: 'rollback', replaced_version_id: latest.version_id }).execute();
    expect((await live.get('chat', 'production', 999))?.id).toBe(latest.version_id);
    expect(await live.get('chat', 'production', 1000)).toEqual({ id: v1.id, number: 1 });
    // Back to the newer version, and a deploy in this process: seen at once.
    await db.insertInto('deployments').values(row).execute();
    deploymentsChanged();
    expect((await live.get('chat', 'production', 1001))?.id).toBe(latest.version_id);
    expect(await live.get('nonexistent', 'production', 1001)).toBeUndefined();
  });

  it('trains a model once per training set and loads it after a restart', async () => {
    // Versions 1 and 2 differ only in messages: one model serves both.
    expect(await models()).toHaveLength(1);
    const onV2 = String((await sw.api.start()).body.conversationId);
    const withExample = chatFlow('chat');
    (withExample.intents as Array<{ name: string; examples: string[] }>)[0]!.examples.push('what do I have in my account');
    await sw.deploy(withExample);
    const id = String((await sw.api.start()).body.conversationId);
    expect(await balance(id)).toMatchObject([{ text: 'Your balance is 42.00 EUR.' }]);
    const stored = await models();
    expect(stored).toHaveLength(2);
    expect(sw.logs.filter((l) => l.includes('trained and stored'))).toHaveLength(2);

    sw.logs.length = 0;
    await sw.restart({ warmFlows: 'all' });
    const compiled = sw.logs.filter((l) => l.startsWith('compiled flow version'));
    expect(compiled).toHaveLength(1);
    expect(compiled[0]).toMatch(/loaded en model/);
    expect(compiled[0]).not.toMatch(/trained/);
    expect(await balance(id)).toMatchObject([{ text: 'Your balance is 42.00 EUR.' }]);
    // A conversation pinned to an older version compiles it on first use, again from the stored model.
    expect(await balance(onV2)).toMatchObject([{ text: 'Your balance is 99.00 EUR.' }]);
    expect(sw.logs.filter((l) => l.startsWith('compiled flow version'))).toHaveLength(2);
    expect(sw.logs.some((l) => l.includes('trained'))).toBe(false);
    expect(await models()).toEqual(stored);
  });
});
