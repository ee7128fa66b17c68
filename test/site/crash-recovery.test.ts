// Durability: the real server takes traffic from many conversations at once and is killed with
// SIGKILL mid-stream. After a restart on the same database every acknowledged turn is there
// exactly once with the reply the client got, in-flight messages retried with their
// idempotency keys are stored once, and every conversation carries on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteMessage } from '../../shared/api/site.ts';
import { dialects, type TestDatabase } from '../server/harness.ts';
import { chatFlow } from './fixtures.ts';
import { DEMO_KEY, flowsDir, startServerProcess, type ServerProcess } from './server-process.ts';
import { SiteApi } from './site-harness.ts';

interface Sent {
  key: string;
  text: string;
  /** The reply the client received, if it did. */
  reply: { messages: SiteMessage[]; lastEventId: number } | null;
}

describe.each(dialects)('crash recovery on $name', (dialect) => {
  let database: TestDatabase;
  let server: ServerProcess | null = null;
  const flows = flowsDir([chatFlow('chat')]);

  beforeAll(async () => {
    database = await dialect.open();
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await database?.cleanup();
  });

  it('keeps every acknowledged turn exactly once across kill -9 and continues', async () => {
    server = await startServerProcess({ databaseUrl: database.url, flowsDir: flows });
    let api = new SiteApi(server.url, DEMO_KEY);
    const conversations = await Promise.all(Array.from({ length: 12 }, async () => String((await api.start({ flowId: 'chat' })).body.conversationId)));
    const sent = new Map<string, Sent[]>(conversations.map((c) => [c, []]));

    let acknowledged = 0;
    const worker = async (conversationId: string, w: number) => {
      for (let i = 0; ; i++) {
        const entry: Sent = { key: `w${w}-m${i}`, text: `what is my balance (${w}.${i})`, reply: null };
        sent.get(conversationId)!.push(entry);
        try {
          const r = await api.message(conversationId, entry.text, entry.key);
          if (r.status !== 200) throw new Error(`status ${r.status}: ${JSON.stringify(r.body)}`);
          entry.reply = r.body as unknown as Sent['reply'];
          acknowledged++;
        } catch (error) {
          if (error instanceof Error && error.message.startsWith('status')) throw error;
          return; // the server died under this request
        }
      }
    };
    const traffic = Promise.all(conversations.map((c, w) => worker(c, w)));
    while (acknowledged < 150) await new Promise((r) => setTimeout(r, 5));
    server.child.kill('SIGKILL');
    expect(await server.exited).toBe('SIGKILL');
    await traffic;

    server = await startServerProcess({ databaseUrl: database.url, flowsDir: flows });
    api = new SiteApi(server.url, DEMO_KEY);
    let inFlightStoredBefore = 0;
    for (const [conversationId, entries] of sent) {
      const last = entries.at(-1)!;
      expect(last.reply).toBeNull();
      // The client retries what it never got an answer for, with the same key.
      const retried = await api.message(conversationId, last.text, last.key);
      expect(retried.status).toBe(200);
      if (retried.headers.get('idempotent-replayed') === 'true') inFlightStoredBefore++;
      last.reply = retried.body as unknown as Sent['reply'];

      const view = await api.get(conversationId);
      const messages = view.body.messages as SiteMessage[];
      expect(messages.map((m) => m.id)).toEqual(messages.map((_, i) => i + 1));
      const users = messages.filter((m) => m.role === 'user').map((m) => m.text);
      expect(users).toEqual(entries.map((e) => e.text));
      for (const e of entries) {
        const [answer] = e.reply!.messages;
        expect(messages[answer!.id - 1]).toEqual(answer);
        expect(messages[answer!.id - 2]).toMatchObject({ role: 'user', text: e.text });
      }
      const turns = await database.db.selectFrom('turns').select('idempotency_key').where('conversation_id', '=', conversationId).execute();
      expect(turns.map((t) => t.idempotency_key).sort()).toEqual(['start turn', ...entries.map((e) => e.key)].sort());

      const more = await api.message(conversationId, 'show me my balance');
      expect(more.body).toMatchObject({ status: 'active', messages: [{ text: 'Your balance is 42.00 EUR.' }] });
    }
    expect(acknowledged).toBeGreaterThanOrEqual(150);
    // Usually some in-flight turns were committed before the kill and were replayed (not taken twice).
    expect(inFlightStoredBefore).toBeGreaterThanOrEqual(0);
  });
});
