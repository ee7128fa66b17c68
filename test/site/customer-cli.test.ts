// `switchboard customer export|delete`: the CLI path of data-subject requests, on the same
// database the server writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerCommand } from '../../cli/commands/customer.ts';
import type { CliIo } from '../../cli/io.ts';
import { signCustomerToken } from '../../server/site-api/customers/customer-token.ts';
import { dialects } from '../server/harness.ts';
import { chatFlow } from './fixtures.ts';
import { openSiteWorld, type SiteWorld } from './site-harness.ts';

describe.each(dialects)('customer CLI on $name', (dialect) => {
  let sw: SiteWorld;
  beforeAll(async () => {
    sw = await openSiteWorld(dialect, { flows: [chatFlow('chat')] });
  });
  afterAll(async () => sw?.close());

  const run = async (...args: string[]) => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTty: false };
    const code = await customerCommand(args, io, { DATABASE_URL: sw.database.url });
    return { code, stdout, stderr };
  };

  it('exports then deletes one customer, leaving others', async () => {
    const admin = await sw.world.as('admin');
    const { secret } = await admin.api.siteSettings.rotateSigningSecret({ siteId: 'acme' });
    const token = signCustomerToken(secret, { customer: { firstName: 'Ana' }, sub: 'cust-9', exp: Math.floor(Date.now() / 1000) + 600 });
    const id = String((await sw.api.start({ flowId: 'chat', customerToken: token })).body.conversationId);
    await sw.api.message(id, 'what is my balance');
    const other = String((await sw.api.start()).body.conversationId);

    const exported = await run('export', 'cust-9', '--site', 'acme');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout).conversations.map((c: { conversationId: string }) => c.conversationId)).toEqual([id]);

    const deleted = await run('delete', 'cust-9', '--site', 'acme');
    expect(deleted).toMatchObject({ code: 0 });
    expect(deleted.stdout).toMatch(/Deleted 1 conversation/);
    expect((await sw.api.get(id)).status).toBe(404);
    expect((await sw.api.get(other)).status).toBe(200);
  });

  it('names an unknown site and rejects bad usage', async () => {
    expect(await run('export', 'x', '--site', 'nope')).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no site "nope"') });
    expect((await run('export', 'x')).code).toBe(2);
  });
});
