// Stopping: SIGTERM (what a process manager or `docker stop` sends) closes the server cleanly,
// even when it comes the moment the server says it is running, as a supervisor or script
// waiting for that line sends it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, type TestDatabase } from '../server/harness.ts';
import { chatFlow } from './fixtures.ts';
import { flowsDir, startServerProcess } from './server-process.ts';

describe.each(dialects)('stopping the server on $name', (dialect) => {
  let database: TestDatabase;
  const flows = flowsDir([chatFlow('chat')]);

  beforeAll(async () => {
    database = await dialect.open();
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it('exits with 0 on SIGTERM sent as soon as it is running', async () => {
    const server = await startServerProcess({ databaseUrl: database.url, flowsDir: flows });
    expect(await server.stop('SIGTERM')).toBe('0');
  });
});
