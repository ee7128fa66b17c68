// A notifier whose database does not answer (server/site-api/realtime/pg-notifier.ts): the turns
// it would have announced are already committed, so it reports the lost notice and shuts down
// instead of failing anyone or hanging.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { PgEventNotifier } from '../../server/site-api/realtime/pg-notifier.ts';

/** A local port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe('the PostgreSQL notifier without a database', () => {
  it('logs the notice it could not send, and closes', async () => {
    const logged: string[] = [];
    const notifier = new PgEventNotifier(`postgres://postgres@127.0.0.1:${await closedPort()}/test`, (message) => logged.push(message));
    notifier.notify('conv_1');
    notifier.notify('conv_2');
    await notifier.close();
    expect(logged).toEqual([expect.stringContaining('could not tell other server processes')]);
  });
});
