// The site API as a site's developer meets it: start, talk, read back, rate; every documented
// error with its status, code and path (never a 500); the OpenAPI document is valid and every
// response seen here matches its schema; customer data, signed and not, and the opt-out.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCustomerToken } from '../../server/site-api/customers/customer-token.ts';
import { handoffSchemaFileText } from '../../server/site-api/handoff-json-schema.ts';
import { dialects } from '../server/harness.ts';
import { chatFlow } from './fixtures.ts';
import { openApiValidator, type OpenApiValidator } from './openapi-validator.ts';
import { openSiteWorld, type Reply, type SiteWorld } from './site-harness.ts';

describe.each(dialects)('site API contract on $name', (dialect) => {
  let sw: SiteWorld;
  let spec: OpenApiValidator;
  /** Checks a response against the OpenAPI document (operation, status, schema). */
  const conforms = <T,>(operationId: string, reply: Reply<T>): Reply<T> => {
    expect(spec.check(operationId, reply.status, reply.body), `${operationId} ${reply.status} ${JSON.stringify(reply.body)}`).toEqual([]);
    return reply;
  };

  beforeAll(async () => {
    sw = await openSiteWorld(dialect, { flows: [chatFlow('chat')] });
    const doc = await fetch(`${sw.base}/api/v1/openapi.json`);
    spec = openApiValidator(await doc.json());
  });
  afterAll(async () => sw?.close());

  it('serves a valid OpenAPI 3.1 document', () => {
    expect(spec.problems()).toEqual([]);
    expect(spec.operations().sort()).toEqual(['conversationEvents', 'getConversation', 'handoffPackageSchema', 'openApi', 'postMessage', 'recordCsat', 'requestHuman', 'startConversation']);
  });

  it('starts a conversation, takes turns and reads it back', async () => {
    const started = conforms('startConversation', await sw.api.start({ flowId: 'chat', customer: { firstName: 'Ada', tier: 'gold' } }));
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ status: 'active', handoff: null, flow: { id: 'chat', version: 1 }, lastEventId: 1, messages: [{ id: 1, role: 'bot', text: 'Hi Ada! Ask me about your balance or an order.' }] });
    const id = String(started.body.conversationId);
    // Its creation time (12 hex digits of milliseconds), then 144 random bits.
    expect(id).toMatch(/^conv_[0-9a-f]{12}[A-Za-z0-9_-]{24}$/);
    expect(Math.abs(parseInt(id.slice(5, 17), 16) - Date.now())).toBeLessThan(60_000);

    const turn = conforms('postMessage', await sw.api.message(id, 'what is my balance'));
    expect(turn.status).toBe(200);
    expect(turn.body).toEqual({ status: 'active', handoff: null, lastEventId: 3, messages: [{ id: 3, role: 'bot', text: 'Your balance is 42.00 EUR.', at: expect.any(String), author: null }] });

    const view = conforms('getConversation', await sw.api.get(id));
    expect(view.body).toMatchObject({ conversationId: id, status: 'active', channel: 'web', locale: 'en', csat: null, lastEventId: 3 });
    expect((view.body.messages as Array<{ role: string; text: string }>).map((m) => [m.role, m.text])).toEqual([
      ['bot', 'Hi Ada! Ask me about your balance or an order.'],
      ['user', 'what is my balance'],
      ['bot', 'Your balance is 42.00 EUR.'],
    ]);
    const page = conforms('conversationEvents', await sw.api.events(id, 1));
    expect(page.body.events.map((e) => e.id)).toEqual([2, 3]);
  });

  it('escalates by rule into the queue and rates at the end', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    const turn = conforms('postMessage', await sw.api.message(id, 'my card was stolen'));
    expect(turn.body).toMatchObject({ status: 'escalated', handoff: { queue: 'fraud', priority: 'urgent', state: 'waiting', agent: null, reasons: [{ source: 'rule', id: 'lost-card', name: 'Lost or stolen card', reason: 'card_security' }] } });
    const stored = await sw.database.db.selectFrom('handoffs').selectAll().where('conversation_id', '=', id).execute();
    expect(stored.map((h) => [h.queue, h.priority, h.status])).toEqual([['fraud', 'urgent', 'waiting']]);
    const pkg = JSON.parse(stored[0]!.package);
    expect(pkg).toMatchObject({ conversationId: id, queue: 'fraud', intent: { name: 'card_lost' }, channel: 'web' });
    expect(pkg.transcript.map((t: { text: string }) => t.text)).toContain('my card was stolen');

    // The bot is silent now; the customer's messages are still kept for the agent.
    const later = conforms('postMessage', await sw.api.message(id, 'hello? anyone there'));
    expect(later.body).toMatchObject({ status: 'escalated', messages: [], handoff: { queue: 'fraud' } });
    const csat = conforms('recordCsat', await sw.api.request('POST', `/conversations/${id}/csat`, { score: 4, comment: 'quick' }));
    expect(csat.body).toMatchObject({ score: 4, comment: 'quick' });
    expect((await sw.api.get(id)).body.csat).toEqual({ score: 4, comment: 'quick' });
  });

  it('hands over when the customer asks for a human, idempotently', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    const first = conforms('requestHuman', await sw.api.request('POST', `/conversations/${id}/request-human`, { idempotencyKey: 'human-1' }));
    expect(first.body).toMatchObject({ status: 'escalated', handoff: { queue: 'general', reasons: [{ source: 'system', reason: 'customer_request' }] } });
    const again = await sw.api.request('POST', `/conversations/${id}/request-human`, { idempotencyKey: 'human-1' });
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('ends the conversation through CSAT and refuses further messages with 409', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    expect((await sw.api.message(id, 'goodbye')).body.messages).toMatchObject([{ text: 'How did we do? Rate us from 1 to 5.' }]);
    const end = await sw.api.message(id, '5');
    expect(end.body).toMatchObject({ status: 'ended', messages: [{ text: 'Thanks, bye!' }] });
    const refused = conforms('postMessage', await sw.api.message(id, 'one more thing'));
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ error: { code: 'conversation_ended', message: expect.any(String), path: 'path.id' } });
  });

  it('answers bad input with a 4xx that says what and where', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    const cases: Array<[string, Promise<Reply>, number, string, string | null]> = [
      ['no key', sw.api.with(null).start(), 401, 'missing_key', 'header.authorization'],
      ['unknown key', sw.api.with('sb_live_nope').start(), 401, 'invalid_key', 'header.authorization'],
      ['malformed header', sw.api.request('POST', '/conversations', { flowId: 'chat' }, { authorization: 'Basic abc' }), 401, 'invalid_key', 'header.authorization'],
      ['unknown flow', sw.api.start({ flowId: 'nope' }), 404, 'flow_not_deployed', 'body.flowId'],
      ['not deployed to staging', sw.api.with(sw.stagingKey).start({ flowId: 'chat' }), 404, 'flow_not_deployed', 'body.flowId'],
      ['bad flow id', sw.api.start({ flowId: 'Not A Flow' }), 400, 'invalid_request', 'body.flowId'],
      ['unknown field', sw.api.start({ flowId: 'chat', colour: 'red' }), 400, 'invalid_request', 'body'],
      ['forged authenticated', sw.api.start({ flowId: 'chat', customer: { authenticated: true } }), 400, 'invalid_request', 'body.customer.authenticated'],
      ['no body', sw.api.request('POST', '/conversations'), 400, 'invalid_request', 'body'],
      ['invalid JSON', sw.api.request('POST', '/conversations', '{"flowId": '), 400, 'invalid_json', 'body'],
      ['not JSON', sw.api.request('POST', '/conversations', 'flowId=chat', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type', 'header.content-type'],
      ['1 MB message', sw.api.message(id, 'x'.repeat(1024 * 1024)), 413, 'payload_too_large', 'body'],
      ['long message', sw.api.message(id, 'x'.repeat(4001)), 400, 'invalid_request', 'body.text'],
      ['missing key field', sw.api.request('POST', `/conversations/${id}/messages`, { text: 'hi' }), 400, 'invalid_request', 'body.idempotencyKey'],
      ['text not a string', sw.api.request('POST', `/conversations/${id}/messages`, { text: 42, idempotencyKey: 'k' }), 400, 'invalid_request', 'body.text'],
      ['unknown conversation', sw.api.message('conv_nope', 'hi'), 404, 'conversation_not_found', 'path.id'],
      ["another site's conversation", sw.api.with(sw.otherKey).get(id), 404, 'conversation_not_found', 'path.id'],
      ["another site's conversation (message)", sw.api.with(sw.otherKey).message(id, 'hi'), 404, 'conversation_not_found', 'path.id'],
      ['another environment', sw.api.with(sw.stagingKey).get(id), 404, 'conversation_not_found', 'path.id'],
      ['csat out of range', sw.api.request('POST', `/conversations/${id}/csat`, { score: 9 }), 400, 'invalid_request', 'body.score'],
      ['bad after', sw.api.request('GET', `/conversations/${id}/events?after=soon`), 400, 'invalid_request', 'query.after'],
      ['unknown route', sw.api.request('GET', '/nothing-here'), 404, 'not_found', null],
    ];
    for (const [name, pending, status, code, path] of cases) {
      const reply = await pending;
      expect([name, reply.status, reply.body]).toEqual([name, status, { error: expect.objectContaining({ code, path, message: expect.any(String) }) }]);
      expect(String((reply.body.error as { message: string }).message).length, name).toBeGreaterThan(10);
    }
    // The message that was too long stored nothing.
    expect((await sw.api.get(id)).body.lastEventId).toBe(1);
  });

  it('refuses input the database or the validators could not take, with a 400 (found by fuzzing)', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    let deep: unknown = 'x';
    for (let i = 0; i < 3000; i++) deep = { a: deep };
    const cases: Array<[string, Promise<Reply>, number, string, string | RegExp]> = [
      // Zod recursed once per level: a 6 KB body exhausted the stack (500).
      ['customer nested 3,000 deep', sw.api.start({ flowId: 'chat', customer: { prefs: deep } }), 400, 'invalid_request', /^body\.customer\.prefs(\.a){64}$/],
      // PostgreSQL refuses NUL in text and event ids beyond 32 bits (500 there).
      ['NUL in the id', sw.api.get('conv_%00'), 400, 'invalid_request', 'path.id'],
      ['NUL in the id (message)', sw.api.message('conv_%00x', 'hi'), 400, 'invalid_request', 'path.id'],
      ['after beyond 32 bits', sw.api.request('GET', `/conversations/${id}/events?after=2147483648`), 400, 'invalid_request', 'query.after'],
      ['Last-Event-ID beyond 32 bits', sw.api.request('GET', `/conversations/${id}/events`, undefined, { 'last-event-id': '2147483648' }), 400, 'invalid_request', 'header.last-event-id'],
      // Fastify's own answers, now in the site API's format.
      ['text/plain body', sw.api.request('POST', '/conversations', '{"flowId":"chat"}', { 'content-type': 'text/plain' }), 415, 'unsupported_media_type', 'header.content-type'],
      ['bad percent-encoding', sw.api.request('GET', '/conversations/conv_%E0%A4%A'), 400, 'invalid_request', 'path'],
      ['__proto__ key', sw.api.request('POST', '/conversations', '{"flowId":"chat","__proto__":{"x":1}}'), 400, 'invalid_json', 'body'],
      ['overlong locale', sw.api.start({ flowId: 'chat', locale: `en${'-abcdefgh'.repeat(40)}` }), 400, 'invalid_request', 'body.locale'],
    ];
    for (const [name, pending, status, code, path] of cases) {
      const reply = await pending;
      expect([name, reply.status, reply.body]).toEqual([name, status, { error: expect.objectContaining({ code, path: typeof path === 'string' ? path : expect.stringMatching(path), message: expect.any(String) }) }]);
    }
    expect((await sw.api.request('POST', '/conversations', '{"flowId":"chat","__proto__":{"x":1}}')).body.error).toMatchObject({ message: expect.stringMatching(/__proto__/) });
    // Nothing was stored by any of them.
    expect((await sw.api.get(id)).body.lastEventId).toBe(1);
  });

  it('brings an event id ahead of the conversation back to its last event', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    const page = conforms('conversationEvents', await sw.api.events(id, 100));
    expect(page.body).toEqual({ events: [], lastEventId: 1 });
    await sw.api.message(id, 'what is my balance');
    // A client that resumes from the id it was handed sees what came next.
    expect((await sw.api.events(id, page.body.lastEventId)).body.events.map((e) => e.id)).toEqual([2, 3]);
  });

  it('stores a CSAT comment cleaned and redacted like a message', async () => {
    const id = String((await sw.api.start()).body.conversationId);
    const rated = conforms('recordCsat', await sw.api.request('POST', `/conversations/${id}/csat`, { score: 2, comment: ' card 4111 1111 1111 1111,\u0000 mail ada@example.com ' }));
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ score: 2, comment: expect.not.stringMatching(/4111|ada@|\u0000/) });
    const row = await sw.database.db.selectFrom('conversations').select('csat_comment').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.csat_comment).toBe(rated.body.comment);
    expect(row.csat_comment).toBe('card [card number], mail [email]');
  });

  it('revoked keys are refused at once', async () => {
    const admin = await sw.world.as('admin');
    const created = await admin.api.sites.createKey({ siteId: 'acme', environment: 'production', label: 'temp' });
    expect((await sw.api.with(created.secret).start()).status).toBe(201);
    await admin.api.sites.revokeKey({ keyId: created.key.id });
    expect((await sw.api.with(created.secret).start()).status).toBe(401);
  });

  it('passes customer fields to the rules, and honours the opt-out', async () => {
    const personal = await sw.api.start({ flowId: 'chat', customer: { firstName: 'Grace' } });
    expect((personal.body.messages as Array<{ text: string }>)[0]!.text).toBe('Hi Grace! Ask me about your balance or an order.');
    const optedOut = await sw.api.start({ flowId: 'chat', customer: { firstName: 'Grace' }, personalisation: false });
    expect((optedOut.body.messages as Array<{ text: string }>)[0]!.text).toBe('Hi there! Ask me about your balance or an order.');
    const row = await sw.database.db.selectFrom('conversations').select('state').where('id', '=', String(optedOut.body.conversationId)).executeTakeFirstOrThrow();
    expect(JSON.parse(row.state).customer).toEqual({ authenticated: false, personalisation: false });
  });

  it('accepts signed customer data and refuses forged or stale signatures', async () => {
    const admin = await sw.world.as('admin');
    const noSecret = await sw.api.start({ flowId: 'chat', customerToken: 'abc.def' });
    expect(noSecret.body).toMatchObject({ error: { code: 'invalid_customer_token', path: 'body.customerToken' } });
    const { secret } = await admin.api.siteSettings.rotateSigningSecret({ siteId: 'acme' });
    const exp = Math.floor(Date.now() / 1000) + 600;
    const token = signCustomerToken(secret, { customer: { firstName: 'Lin', tier: 'vip' }, sub: 'cust-42', exp });
    const signed = await sw.api.start({ flowId: 'chat', customerToken: token, customer: { firstName: 'Mallory' } });
    expect(signed.status).toBe(201);
    expect((signed.body.messages as Array<{ text: string }>)[0]!.text).toBe('Welcome back, Lin! You are signed in.');
    const row = await sw.database.db.selectFrom('conversations').select(['customer_id', 'customer_verified', 'state']).where('id', '=', String(signed.body.conversationId)).executeTakeFirstOrThrow();
    expect([row.customer_id, Number(row.customer_verified)]).toEqual(['cust-42', 1]);
    expect(JSON.parse(row.state).customer).toMatchObject({ firstName: 'Lin', tier: 'vip', authenticated: true, id: 'cust-42' });

    const [body] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ customer: { firstName: 'Eve' }, exp })).toString('base64url')}.${token.split('.')[1]}`;
    const wrongSecret = signCustomerToken('not-the-secret-at-all', { customer: {}, exp });
    const expired = signCustomerToken(secret, { customer: {}, exp: Math.floor(Date.now() / 1000) - 5 });
    const tooLong = signCustomerToken(secret, { customer: {}, exp: Math.floor(Date.now() / 1000) + 3 * 24 * 3600 });
    // A customer id PostgreSQL cannot store (NUL), or one that would be stored as another (a lone surrogate).
    const nulSub = signCustomerToken(secret, { customer: {}, sub: 'cust\u000042', exp });
    const loneSurrogate = signCustomerToken(secret, { customer: {}, sub: 'cust\ud800', exp });
    let deep: unknown = 1;
    for (let i = 0; i < 3000; i++) deep = [deep];
    const deepCustomer = signCustomerToken(secret, { customer: { prefs: deep as never }, exp });
    for (const [name, bad] of [['forged payload', forged], ['wrong secret', wrongSecret], ['expired', expired], ['lifetime', tooLong], ['garbage', `${body}`], ['NUL sub', nulSub], ['lone surrogate sub', loneSurrogate], ['deep customer', deepCustomer]] as const) {
      const reply = await sw.api.start({ flowId: 'chat', customerToken: bad });
      expect([name, reply.status, (reply.body.error as { code: string }).code]).toEqual([name, 400, 'invalid_customer_token']);
    }
  });

  it('answers CORS preflights and refuses origins the site does not allow', async () => {
    const pre = await fetch(`${sw.base}/api/v1/conversations`, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
    expect((await sw.api.start({ flowId: 'chat' }).then(() => sw.api.request('POST', '/conversations', { flowId: 'chat' }, { origin: 'https://shop.example' }))).status).toBe(201);

    const admin = await sw.world.as('admin');
    await admin.api.siteSettings.update({ siteId: 'acme', allowedOrigins: ['https://shop.example'] });
    expect((await sw.api.request('POST', '/conversations', { flowId: 'chat' }, { origin: 'https://shop.example' })).status).toBe(201);
    const evil = await sw.api.request('POST', '/conversations', { flowId: 'chat' }, { origin: 'https://evil.example' });
    expect([evil.status, (evil.body.error as { code: string }).code]).toEqual([403, 'origin_not_allowed']);
    expect(evil.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    await admin.api.siteSettings.update({ siteId: 'acme', allowedOrigins: [] });
  });

  it('publishes the handoff package schema, identical to docs/handoff-package.schema.json', async () => {
    const res = await fetch(`${sw.base}/api/v1/handoff-package.schema.json`);
    expect(res.status).toBe(200);
    const served = await res.json();
    expect(served).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', title: 'Switchboard handoff package', required: expect.arrayContaining(['conversationId', 'queue', 'priority', 'reasons', 'transcript']) });
    expect(readFileSync(new URL('../../docs/handoff-package.schema.json', import.meta.url), 'utf8')).toBe(handoffSchemaFileText());
    // A stored package validates against the published schema.
    const id = String((await sw.api.start()).body.conversationId);
    await sw.api.message(id, 'someone stole my card');
    const row = await sw.database.db.selectFrom('handoffs').select('package').where('conversation_id', '=', id).executeTakeFirstOrThrow();
    expect(spec.validateWith(served, JSON.parse(row.package))).toEqual([]);
  });
});
