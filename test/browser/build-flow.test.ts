// A new flow built with the mouse and taken all the way to a customer, in real Chromium against the
// real server: a designer creates a flow, drags an intent router, two messages and a handoff from
// the palette, wires their ports, fills the inspector and the intents, writes an escalation rule
// in the visual builder, simulates it escalating, commits and asks for review; a reviewer approves
// from the diff; the designer deploys to production; an admin makes a production key, and a
// customer chats with the flow through the widget. Then the flow's German examples, and a session
// that ends under an unsaved edit. Each step builds on the last.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openBrowser, signIn, type BrowserSession } from './browser.ts';
import { startStudio, type Studio } from './studio-harness.ts';
import { widget } from './widget-server.ts';

const shots = resolve(process.env.SCREENSHOTS_DIR ?? '.tmp/browser-screenshots');
mkdirSync(shots, { recursive: true });

let studio: Studio;
let designer: BrowserSession;
let other: BrowserSession | null = null;

const FLOW = 'order-help';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element is not visible');
  return b;
}

async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const b = await box(locator);
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** The centre of `locator` once it has stopped moving (the canvas may still be panning or measuring). */
async function settledCenter(page: Page, locator: Locator): Promise<{ x: number; y: number }> {
  let last = await center(locator);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(50);
    const now = await center(locator);
    if (Math.abs(now.x - last.x) < 0.5 && Math.abs(now.y - last.y) < 0.5) return now;
    last = now;
  }
  return last;
}

/** The canvas's zoom once its animation has settled (unchanged for a few frames). */
async function settledScale(page: Page): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { lastViewport?: string; stableFrames?: number };
    w.lastViewport = undefined;
    w.stableFrames = 0;
  });
  const handle = await page.waitForFunction(
    () => {
      const t = document.querySelector('.canvas .react-flow__viewport')?.getAttribute('style') ?? '';
      const w = window as unknown as { lastViewport?: string; stableFrames?: number };
      w.stableFrames = w.lastViewport === t ? (w.stableFrames ?? 0) + 1 : 0;
      w.lastViewport = t;
      return w.stableFrames >= 10 ? Number(/scale\(([\d.]+)\)/.exec(t)?.[1] ?? 1) : false;
    },
    undefined,
    { polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/** Clicks "Zoom out" until the canvas's settled zoom is at most `scale`. */
async function zoomOutTo(page: Page, scale: number): Promise<void> {
  for (let i = 0; i < 6 && (await settledScale(page)) > scale; i++) await page.getByRole('button', { name: 'Zoom out' }).click();
  expect(await settledScale(page)).toBeLessThanOrEqual(scale);
}

/** Presses the mouse on `from`, moves in steps (as a hand does) and releases on `to`. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 8, from.y + 8, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 14 });
  await page.mouse.up();
}

const node = (page: Page, id: string) => page.locator(`.canvas [data-testid="node-${id}"]`);
const port = (n: Locator, handle: string) => n.locator(`.react-flow__handle.source[data-handleid="${handle}"]`);
const inlet = (n: Locator) => n.locator('.react-flow__handle.target');
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

/** Drags a palette item onto the canvas with the mouse and drops it at `at` (page coordinates). */
async function dropFromPalette(page: Page, type: string, at: { x: number; y: number }): Promise<void> {
  const pane = page.locator('.canvas .react-flow__pane');
  const p = await box(pane);
  await page.locator(`.palette-item[data-node-type="${type}"]`).dragTo(pane, { targetPosition: { x: at.x - p.x, y: at.y - p.y } });
}

/** Connects `from`'s source handle to `to`'s inlet by dragging, and waits for the edge. */
async function connect(page: Page, from: string, handle: string, to: string): Promise<void> {
  await drag(page, await settledCenter(page, port(node(page, from), handle)), await settledCenter(page, inlet(node(page, to))));
  await page.locator(`.canvas .react-flow__edge[aria-label="Edge from ${from} to ${to}"]`).waitFor();
}

beforeAll(async () => {
  studio = await startStudio();
  // A common laptop-to-desktop screen: room for the flow beside the palette and the inspector.
  designer = await openBrowser({ width: 1680, height: 1000 });
});

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  const name = context.task.name.replace(/\W+/g, '-').slice(0, 60);
  await designer?.page.screenshot({ path: join(shots, `failed-build-${name}-designer.png`) }).catch(() => undefined);
  console.error(`API calls before "${context.task.name}" failed:\n${designer?.calls.slice(-20).join('\n')}`);
  await other?.page.screenshot({ path: join(shots, `failed-build-${name}-other.png`) }).catch(() => undefined);
});

afterAll(async () => {
  await other?.close();
  await designer?.close();
  await studio?.close();
});

describe('building a flow from scratch', () => {
  it('creates a new flow from the flow list', async () => {
    const { page } = designer;
    await signIn(page, studio.url, studio.accounts.designer.email, studio.accounts.designer.password);
    await page.getByRole('button', { name: 'New flow' }).click();
    const dialog = page.getByRole('dialog', { name: 'New flow' });
    await dialog.getByLabel('Name').fill('Order help');
    expect(await dialog.getByLabel('Id').inputValue()).toBe(FLOW);
    await dialog.getByRole('button', { name: 'Create flow' }).click();
    await node(page, 'greeting').waitFor();
    expect(await page.getByTestId('save-status').innerText()).toMatch(/Saved/);
  });

  it('drags an intent router, two messages and a handoff from the palette to where the mouse lets go', async () => {
    const { page } = designer;
    // Make room: the new flow's three steps fill the middle at 100%. Zoom out until the scale is
    // at most 0.7 (a click made while the previous zoom still animates can be partly lost).
    await zoomOutTo(page, 0.7);
    const greeting = await box(node(page, 'greeting'));
    const gx = greeting.x + greeting.width / 2;
    const gy = greeting.y + 14;
    const column = greeting.width + 50;
    // Left to right: greeting → router → the two answers; the refund's handoff under the router.
    const drops: [string, string, { x: number; y: number }][] = [
      ['intent', 'intent_1', { x: gx + column, y: gy }],
      ['message', 'message_1', { x: gx + 2 * column, y: gy - 40 }],
      ['message', 'message_2', { x: gx + 2 * column, y: gy + 120 }],
      ['handoff', 'handoff_1', { x: gx + column, y: gy + 230 }],
    ];
    for (const [type, id, at] of drops) {
      await dropFromPalette(page, type, at);
      const added = node(page, id);
      await added.waitFor();
      // The node lands under the pointer: its header where the mouse let go.
      const b = await box(added);
      expect(at.x).toBeGreaterThan(b.x);
      expect(at.x).toBeLessThan(b.x + b.width);
      expect(Math.abs(at.y - (b.y + 14))).toBeLessThan(24);
      // …and is selected, so the inspector shows it.
      await expect.poll(() => inspector(page).innerText()).toContain(id);
    }
    await shot(page, 'build-01-dropped');
  });

  it('routes two intents and wires every port by dragging from handle to handle', async () => {
    const { page } = designer;
    await node(page, 'intent_1').click();
    const routed = inspector(page).getByLabel(/Routed intents/);
    await inspector(page).getByRole('button', { name: 'Remove greeting' }).click();
    await routed.fill('order_status');
    await routed.press('Enter');
    await routed.fill('refund');
    await routed.press('Enter');
    await port(node(page, 'intent_1'), 'refund').waitFor();

    await connect(page, 'greeting', 'next', 'intent_1');
    await connect(page, 'intent_1', 'order_status', 'message_1');
    await connect(page, 'message_1', 'next', 'end');
    await connect(page, 'intent_1', 'refund', 'message_2');
    await connect(page, 'message_2', 'next', 'handoff_1');
    // The greeting's port led to the end before; a port leads to one place, so that edge went.
    await expect.poll(() => page.locator('.canvas .react-flow__edge').count()).toBe(6);
    await shot(page, 'build-02-wired');
  });

  it('fills in the inspector: message texts and the handoff queue', async () => {
    const { page } = designer;
    await node(page, 'message_1').click();
    await inspector(page).getByLabel('Message').fill('Your order is on its way and arrives within 3 days.');
    await node(page, 'message_2').click();
    await inspector(page).getByLabel('Message').fill('Let me find a colleague for you.');
    await node(page, 'handoff_1').click();
    await inspector(page).getByLabel('Queue').fill('orders');
    await inspector(page).getByLabel('Reason').fill('refund_request');
    await expect.poll(() => node(page, 'message_2').innerText()).toContain('Let me find a colleague');
    expect(await node(page, 'handoff_1').innerText()).toContain('orders');
    await shot(page, 'build-02b-inspector');
  });

  it('gives each routed intent its examples, straight from the router', async () => {
    const { page } = designer;
    const examples: Record<string, string[]> = {
      order_status: ['where is my order', 'when will my order arrive', 'track my parcel', 'has my package shipped', 'my delivery is late', 'order status please', 'when does my order come', 'where is my parcel'],
      refund: ['I want a refund', 'give me my money back', 'can I get a refund', 'refund my purchase', 'I would like my money back', 'how do I get refunded', 'please refund me', 'money back for this'],
    };
    for (const [intent, lines] of Object.entries(examples)) {
      await node(page, 'intent_1').click();
      await inspector(page).getByRole('button', { name: `Create and add examples for ${intent}` }).click();
      await expect.poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe(intent);
      await page.getByLabel(/^Add examples/).fill(lines.join('\n'));
      await page.locator('.example-add-row').getByRole('button', { name: 'Add', exact: true }).click();
      await expect.poll(() => page.getByRole('list', { name: `en examples of ${intent}` }).getByRole('listitem').count()).toBe(lines.length);
      await page.getByRole('tab', { name: 'Canvas' }).click();
    }
    await node(page, 'intent_1').click();
    await expect.poll(() => inspector(page).getByRole('list', { name: 'Examples of the routed intents' }).innerText()).toMatch(/order_status\s+8 examples[\s\S]*refund\s+8 examples/);
  });

  it('writes an escalation rule in the visual builder, and the problems are gone', async () => {
    const { page } = designer;
    await page.getByRole('tab', { name: /Escalation rules/ }).click();
    await page.getByRole('button', { name: 'Add the first rule' }).click();
    const rule = page.locator('.rule-editor');
    await rule.getByLabel('Name', { exact: true }).fill('Legal threats go to the legal team');
    await rule.getByLabel('Priority').selectOption('urgent');
    await rule.getByLabel('Queue', { exact: true }).fill('legal');
    await rule.getByLabel('Reason', { exact: true }).fill('legal_threat');
    const builder = page.locator('.rule-builder');
    await builder.getByRole('combobox', { name: 'Value to test' }).selectOption('message.text');
    await builder.getByRole('combobox', { name: 'Comparison' }).selectOption('contains');
    await builder.getByRole('textbox', { name: 'Compare with' }).fill('lawyer');
    const json = page.getByTestId('rule-json');
    await expect.poll(async () => (await json.locator('.view-lines').innerText()).replace(/\s+/g, ' ')).toMatch(/"in": \[ "lawyer", \{ "var": "message\.text" \} \]/);
    await shot(page, 'build-03-rule');
    await expect.poll(() => page.getByTestId('problems-pill').innerText()).toMatch(/No problems|0 errors/);
    await expect.poll(() => page.getByTestId('save-status').innerText(), { timeout: 10_000 }).toMatch(/Saved/);
  });

  it('simulates a conversation that escalates, naming the rule that matched', async () => {
    const { page } = designer;
    await page.getByRole('tab', { name: 'Canvas' }).click();
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('button', { name: 'Start conversation' }).click();
    const input = page.getByLabel('Message as the customer');
    await input.waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByRole('log', { name: 'Conversation' }).innerText()).toContain('Hello! How can I help?');
    await input.fill('where is my order? otherwise my lawyer will call');
    await input.press('Enter');
    const handoff = page.getByTestId('handoff-card');
    await handoff.waitFor();
    expect(await handoff.innerText()).toContain('legal');
    expect(await page.getByTestId('turn-details').getByTestId('matched-rule').allInnerTexts()).toContain('Legal threats go to the legal team');
    await shot(page, 'build-04-simulated');
    await page.getByRole('button', { name: 'Close simulator' }).click();
  });

  it('commits version 1 and asks for review', async () => {
    const { page } = designer;
    await page.getByRole('button', { name: 'Commit' }).click();
    await page.getByLabel('What changed').fill('Order status and a way to a person; legal threats escalate');
    await page.getByRole('dialog').getByRole('button', { name: 'Commit' }).click();
    await page.getByRole('dialog').getByText('Version 1 committed').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Request review' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
  });

  it('lets a second person approve it from the diff', async () => {
    other = await openBrowser();
    const { page } = other;
    await signIn(page, studio.url, studio.accounts.reviewer.email, studio.accounts.reviewer.password);
    await page.getByRole('link', { name: 'Reviews' }).click();
    await page.getByRole('link', { name: 'Order help' }).click();
    await page.getByTestId('diff-view').waitFor();
    await expect.poll(() => page.getByTestId('diff-view').innerText()).toContain('Legal threats go to the legal team');
    await page.getByTestId('rule-diff-new-rule').scrollIntoViewIfNeeded();
    await shot(page, 'build-04b-first-version-review');
    await page.getByLabel('Review comment').fill('Legal threats escalate urgently; fine.');
    await page.locator('.decision-box').getByRole('button', { name: 'Approve', exact: true }).click();
    await page.locator('.badge', { hasText: 'approved' }).first().waitFor();
  });

  it('deploys it to production', async () => {
    const { page } = designer;
    await page.reload();
    await page.getByRole('tab', { name: 'Versions & review' }).click();
    await page.getByRole('tab', { name: 'Deploy' }).click();
    const production = page.getByTestId('env-production');
    await expect.poll(() => production.innerText()).toMatch(/Ready to deploy/);
    await production.getByRole('button', { name: 'Deploy to production' }).click();
    await production.getByRole('button', { name: 'Deploy to production' }).click();
    await expect.poll(() => production.innerText()).toMatch(/Version 1 is live here/);
    await shot(page, 'build-04c-deployed');
  });

  it('answers a customer through the widget with a production key, and hands them over', async () => {
    const admin = other!.page;
    await admin.getByRole('button', { name: 'Sign out' }).click();
    await signIn(admin, studio.url, studio.accounts.admin.email, studio.accounts.admin.password);
    await admin.getByRole('link', { name: 'Settings' }).click();
    await admin.getByRole('tab', { name: 'Sites & keys' }).click();
    await admin.getByRole('button', { name: 'New production key for Demo site' }).click();
    const secret = (await admin.getByTestId('new-key-secret').innerText()).trim();
    expect(await admin.getByLabel('Widget snippet').innerText()).toContain(`data-site-key="${secret}"`);
    await shot(admin, 'build-05-site-key');

    const customer = await other!.context.newPage();
    await customer.goto(`${studio.url}/demo?flow=${FLOW}&key=${encodeURIComponent(secret)}`);
    const w = widget(customer);
    await w.launcher.click();
    await expect.poll(() => w.messages('bot').first().textContent(), { timeout: 30_000 }).toBe('Hello! How can I help?');
    await w.input.fill('I want a refund');
    await w.send.click();
    await expect
      .poll(() => w.messages('bot').allTextContents(), { timeout: 30_000 })
      .toContain('Let me find a colleague for you.')
      .catch(async (e: unknown) => {
        await customer.screenshot({ path: join(shots, 'failed-build-widget.png') });
        throw new Error(`${String(e)}; the widget shows: ${await w.log.innerText()}`);
      });
    await expect.poll(() => w.human.textContent()).toBe('Connecting you to a person…');
    // Handed over by the flow's own handoff node, to its queue.
    await expect.poll(() => w.notices.allTextContents()).toContainEqual(expect.stringMatching(/Connecting you to our orders team/));
    await customer.screenshot({ path: join(shots, 'build-06-widget.png') });
    await customer.close();
  });

  it('keeps examples in another language for an intent', async () => {
    const { page } = designer;
    await page.getByRole('tab', { name: 'Intents' }).click();
    await page.getByRole('button', { name: /^order_status/ }).click();
    await page.getByRole('button', { name: 'Add language' }).click();
    const tag = page.getByLabel('New language tag');
    await tag.fill('German');
    await tag.press('Enter');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'locale tag' }).count()).toBe(1);
    await tag.fill('de');
    await tag.press('Enter');
    expect(await page.getByLabel('Examples in').inputValue()).toBe('de');
    await page.getByLabel(/^Add de examples/).fill('wo ist meine Bestellung\nwann kommt mein Paket\nwo bleibt meine Lieferung');
    await page.locator('.example-add-row').getByRole('button', { name: 'Add', exact: true }).click();
    const german = page.getByRole('list', { name: 'de examples of order_status' });
    await expect.poll(() => german.getByRole('listitem').count()).toBe(3);

    await german.getByRole('button', { name: 'wann kommt mein Paket', exact: true }).click();
    const edit = german.getByLabel('Edit example');
    await edit.fill('wann kommt meine Bestellung an');
    await edit.press('Enter');
    await german.getByRole('button', { name: 'Delete example "wo bleibt meine Lieferung"' }).click();
    await expect.poll(() => german.innerText()).toMatch(/wo ist meine Bestellung[\s\S]*wann kommt meine Bestellung an/);
    expect(await german.getByRole('listitem').count()).toBe(2);
    await shot(page, 'build-07-locale-examples');

    // The main language's examples are untouched.
    await page.getByLabel('Examples in').selectOption('');
    await expect.poll(() => page.getByRole('list', { name: 'en examples of order_status' }).getByRole('listitem').count()).toBe(8);
    await expect.poll(() => page.getByTestId('save-status').innerText(), { timeout: 10_000 }).toMatch(/Saved/);

    // Saved on the server: a fresh load shows them.
    await page.reload();
    await page.getByRole('button', { name: /^order_status/ }).click();
    await page.getByLabel('Examples in').selectOption('de');
    await expect.poll(() => page.getByRole('list', { name: 'de examples of order_status' }).innerText()).toMatch(/wo ist meine Bestellung[\s\S]*wann kommt meine Bestellung an/);
  });

  it('asks to sign in again when the session ends, keeps the unsaved edit, and saves it afterwards', async () => {
    const { page } = designer;
    await page.getByRole('tab', { name: 'Canvas' }).click();
    await node(page, 'message_1').click();
    expect(await studio.endSessions(studio.accounts.designer.email)).toBeGreaterThan(0);

    const text = inspector(page).getByLabel('Message');
    await text.fill('Your order is on its way; it arrives within 2 days.');
    const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
    await dialog.waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByTestId('save-status').innerText()).toMatch(/Not saved: your session has ended/);
    // Still on the canvas with the edit, not thrown back to the sign-in screen.
    expect(await node(page, 'message_1').innerText()).toContain('arrives within 2 days');
    await shot(page, 'build-08-session-ended');

    await dialog.getByLabel('Password').fill('not my password');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.getByRole('alert').waitFor();
    await dialog.getByLabel('Password').fill(studio.accounts.designer.password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('save-status').innerText(), { timeout: 10_000 }).toMatch(/Saved/);

    await page.reload();
    await node(page, 'message_1').waitFor();
    expect(await node(page, 'message_1').innerText()).toContain('arrives within 2 days');
    expect(designer.errors.filter((e) => !e.includes('401') && !e.includes('409'))).toEqual([]);
  });
});
