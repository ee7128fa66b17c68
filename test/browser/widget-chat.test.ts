// The chat widget in real Chromium, embedded by its one script tag on /demo: chatting, the typing
// indicator, a banking-support escalation to the fraud queue with an agent replying live and the
// rating at the end, HTML kept inert, a reload that resumes, and keyboard-only use.
import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { InboxDetail, InboxItem } from '../../shared/api/inbox.ts';
import { openBrowser, type BrowserSession } from './browser.ts';
import { startWidgetServer, widget, type WidgetServer } from './widget-server.ts';

const shots = '.tmp/widget';

describe('chat widget', () => {
  let server: WidgetServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startWidgetServer({ banking: true });
  });
  afterAll(async () => server?.close());
  beforeEach(async () => {
    browser = await openBrowser({ width: 1280, height: 820 });
  });
  afterEach(async () => {
    const errors = [...browser.errors];
    await browser.close();
    expect(errors).toEqual([]);
  });

  it('loads from one script tag in a shadow root and chats, with a typing indicator', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/demo?flow=chat`);
    const w = widget(page);
    await expect.poll(() => page.evaluate(() => document.getElementById('switchboard-widget')?.shadowRoot?.mode)).toBe('open');
    // The host page's styles do not reach inside, nor the widget's out.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toContain('ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue"');
    await page.screenshot({ path: `${shots}/1-closed.png`, animations: 'disabled' });
    await w.launcher.click();
    await expect.poll(() => w.messages('bot').first().textContent()).toBe('Hi Ada! Ask me about your balance or an order.');

    // Slow the reply down to see the typing indicator.
    await page.route('**/messages', async (route) => {
      await new Promise((r) => setTimeout(r, 700));
      await route.continue();
    });
    await w.input.fill('what is my balance');
    await w.send.click();
    await expect.poll(() => w.typing.isVisible()).toBe(true);
    await expect.poll(() => w.messages('user').last().textContent()).toBe('what is my balance');
    await page.screenshot({ path: `${shots}/2-typing.png`, animations: 'disabled' });
    await expect.poll(() => w.messages('bot').last().textContent()).toBe('Your balance is 42.00 EUR.');
    await expect.poll(() => w.typing.isVisible()).toBe(false);
    await page.screenshot({ path: `${shots}/3-answered.png`, animations: 'disabled' });
  });

  it('escalates a stolen card to the fraud queue, shows the agent live, and asks for a rating', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/demo`);
    const w = widget(page);
    await w.launcher.click();
    await expect.poll(() => w.messages('bot').count()).toBe(1);
    await w.input.fill('my card was stolen');
    await w.input.press('Enter');
    await expect.poll(() => w.notices.last().textContent()).toContain('Connecting you to our fraud team');
    await expect.poll(() => w.human.textContent()).toBe('Connecting you to a person…');
    expect(await w.human.isDisabled()).toBe(true);
    await page.screenshot({ path: `${shots}/4-connecting.png`, animations: 'disabled' });

    const agent = await server.agent();
    const queue = await agent.query<InboxItem[]>('inbox.list', { queues: ['fraud'] });
    expect(queue.data).toHaveLength(1);
    const item = queue.data[0]!;
    expect(item).toMatchObject({ flowId: 'banking-support', queue: 'fraud', priority: 'urgent', status: 'waiting' });
    const detail = await agent.query<InboxDetail>('inbox.get', { handoffId: item.handoffId });
    expect(detail.data.package).toMatchObject({ queue: 'fraud', customer: { firstName: 'Ada', tier: 'standard' }, intent: { name: 'lost_or_stolen_card' }, channel: 'web' });
    expect(detail.data.package.transcript.map((t) => t.text)).toContain('my card was stolen');

    await agent.mutate('inbox.claim', { handoffId: item.handoffId });
    await expect.poll(() => w.notices.last().textContent()).toBe('Administrator joined the conversation.');
    const agentTyping = w.root.locator('.typing.agent');
    expect(await agentTyping.isVisible()).toBe(false);
    await agent.mutate('inbox.typing', { handoffId: item.handoffId });
    await expect.poll(() => agentTyping.isVisible()).toBe(true);
    expect([await agentTyping.textContent(), await agentTyping.getAttribute('role')]).toEqual(['Administrator is typing', 'status']);
    await page.screenshot({ path: `${shots}/5-agent-typing.png`, animations: 'disabled' });
    await agent.mutate('inbox.reply', { handoffId: item.handoffId, text: "Hi Ada, I've frozen your card. A new one is on its way." });
    await expect.poll(() => w.messages('agent').last().textContent()).toBe("Hi Ada, I've frozen your card. A new one is on its way.");
    expect(await w.root.locator('.msg.agent .author').last().textContent()).toBe('Administrator · Support team');
    // The reply replaces "typing…".
    expect(await agentTyping.isVisible()).toBe(false);
    await page.screenshot({ path: `${shots}/5-agent.png`, animations: 'disabled' });

    await w.input.fill('thank you so much');
    await w.input.press('Enter');
    await expect.poll(async () => (await agent.query<InboxDetail>('inbox.get', { handoffId: item.handoffId })).data.messages.at(-1)?.text).toBe('thank you so much');
    await agent.mutate('inbox.resolve', { handoffId: item.handoffId });
    const rating = w.root.getByRole('group', { name: 'How would you rate this conversation?' });
    await expect.poll(() => rating.isVisible()).toBe(true);
    expect(await w.input.isVisible()).toBe(false);
    await page.screenshot({ path: `${shots}/6-rating.png`, animations: 'disabled' });
    await w.root.locator('label.star').nth(4).click();
    await w.root.getByLabel('Anything we could do better? (optional)').fill('Fast and kind.');
    await w.root.getByRole('button', { name: 'Send rating' }).click();
    await expect.poll(() => w.notices.last().textContent()).toBe('Thanks for rating us 5 out of 5.');
    await page.screenshot({ path: `${shots}/7-rated.png`, animations: 'disabled' });
  });

  it('renders HTML in messages as text, from the customer and from agents', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/demo?flow=chat`);
    const w = widget(page);
    await w.launcher.click();
    const payloads = ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=2</script><b>bold</b>', '"><svg onload=window.__pwned=3>'];
    for (const p of payloads) {
      await w.input.fill(p);
      await w.input.press('Enter');
      await expect.poll(() => w.messages('user').last().textContent()).toBe(p);
    }
    await w.human.click();
    const agent = await server.agent();
    const item = (await agent.query<InboxItem[]>('inbox.list', { queues: ['general'] })).data[0]!;
    await agent.mutate('inbox.claim', { handoffId: item.handoffId });
    await agent.mutate('inbox.reply', { handoffId: item.handoffId, text: '<img src=x onerror="window.__pwned=4"><a href="javascript:alert(1)">click</a>' });
    await expect.poll(() => w.messages('agent').last().textContent()).toBe('<img src=x onerror="window.__pwned=4"><a href="javascript:alert(1)">click</a>');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await w.root.locator('.log img, .log script, .log svg, .log a, .log b').count()).toBe(0);
    await page.screenshot({ path: `${shots}/8-inert.png`, animations: 'disabled' });
  });

  it('resumes the conversation after a reload, including what arrived meanwhile', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/demo?flow=chat`);
    const w = widget(page);
    await w.launcher.click();
    await w.input.fill('what is my balance');
    await w.input.press('Enter');
    await expect.poll(() => w.messages('bot').count()).toBe(2);
    await w.input.fill('talk to a real person please');
    await w.input.press('Enter');
    await expect.poll(() => w.notices.count()).toBe(1);
    const id = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith('switchboard:'))?.[1]);
    expect(id).toMatch(/conv_/);

    await page.close();
    const agent = await server.agent();
    const item = (await agent.query<InboxItem[]>('inbox.list', { status: 'waiting' })).data.find((i) => id!.includes(i.conversationId))!;
    await agent.mutate('inbox.claim', { handoffId: item.handoffId });
    await agent.mutate('inbox.reply', { handoffId: item.handoffId, text: 'Sorry for the wait — how can I help?' });

    const again = await browser.context.newPage();
    await again.goto(`${server.url}/demo?flow=chat`);
    const w2 = widget(again);
    // The panel was open in this tab's session before; after a fresh page it opens on click.
    if (!(await w2.panel.isVisible())) await w2.launcher.click();
    await expect.poll(() => w2.messages('agent').last().textContent()).toBe('Sorry for the wait — how can I help?');
    expect(await w2.messages('user').allTextContents()).toEqual(['what is my balance', 'talk to a real person please']);
    expect(await w2.notices.allTextContents()).toEqual([
      'Connecting you to our general team. You can keep writing; they will see the whole conversation.',
      'Administrator joined the conversation.',
    ]);
    await w2.input.fill('my card number ends in 1234');
    await w2.input.press('Enter');
    await expect.poll(async () => (await agent.query<InboxDetail>('inbox.get', { handoffId: item.handoffId })).data.messages.at(-1)?.text).toBe('my card number ends in 1234');
    await again.screenshot({ path: `${shots}/9-resumed.png`, animations: 'disabled' });
  });

  it('works with the keyboard alone and is labelled for screen readers', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/demo?flow=chat`);
    const w = widget(page);
    await page.keyboard.press('Tab');
    await expect.poll(() => w.launcher.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await w.launcher.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(() => w.input.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await w.launcher.getAttribute('aria-expanded')).toBe('true');
    expect(await w.log.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => w.messages('bot').count()).toBe(1);

    await page.keyboard.type('where is my order');
    await page.keyboard.press('Enter');
    await expect.poll(() => w.messages('bot').last().textContent()).toBe("Sorry, I can't look up orders right now.");
    // Screen readers hear who said what.
    expect(await w.root.locator('.msg.bot .sr-only').first().textContent()).toBe('Assistant: ');

    // Shift+Tab back to "Talk to a human" and press it.
    for (let i = 0; i < 5; i++) {
      const onHuman = await w.human.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement);
      if (onHuman) break;
      await page.keyboard.press('Shift+Tab');
    }
    await expect.poll(() => w.human.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => w.notices.last().textContent()).toContain('Connecting you to our general team');

    await page.keyboard.press('Escape');
    await expect.poll(() => w.panel.isVisible()).toBe(false);
    await expect.poll(() => w.launcher.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.screenshot({ path: `${shots}/10-keyboard-closed.png`, animations: 'disabled' });
  });
});
