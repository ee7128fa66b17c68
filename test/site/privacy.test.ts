// Personal data stays out of what is stored: card numbers (Luhn), IBANs (mod 97), e-mail
// addresses and phone numbers are redacted from stored transcripts, events and handoff packages —
// unless the flow collected the value into a variable it does not mark as PII.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../shared/index.ts';
import { signCustomerToken } from '../../server/site-api/customers/customer-token.ts';
import { purgeExpired } from '../../server/site-api/privacy/purge-expired.ts';
import { redactPii } from '../../server/site-api/privacy/redact-pii.ts';
import { loadConversation } from '../../server/site-api/conversations/conversation-store.ts';
import { dialects } from '../server/harness.ts';
import { chatFlow } from './fixtures.ts';
import { openSiteWorld, type SiteWorld } from './site-harness.ts';

describe('redactPii', () => {
  it.each([
    ['my card is 4111 1111 1111 1111, thanks', 'my card is [card number], thanks'],
    ['4000-0566-5566-5556', '[card number]'],
    ['card 4111111111111112 fails Luhn', 'card 4111111111111112 fails Luhn'],
    ['IBAN DE89 3704 0044 0532 0130 00 please', 'IBAN [IBAN] please'],
    ['GB82WEST12345698765432', '[IBAN]'],
    ['GB82WEST12345698765433 has a bad checksum', 'GB82WEST12345698765433 has a bad checksum'],
    ['write to ada.lovelace@example.co.uk', 'write to [email]'],
    ['call +44 20 7946 0958 or 020 7946 0958', 'call [phone] or [phone]'],
    ['my number is 555-123-4567', 'my number is [phone]'],
    ['order AB123456 on 2024-01-15 for $1,200', 'order AB123456 on 2024-01-15 for $1,200'],
    ['I sent 10000 EUR, reference 12345678', 'I sent 10000 EUR, reference 12345678'],
  ])('%s', (text, expected) => {
    expect(redactPii(text)).toBe(expected);
  });

  it('keeps values the flow may store', () => {
    expect(redactPii('call me on +44 20 7946 0958', { keep: new Set(['442079460958']) })).toBe('call me on +44 20 7946 0958');
  });
});

/** Asks for a phone number into a variable; `pii` decides whether it may be stored. */
function phoneFlow(id: string, pii: boolean): JsonObject {
  const at = { x: 0, y: 0 };
  return {
    schemaVersion: 1,
    id,
    name: id,
    variables: [{ name: 'phone', type: 'string', pii }],
    nodes: [
      { id: 'start', type: 'start', position: at, data: {} },
      { id: 'ask', type: 'ask', position: at, data: { prompt: 'What number can we call you on?', variable: 'phone', valueType: 'phone' } },
      { id: 'human', type: 'handoff', position: at, data: { queue: 'callbacks', reason: 'callback' } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'ask' },
      { id: 'e2', source: 'ask', target: 'human' },
    ],
  };
}

describe.each(dialects)('stored transcripts on $name', (dialect) => {
  let sw: SiteWorld;

  beforeAll(async () => {
    sw = await openSiteWorld(dialect, { flows: [chatFlow('chat'), phoneFlow('callback', false), phoneFlow('secret-callback', true)] });
  });
  afterAll(async () => sw?.close());

  const stored = async (id: string) => {
    const db = sw.database.db;
    const row = await db.selectFrom('conversations').select('state').where('id', '=', id).executeTakeFirstOrThrow();
    const events = (await db.selectFrom('conversation_events').select('payload').where('conversation_id', '=', id).execute()).map((e) => e.payload).join('\n');
    const pkg = (await db.selectFrom('handoffs').select('package').where('conversation_id', '=', id).executeTakeFirst())?.package ?? '';
    // The state as stored (the transcript is not in it) and the transcript as a new process reads it.
    const loaded = await loadConversation(db, sw.database.dialect, id);
    return { row: row.state, state: JSON.stringify(loaded!.state.transcript), events, pkg };
  };

  it('redacts a card number before anything is stored, and tells the customer what was kept', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    await sw.api.message(id, 'my card 4111 1111 1111 1111 was stolen, email me at ada@example.com');
    await sw.api.request('POST', `/conversations/${id}/request-human`, { idempotencyKey: 'human' });
    const s = await stored(id);
    // Whole digit groups: a millisecond timestamp in the JSON may hold "4111" (1795864714111 did).
    const cardDigits = /\b4111\b|\b1111\b/;
    for (const text of [s.state, s.events, s.pkg]) {
      expect(text).not.toMatch(cardDigits);
      expect(text).not.toContain('ada@example.com');
      expect(text).toContain('my card [card number] was stolen, email me at [email]');
    }
    expect(s.row).not.toMatch(cardDigits);
    expect(s.row).not.toContain('ada@example.com');
    expect(JSON.parse(s.pkg).summary).toContain('[card number]');
    const view = await sw.api.get(id);
    expect((view.body.messages as Array<{ role: string; text: string }>).find((m) => m.role === 'user')?.text).toBe('my card [card number] was stolen, email me at [email]');
  });

  it('keeps a number the flow collected into a variable not marked PII, and redacts one marked PII', async () => {
    for (const [flowId, kept] of [['callback', true], ['secret-callback', false]] as const) {
      const id = String((await sw.api.start({ flowId })).body.conversationId);
      const turn = await sw.api.message(id, '+44 20 7946 0958');
      expect(turn.body.status).toBe('escalated');
      const s = await stored(id);
      expect([flowId, s.events.includes('+44 20 7946 0958'), s.pkg.includes('+44 20 7946 0958')]).toEqual([flowId, kept, kept]);
      if (!kept) expect(JSON.parse(s.pkg).variables.phone).toBe('[redacted]');
    }
  });

  it('purges conversations past the site retention period, with their events and handoffs', async () => {
    const admin = await sw.world.as('admin');
    const old = String((await sw.api.start()).body.conversationId);
    await sw.api.message(old, 'someone stole my card');
    const fresh = String((await sw.api.start()).body.conversationId);
    const db = sw.database.db;
    await db.updateTable('conversations').set({ updated_at: new Date(Date.now() - 40 * 86_400_000).toISOString() }).where('id', '=', old).execute();
    expect(await purgeExpired(db, new Date())).toEqual({ conversations: 0, deliveries: 0 });
    await admin.api.siteSettings.update({ siteId: 'acme', retentionDays: 30 });
    expect((await purgeExpired(db, new Date())).conversations).toBe(1);
    for (const table of ['conversation_events', 'turns', 'handoffs'] as const) {
      expect((await db.selectFrom(table).select('conversation_id').where('conversation_id', '=', old).execute()).length, table).toBe(0);
    }
    expect((await sw.api.get(old)).status).toBe(404);
    expect((await sw.api.get(fresh)).status).toBe(200);
    await admin.api.siteSettings.update({ siteId: 'acme', retentionDays: null });
  });

  it('exports and deletes everything stored about one signed-in customer', async () => {
    const admin = await sw.world.as('admin');
    const { secret } = await admin.api.siteSettings.rotateSigningSecret({ siteId: 'acme' });
    const token = signCustomerToken(secret, { customer: { firstName: 'Lin' }, sub: 'cust-7', exp: Math.floor(Date.now() / 1000) + 600 });
    const id = String((await sw.api.start({ flowId: 'chat', customerToken: token })).body.conversationId);
    await sw.api.message(id, 'what is my balance');
    const someoneElse = String((await sw.api.start()).body.conversationId);

    const exported = await admin.api.customers.export({ siteId: 'acme', customerId: 'cust-7' });
    expect(exported.conversations.map((c) => c.conversationId)).toEqual([id]);
    expect(exported.conversations[0]!.messages.map((m) => m.text)).toEqual(['Welcome back, Lin! You are signed in.', 'what is my balance', 'Your balance is 42.00 EUR.']);
    expect(exported.conversations[0]!.customer).toMatchObject({ firstName: 'Lin', id: 'cust-7', authenticated: true });

    expect(await admin.api.customers.delete({ siteId: 'acme', customerId: 'cust-7' })).toEqual({ conversations: 1 });
    expect((await sw.api.get(id)).status).toBe(404);
    expect((await sw.api.get(someoneElse)).status).toBe(200);
    expect((await admin.api.customers.export({ siteId: 'acme', customerId: 'cust-7' })).conversations).toEqual([]);
    const audit = await sw.database.db.selectFrom('audit_log').select(['action', 'details', 'target_id']).where('action', '=', 'customer.delete').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('cust-7');
  });
});
