// No lost or doubled messages: a retried request returns the first response and stores nothing
// twice; parallel messages to one conversation are taken one after another, so the transcript,
// the event ids and the engine state agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteMessage } from '../../shared/api/site.ts';
import { loadConversation } from '../../server/site-api/conversations/conversation-store.ts';
import { dialects } from '../server/harness.ts';
import { chatFlow } from './fixtures.ts';
import { openSiteWorld, type SiteWorld } from './site-harness.ts';

describe.each(dialects)('idempotency and concurrency on $name', (dialect) => {
  let sw: SiteWorld;

  beforeAll(async () => {
    sw = await openSiteWorld(dialect, { flows: [chatFlow('chat')] });
  });
  afterAll(async () => sw?.close());

  const counts = async (id: string) => ({
    events: (await sw.database.db.selectFrom('conversation_events').select('id').where('conversation_id', '=', id).execute()).length,
    turns: (await sw.database.db.selectFrom('turns').select('id').where('conversation_id', '=', id).execute()).length,
  });

  it('returns the same response for the same key and stores the turn once', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    const first = await sw.api.message(id, 'what is my balance', 'key-1');
    const before = await counts(id);
    const retry = await sw.api.message(id, 'what is my balance', 'key-1');
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await counts(id)).toEqual(before);
    // Same text, new key: a new turn.
    const next = await sw.api.message(id, 'what is my balance', 'key-2');
    expect(next.body.lastEventId).toBe(Number(first.body.lastEventId) + 2);
  });

  it('refuses a reused key with a different message', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    await sw.api.message(id, 'what is my balance', 'same');
    const reused = await sw.api.message(id, 'where is my order', 'same');
    expect([reused.status, reused.body]).toEqual([409, { error: { code: 'idempotency_key_reused', message: expect.any(String), path: 'body.idempotencyKey' } }]);
  });

  it('starts one conversation for retried and simultaneous starts with the same key', async () => {
    const conversations = async () => Number((await sw.database.db.selectFrom('conversations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const body = { flowId: 'chat', customer: { firstName: 'Ada' }, idempotencyKey: crypto.randomUUID() };
    const before = await conversations();
    const first = await sw.api.start(body);
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const id = String(first.body.conversationId);
    const retry = await sw.api.start(body);
    expect([retry.status, retry.body, retry.headers.get('idempotent-replayed')]).toEqual([201, first.body, 'true']);
    expect(await counts(id)).toEqual({ events: 1, turns: 1 });
    // Same key with another request: refused, nothing stored.
    const other = await sw.api.start({ ...body, customer: { firstName: 'Bob' } });
    expect([other.status, (other.body.error as { code: string }).code]).toEqual([409, 'idempotency_key_reused']);
    // Another site (or environment) using the same key gets its own conversation.
    const elsewhere = await sw.api.with(sw.stagingKey).start({ ...body, customer: { firstName: 'Ada' } });
    expect(elsewhere.status === 404 || elsewhere.body.conversationId !== id).toBe(true);
    // A burst of the same start: one conversation, one response.
    const burstBody = { flowId: 'chat', idempotencyKey: crypto.randomUUID() };
    const burst = await Promise.all(Array.from({ length: 8 }, () => sw.api.start(burstBody)));
    expect(burst.map((r) => r.status)).toEqual(burst.map(() => 201));
    expect(new Set(burst.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(burst.filter((r) => r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(await conversations()).toBe(before + 2 + (elsewhere.status === 201 ? 1 : 0));
    // Without a key every start is a new conversation.
    const a = await sw.api.start({ flowId: 'chat' });
    const b = await sw.api.start({ flowId: 'chat' });
    expect(a.body.conversationId).not.toBe(b.body.conversationId);
  });

  it('takes one turn for simultaneous retries of one request', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    const replies = await Promise.all(Array.from({ length: 8 }, () => sw.api.message(id, 'what is my balance', 'burst')));
    expect(new Set(replies.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(replies.filter((r) => r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(await counts(id)).toEqual({ events: 3, turns: 2 });
  });

  it('serialises parallel messages: every message once, in one consistent order', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    const texts = Array.from({ length: 24 }, (_, i) => `what is my balance (${i})`);
    const replies = await Promise.all(texts.map((t) => sw.api.message(id, t)));
    expect(replies.map((r) => r.status)).toEqual(texts.map(() => 200));
    const view = await sw.api.get(id);
    const messages = view.body.messages as SiteMessage[];
    expect(messages.map((m) => m.id)).toEqual(messages.map((_, i) => i + 1));
    const users = messages.filter((m) => m.role === 'user').map((m) => m.text);
    expect([...users].sort()).toEqual([...texts].sort());
    // Each user message is directly followed by its answer, and each reply names the ids it got.
    for (const r of replies) {
      const answer = (r.body.messages as SiteMessage[])[0]!;
      expect(messages[answer.id - 1]).toMatchObject({ role: 'bot', text: 'Your balance is 42.00 EUR.' });
      expect(messages[answer.id - 2]!.role).toBe('user');
    }
    const row = await sw.database.db.selectFrom('conversations').select(['state', 'revision', 'last_seq']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.state).conversation.turns).toBe(24);
    expect([Number(row.revision), Number(row.last_seq)]).toEqual([25, 49]);
    // The state as a new process reads it (no cache): its transcript is the message log.
    const loaded = await loadConversation(sw.database.db, sw.database.dialect, id);
    expect(loaded!.state.transcript.map((t) => t.text)).toEqual(messages.map((m) => m.text));
    expect(loaded!.state.transcript.map((t) => new Date(t.at).toISOString())).toEqual(messages.map((m) => m.at));
  });
});

// SQLite: one process owns the conversations, so a turn on a conversation it committed reads
// nothing (state cache with the row and its turn keys). A change behind its back must still win.
describe('a cached conversation changed behind the cache (SQLite)', () => {
  let sw: SiteWorld;

  beforeAll(async () => {
    sw = await openSiteWorld(dialects[0]!, { flows: [chatFlow('chat')] });
  });
  afterAll(async () => sw?.close());

  it('commits conversation writes on the writer thread (the database is a file)', () => {
    expect(sw.logs).toContain('conversation writes commit grouped, on the SQLite writer thread (WAL checkpoints on a thread of their own)');
  });

  it('plans the turn again from the database when another writer moved the conversation on', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    const first = await sw.api.message(id, 'what is my balance', 'k1');
    // Another writer (a second process, a script) ends the conversation: a new revision.
    await sw.database.db.updateTable('conversations').set((eb) => ({ status: 'ended', revision: eb('revision', '+', 1) })).where('id', '=', id).execute();
    const after = await sw.api.message(id, 'where is my order', 'k2');
    expect([first.status, after.status, (after.body.error as { code: string }).code]).toEqual([200, 409, 'conversation_ended']);
  });

  it('answers 404 for a conversation deleted behind the cache, and stores nothing', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    await sw.api.message(id, 'what is my balance', 'k1');
    await sw.database.db.deleteFrom('conversations').where('id', '=', id).execute();
    const after = await sw.api.message(id, 'where is my order', 'k2');
    expect([after.status, (after.body.error as { code: string }).code]).toEqual([404, 'conversation_not_found']);
    expect(await sw.database.db.selectFrom('turns').select('id').where('conversation_id', '=', id).execute()).toEqual([]);
  });

  it('reads a state stored with its transcript (rows written before it moved to the events) as stored', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    await sw.api.message(id, 'what is my balance', 'k1');
    const row = await sw.database.db.selectFrom('conversations').select('state').where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.state).transcript).toEqual([]);
    const old = { ...JSON.parse(row.state), transcript: [{ role: 'bot', text: 'as stored before', at: 1 }] };
    await sw.database.db.updateTable('conversations').set({ state: JSON.stringify(old) }).where('id', '=', id).execute();
    const loaded = await loadConversation(sw.database.db, sw.database.dialect, id);
    expect(loaded!.state.transcript).toEqual([{ role: 'bot', text: 'as stored before', at: 1 }]);
  });

  it('still finds a stored reply for a retried key while the conversation is cached', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    const first = await sw.api.message(id, 'what is my balance', 'k1');
    await sw.api.message(id, 'where is my order', 'k2');
    const retry = await sw.api.message(id, 'what is my balance', 'k1');
    expect([retry.status, retry.body, retry.headers.get('idempotent-replayed')]).toEqual([200, first.body, 'true']);
  });
});
