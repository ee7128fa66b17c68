// What a designer and a reviewer do in the studio, in real Chromium against the real server:
// sign in, change banking-support on the canvas, write a rule two ways, simulate a conversation
// that escalates, commit, get an independent approval, deploy. Each step builds on the last.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openBrowser, signIn, type BrowserSession } from './browser.ts';
import { startStudio, type Studio } from './studio-harness.ts';

const shots = resolve(process.env.SCREENSHOTS_DIR ?? '.tmp/browser-screenshots');
mkdirSync(shots, { recursive: true });

let studio: Studio;
let designer: BrowserSession;
let reviewer: BrowserSession | null = null;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 10, from.y + 10, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

beforeAll(async () => {
  studio = await startStudio();
  designer = await openBrowser();
});

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  const name = context.task.name.replace(/\W+/g, '-').slice(0, 60);
  await designer?.page.screenshot({ path: join(shots, `failed-${name}-designer.png`) }).catch(() => undefined);
  console.error(`API calls before "${context.task.name}" failed:\n${designer?.calls.slice(-20).join('\n')}`);
  await reviewer?.page.screenshot({ path: join(shots, `failed-${name}-reviewer.png`) }).catch(() => undefined);
});

afterAll(async () => {
  await reviewer?.close();
  await designer?.close();
  await studio?.close();
});

describe('the flow studio', () => {
  it('signs a designer in with labelled Email and Password fields and shows the screens of their roles', async () => {
    const { page } = designer;
    await page.goto(`${studio.url}/`);
    await page.getByLabel('Email').waitFor();
    await shot(page, '01-sign-in');
    await page.getByLabel('Email').fill(studio.accounts.designer.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'wrong' }).waitFor();

    await signIn(page, studio.url, studio.accounts.designer.email, studio.accounts.designer.password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Flows', 'Reviews', 'Knowledge']);
    await page.getByRole('link', { name: 'Banking support' }).waitFor();
    await shot(page, '02-flows');
  });

  it('adds a node from the palette by drag and drop, shows its problem, and clears it when connected', async () => {
    const { page } = designer;
    const started = Date.now();
    await page.getByRole('link', { name: 'Banking support' }).click();
    await page.locator('[data-testid="node-router"]').waitFor();
    expect(Date.now() - started).toBeLessThan(15_000);
    await shot(page, '03-canvas-banking');

    // Jump to the goodbye node with the node search, then drop a message below it.
    await page.keyboard.press('Control+f');
    await page.getByRole('combobox', { name: 'Find a node' }).fill('goodbye');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(600);
    const goodbye = page.locator('[data-testid="node-goodbye"]');
    const target = await center(goodbye);
    const palette = page.locator('.palette-item[data-node-type="message"]');
    await palette.dragTo(page.locator('.canvas .react-flow__pane'), { targetPosition: await relativeTo(page, '.canvas .react-flow__pane', { x: target.x - 60, y: target.y + 200 }) });

    const added = page.locator('[data-testid="node-message_1"]');
    await added.waitFor();
    await expect.poll(() => added.getAttribute('class')).toContain('has-error');
    await expect.poll(() => page.getByTestId('problems-pill').innerText()).toMatch(/1 error/);
    await expect.poll(() => page.getByRole('complementary', { name: 'Inspector' }).innerText()).toContain('port is not connected');
    await shot(page, '04-new-node-problem');

    // Type its text in the inspector, then connect its port to the goodbye node.
    const text = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Message');
    await text.fill('Anything else I can do for you today?');
    await drag(page, await center(added.locator('.react-flow__handle.source')), await center(goodbye.locator('.react-flow__handle.target')));
    await expect.poll(() => added.getAttribute('class')).not.toContain('has-error');
    await expect.poll(() => page.getByTestId('problems-pill').innerText()).toMatch(/0 errors/);
    expect(await added.innerText()).toContain('Anything else I can do for you today?');
    await expect.poll(() => page.getByTestId('save-status').innerText(), { timeout: 10_000 }).toMatch(/Saved/);
    await shot(page, '05-connected');
  });

  it('edits an escalation rule in the visual builder and in Monaco, each updating the other', async () => {
    const { page } = designer;
    await page.getByRole('tab', { name: /Escalation rules/ }).click();
    await page.getByRole('button', { name: /lost or stolen card goes to fraud/ }).click();
    const json = page.getByTestId('rule-json');
    await json.locator('.view-lines').waitFor();
    await expect.poll(() => json.locator('.view-lines').innerText()).toContain('"lost_or_stolen_card"');

    const confidence = page.locator('.rule-builder input.rule-value[type="number"]');
    await confidence.fill('0.3');
    await expect.poll(async () => (await json.locator('.view-lines').innerText()).replace(/\s+/g, ' ')).toMatch(/"nlu\.confidence" \}, 0\.3 \]/);
    await shot(page, '06-rule-builder-to-json');

    // Now the other way: paste a new version of the rule as JSON; the builder follows.
    const rule = { and: [{ '!': { var: 'nlu.outOfScope' } }, { '==': [{ var: 'nlu.intent' }, 'lost_or_stolen_card'] }, { '>=': [{ var: 'nlu.confidence' }, 0.25] }] };
    await designer.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: studio.url });
    await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(rule, null, 2));
    await json.locator('.view-lines').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+v');
    await expect.poll(() => confidence.inputValue()).toBe('0.25');
    await expect.poll(() => page.getByTestId('try-rule-result').innerText()).toMatch(/match/i);
    await shot(page, '07-rule-json-to-builder');
  });

  it('simulates a conversation that escalates and shows the matched rule, the ranking and the path', async () => {
    const { page } = designer;
    await page.getByRole('tab', { name: 'Canvas' }).click();
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByLabel('Customer field firstName value').fill('Grace');
    await page.getByRole('button', { name: 'Start conversation' }).click();
    const input = page.getByLabel('Message as the customer');
    await input.waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByRole('log', { name: 'Conversation' }).innerText()).toContain('Hi Grace');
    await input.fill('someone stole my card yesterday');
    await input.press('Enter');
    const handoff = page.getByTestId('handoff-card');
    await handoff.waitFor();
    expect(await handoff.innerText()).toContain('fraud');
    const details = page.getByTestId('turn-details');
    expect(await details.getByTestId('matched-rule').allInnerTexts()).toContain('lost or stolen card goes to fraud');
    expect(await details.innerText()).toMatch(/lost_or_stolen_card\s+\d+%/);
    await expect.poll(() => page.locator('[data-testid="node-router"]').getAttribute('class')).toMatch(/path-(current|visited)/);
    await shot(page, '08-simulator-escalation');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as test case' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^banking-support-simulated-.*\.jsonl$/);
    await page.getByRole('button', { name: 'Close simulator' }).click();
  });

  it('commits the draft and asks for review; its author may not approve it, and production waits for approval', async () => {
    const { page } = designer;
    await page.getByRole('button', { name: 'Commit' }).click();
    await page.getByLabel('What changed').fill('Closing message; lost-card rule from 25% confidence');
    await page.getByRole('dialog').getByRole('button', { name: 'Commit' }).click();
    await page.getByRole('dialog').getByText('Version 2 committed').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Request review' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: 'Versions & review' }).click();
    await page.getByRole('heading', { name: /Version 2/ }).waitFor();
    const note = page.getByTestId('four-eyes-note');
    await note.waitFor();
    expect(await note.innerText()).toContain('someone else must review it');
    expect(await page.locator('.decision-box').getByRole('button', { name: 'Approve', exact: true }).isDisabled()).toBe(true);

    await page.getByRole('tab', { name: 'Deploy' }).click();
    const production = page.getByTestId('env-production');
    await expect.poll(() => production.innerText()).toMatch(/Cannot be deployed here yet/);
    expect(await production.getByRole('button', { name: 'Deploy to production' }).isDisabled()).toBe(true);
    await shot(page, '09-author-cannot-approve');
  });

  it('lets a second person review the diff and approve it', async () => {
    reviewer = await openBrowser();
    const { page } = reviewer;
    await signIn(page, studio.url, studio.accounts.reviewer.email, studio.accounts.reviewer.password);
    await page.getByRole('link', { name: 'Reviews' }).click();
    await page.getByRole('link', { name: 'Banking support' }).click();
    await page.getByTestId('diff-view').waitFor();
    await expect.poll(() => page.getByTestId('rule-diff-escalate-lost-or-stolen-card').innerText()).toContain('changed');
    await page.getByTestId('rule-diff-escalate-lost-or-stolen-card').locator('.monaco-diff-editor').waitFor();
    expect(await page.getByTestId('diff-canvas').locator('[data-testid="node-message_1"]').getAttribute('class')).toContain('mark-added');
    await shot(page, '10-review-diff');
    await page.getByTestId('rule-diff-escalate-lost-or-stolen-card').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await shot(page, '10b-review-rule-diff');

    await page.getByLabel('Review comment').fill('Threshold change looks right; fraud keeps its queue.');
    await page.locator('.decision-box').getByRole('button', { name: 'Approve', exact: true }).click();
    await page.locator('.badge', { hasText: 'approved' }).first().waitFor();
  });

  it('deploys the approved version to production', async () => {
    const { page } = designer;
    await page.reload();
    await page.getByRole('tab', { name: 'Deploy' }).click();
    const production = page.getByTestId('env-production');
    await expect.poll(() => production.innerText()).toMatch(/Ready to deploy/);
    await production.getByRole('button', { name: 'Deploy to production' }).click();
    await production.getByRole('button', { name: 'Deploy to production' }).click();
    await expect.poll(() => production.innerText()).toMatch(/Version 2 is live here/);
    await shot(page, '11-deployed');
  });

  it('refuses a stale autosave, says who saved last, and loads their version on request', async () => {
    const admin = reviewer!.page;
    await admin.getByRole('button', { name: 'Sign out' }).click();
    await signIn(admin, studio.url, studio.accounts.admin.email, studio.accounts.admin.password);
    const { page } = designer;
    for (const p of [page, admin]) {
      await p.goto(`${studio.url}/#/flows/returns`);
      await p.locator('[data-testid="node-welcome"]').click();
    }
    await admin.getByRole('complementary', { name: 'Inspector' }).getByLabel('Message').fill('Welcome back! Returns, orders and refunds: ask away.');
    await expect.poll(() => admin.getByTestId('save-status').innerText(), { timeout: 10_000 }).toMatch(/Saved/);

    await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Message').fill('Hi there, a different greeting.');
    const banner = page.getByRole('alert').filter({ hasText: 'saved this flow' });
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.innerText()).toContain('Administrator saved this flow');
    expect(await page.getByTestId('save-status').innerText()).toMatch(/conflict/);
    await shot(page, '12-save-conflict');

    await banner.getByRole('button', { name: 'Load their version' }).click();
    await banner.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('[data-testid="node-welcome"]').innerText()).toContain('Returns, orders and refunds');
    expect(designer.errors.filter((e) => !e.includes('401') && !e.includes('409'))).toEqual([]);
  });
});

/** A point in page coordinates, as a position relative to `selector`'s box (for dragTo). */
async function relativeTo(page: Page, selector: string, point: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return { x: Math.max(5, Math.min(box.width - 5, point.x - box.x)), y: Math.max(5, Math.min(box.height - 5, point.y - box.y)) };
}
