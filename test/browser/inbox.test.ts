// The agent inbox in real Chromium against the real server: a customer's escalation from the
// widget on /demo appears in the live queue within a second, the agent claims it, types (the
// widget shows who is typing) and replies (it reaches the widget), labels it and hands it back to the bot, which answers the next message;
// and of two agents racing to claim in two browsers exactly one wins, the other sees who did.
import { join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItem } from '../../shared/api/inbox.ts';
import { SiteApi } from '../site/site-harness.ts';
import { openBrowser, signIn, type BrowserSession } from './browser.ts';
import { ADMIN, DEMO_KEY, startWidgetServer, widget, type WidgetServer } from './widget-server.ts';

const shots = resolve(process.env.SCREENSHOTS_DIR ?? '.tmp/browser-screenshots');
const agents = [
  { email: 'alex@example.com', name: 'Alex Agent', roles: ['agent' as const] },
  { email: 'avery@example.com', name: 'Avery Agent', roles: ['agent' as const] },
];
const designer = { email: 'dana@example.com', name: 'Dana Designer', roles: ['designer' as const] };

describe('agent inbox', () => {
  let server: WidgetServer;
  const sessions: BrowserSession[] = [];
  const open = async () => {
    const s = await openBrowser({ width: 1440, height: 900 });
    sessions.push(s);
    return s;
  };

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startWidgetServer({ editor: true, users: [...agents, designer] });
  });
  afterAll(async () => {
    // The race's loser gets a 409, which Chromium logs as a failed resource; nothing else may fail.
    const errors = sessions.flatMap((s) => s.errors).filter((e) => !e.includes('status of 409 (Conflict)'));
    for (const s of sessions) await s.close();
    await server?.close();
    expect(errors).toEqual([]);
  });

  it('shows a widget escalation within a second; the agent claims, replies to the widget, labels and hands back to the bot', async () => {
    const agent = await open();
    await signIn(agent.page, server.url, agents[0]!.email, ADMIN.password);
    // An agent without a studio role lands in the inbox.
    await agent.page.getByRole('heading', { name: /Inbox/ }).waitFor();
    await agent.page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await agent.page.getByText('No one is waiting').waitFor();

    const customer = await open();
    await customer.page.goto(`${server.url}/demo?flow=chat`);
    const w = widget(customer.page);
    await w.launcher.click();
    await expect.poll(() => w.messages('bot').count()).toBe(1);
    await w.input.fill('my card was stolen');

    const queue = agent.page.getByRole('list', { name: 'Open handoffs' });
    const sentAt = Date.now();
    await w.input.press('Enter');
    await queue.getByRole('link', { name: /Ada wrote via web/ }).waitFor({ timeout: 5000 });
    const elapsed = Date.now() - sentAt;
    console.info(`inbox: the handoff appeared ${elapsed} ms after the customer pressed Enter`);
    expect(elapsed, `the handoff appeared ${elapsed} ms after the customer's message`).toBeLessThan(1000);
    const item = queue.getByRole('link', { name: /Ada wrote via web/ });
    expect(await item.textContent()).toMatch(/urgent.*fraud.*Waiting for an agent/);

    await item.click();
    const handoff = agent.page.getByRole('article', { name: 'Handoff' });
    const glance = handoff.getByRole('region', { name: 'Handoff package' });
    await glance.getByText('Lost or stolen card').first().waitFor();
    expect(await glance.textContent()).toMatch(/card_lost at \d+% confidence/);
    expect(await glance.textContent()).toContain('firstName');
    await handoff.getByRole('button', { name: 'Claim' }).click();
    await handoff.getByRole('status').filter({ hasText: 'You have this conversation' }).waitFor();
    await expect.poll(() => w.notices.last().textContent()).toBe('Alex Agent joined the conversation.');

    // The transcript is live: the customer's next message shows up without a reload.
    await w.input.fill('please hurry');
    await w.input.press('Enter');
    await handoff.getByRole('region', { name: 'Transcript' }).getByText('please hurry').waitFor({ timeout: 3000 });

    await handoff.getByLabel('Reply to the customer').fill("Hi Ada, I've frozen your card.");
    // While the agent writes, the customer sees who is typing; the reply replaces it.
    const agentTyping = w.root.locator('.typing.agent');
    await expect.poll(() => agentTyping.textContent(), { timeout: 3000 }).toBe('Alex Agent is typing');
    await handoff.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => w.messages('agent').last().textContent(), { timeout: 3000 }).toBe("Hi Ada, I've frozen your card.");
    expect(await agentTyping.isVisible()).toBe(false);

    await handoff.getByRole('form', { name: 'Label this escalation' }).getByLabel('Yes, the bot was right to escalate').check();
    await handoff.getByRole('button', { name: 'Save label' }).click();
    await handoff.getByText(/Labelled by Alex Agent/).waitFor();
    await agent.page.locator('.inbox-main').evaluate((el) => el.scrollTo(0, 0));
    await agent.page.screenshot({ path: join(shots, 'inbox.png') });

    await handoff.getByLabel('Hand back to the bot at').selectOption('route');
    await handoff.getByRole('button', { name: 'Hand back' }).click();
    await expect.poll(() => w.messages('bot').last().textContent(), { timeout: 3000 }).toBe('You are back with our virtual assistant.');
    await handoff.getByText('The bot has the conversation again.').waitFor();
    await w.input.fill('what is my balance');
    await w.input.press('Enter');
    await expect.poll(() => w.messages('bot').last().textContent(), { timeout: 3000 }).toBe('Your balance is 42.00 EUR.');
    // Handed back, it leaves the queue.
    await expect.poll(() => queue.getByRole('link', { name: /Ada wrote via web/ }).count()).toBe(0);
  });

  it('lets exactly one of two agents in two browsers claim a handoff; the other sees who took it', async () => {
    const [one, two] = [await open(), await open()];
    await signIn(one.page, server.url, agents[0]!.email, ADMIN.password);
    await signIn(two.page, server.url, agents[1]!.email, ADMIN.password);

    const site = new SiteApi(server.url, DEMO_KEY);
    const conversationId = String((await site.start({ flowId: 'chat', customer: { firstName: 'Zed' } })).body.conversationId);
    await site.message(conversationId, 'someone stole my card');
    const admin = await server.agent();
    const item = (await admin.query<InboxItem[]>('inbox.list', {})).data.find((i) => i.conversationId === conversationId)!;

    for (const s of [one, two]) {
      await s.page.goto(`${server.url}/#/inbox/${item.handoffId}`);
      await s.page.getByRole('article', { name: 'Handoff' }).getByRole('button', { name: 'Claim' }).waitFor();
    }
    // Both press Claim in the same instant (a Playwright click per page would leave the slower
    // page's button already replaced by the live update — the UI working, but no race).
    const pressed = await Promise.all(
      [one, two].map((s) =>
        s.page.evaluate(() => {
          const button = Array.from(document.querySelectorAll('article button')).find((b) => b.textContent?.trim() === 'Claim') as HTMLButtonElement | undefined;
          button?.click();
          return button !== undefined;
        }),
      ),
    );
    expect(pressed).toEqual([true, true]);

    const outcome = async (s: BrowserSession) => {
      const h = s.page.getByRole('article', { name: 'Handoff' });
      await h.getByRole('status').filter({ hasText: /(has|have) this conversation/ }).waitFor();
      return (await h.getByRole('status').filter({ hasText: /(has|have) this conversation/ }).textContent())!;
    };
    const results = await Promise.all([outcome(one), outcome(two)]);
    const winner = results.indexOf('You have this conversation');
    expect(winner, JSON.stringify(results)).toBeGreaterThanOrEqual(0);
    const loser = winner === 0 ? two : one;
    const winnerName = agents[winner]!.name;
    expect(results[1 - winner]).toBe(`${winnerName} has this conversation`);
    expect([one, two].map((s) => s.calls.filter((c) => c.startsWith('POST inbox.claim')).map((c) => c.split(' ')[2]))).toEqual(winner === 0 ? [['200'], ['409']] : [['409'], ['200']]);
    const alert = loser.page.getByRole('article', { name: 'Handoff' }).getByRole('alert');
    expect(await alert.textContent()).toBe(`${winnerName} already took this conversation.`);
    // The loser cannot act on it: no reply box.
    expect(await loser.page.getByLabel('Reply to the customer').count()).toBe(0);
    // Both queues show who has it.
    for (const s of [one, two]) {
      await s.page.getByRole('list', { name: 'Open handoffs' }).getByRole('link', { name: new RegExp(`Zed wrote.*${winnerName} has it`) }).waitFor();
    }
  });

  it("puts an agent's suggested example in front of the designer, who adds it to the draft with one click", async () => {
    const site = new SiteApi(server.url, DEMO_KEY);
    const conversationId = String((await site.start({ flowId: 'chat', customer: { firstName: 'Yan' } })).body.conversationId);
    await site.message(conversationId, 'let me talk to a person about my balance');
    const admin = await server.agent();
    const item = (await admin.query<InboxItem[]>('inbox.list', {})).data.find((i) => i.conversationId === conversationId)!;
    expect((await admin.mutate('inbox.label', { handoffId: item.handoffId, escalationNeeded: false, correctIntent: 'balance' })).status).toBe(200);

    const dana = await open();
    await signIn(dana.page, server.url, designer.email, ADMIN.password);
    await dana.page.goto(`${server.url}/#/flows/chat/intents`);
    const panel = dana.page.getByRole('group').filter({ hasText: 'Suggested examples from agents (1)' });
    await panel.waitFor();
    expect(await panel.getByRole('list', { name: 'Suggested examples' }).textContent()).toMatch(/“let me talk to a person about my balance”→ balance · Administrator/);
    await panel.getByRole('button', { name: 'Add “let me talk to a person about my balance” to balance' }).click();
    await dana.page.getByText('Added to balance').waitFor();
    await dana.page.getByText('Suggested examples from agents (0)').waitFor();
    const draft = await admin.query<{ document: { intents: Array<{ name: string; examples: string[] }> } }>('flows.get', { flowId: 'chat' });
    expect(draft.data.document.intents.find((i) => i.name === 'balance')!.examples).toContain('let me talk to a person about my balance');
    await dana.page.screenshot({ path: join(shots, 'inbox-suggestions.png') });
  });
});
