// An ask node's pattern that backtracks exponentially, such as (a|a)*b, passes the flow checker
// (V8's linear-time engine can run it), and the real server process (server/main.ts, with its V8
// settings) answers a customer's 40-character reply at once instead of stalling every
// conversation for 2^40 steps. In-process servers do not apply those settings, hence a child process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../shared/index.ts';
import { askingFlow } from '../runtime/fixtures.ts';
import { dialects, type TestDatabase } from '../server/harness.ts';
import { DEMO_KEY, flowsDir, startServerProcess, type ServerProcess } from './server-process.ts';
import { SiteApi } from './site-harness.ts';

describe.each(dialects.slice(0, 1))('a backtracking pattern on $name', (dialect) => {
  let database: TestDatabase;
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    database = await dialect.open();
    server = await startServerProcess({ databaseUrl: database.url, flowsDir: flowsDir([askingFlow('(a|a)*b') as JsonObject]) });
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await database?.cleanup();
  });

  it('answers a reply that would backtrack 2^40 times, and still reads matching ones', async () => {
    const api = new SiteApi(server!.url, DEMO_KEY);
    const refused = String((await api.start({ flowId: 'code' })).body.conversationId);
    const slow = await api.message(refused, `${'a'.repeat(40)}!`);
    expect([slow.status, slow.body.messages]).toEqual([200, [expect.objectContaining({ text: 'That is not a code.' })]]);
    const accepted = String((await api.start({ flowId: 'code' })).body.conversationId);
    expect((await api.message(accepted, 'aaab')).body.messages).toEqual([expect.objectContaining({ text: 'Thanks!' })]);
  });
});
