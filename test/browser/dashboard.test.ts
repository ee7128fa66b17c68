// The operations dashboard in real Chromium against the real server: an analyst signs in, opens
// the dashboard from the navigation, narrows it to the hand-computed fixture and sees its figures,
// downloads the CSV, and sees escalation accuracy change after an agent's label (reload). A larger
// generated data set fills the charts for the screenshot.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUser } from '../../server/accounts/users.ts';
import { systemActor } from '../../server/actor.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { generate } from '../../bench/dashboard.ts';
import { addLabel, seedFixture } from '../dashboard/fixture.ts';
import { openBrowser, signIn, type BrowserSession } from './browser.ts';
import { startStudio, type Studio } from './studio-harness.ts';

const analyst = { email: 'ann@example.com', password: 'correct horse battery staple' };

describe('operations dashboard', () => {
  let studio: Studio;
  let browser: BrowserSession;
  let database: ReturnType<typeof openDatabase>;
  let handoffIds: Map<string, string>;
  let labeller: string;

  beforeAll(async () => {
    studio = await startStudio();
    database = openDatabase(studio.databaseUrl);
    const ann = await createUser(database.db, { ...analyst, name: 'Ann Analyst', roles: ['analyst'], actor: systemActor, now: new Date(), scryptCost: 2 ** 10 });
    const alex = await createUser(database.db, { email: 'alex@example.com', password: analyst.password, name: 'Alex Agent', roles: ['agent'], actor: systemActor, now: new Date(), scryptCost: 2 ** 10 });
    if (!ann.ok || !alex.ok) throw new Error('could not create the accounts');
    labeller = alex.value.id;
    handoffIds = await seedFixture(database.db, { labeller });
    // Three thousand more conversations (other flows) so the charts have something to show.
    generate(studio.databaseUrl, { conversations: 3000, messages: 30_000 });
    browser = await openBrowser({ width: 1480, height: 1100 });
  });

  afterAll(async () => {
    await browser?.close();
    await database?.close();
    await studio?.close();
  });

  /** Narrows the dashboard to the fixture: flow Banking, 2 and 3 November 2026. */
  async function showFixture(page: Page): Promise<void> {
    const filters = page.getByRole('form', { name: 'Filters' });
    await filters.getByLabel('From').fill('2026-11-02');
    await filters.getByLabel('To').fill('2026-11-03');
    await filters.getByRole('button', { name: 'Apply period' }).click();
    await filters.getByLabel('Flow').selectOption({ label: 'Banking' });
    await page.getByLabel('Conversations: 6').waitFor();
  }

  it('shows an analyst the figures of a seeded data set, with charts, and downloads them as CSV', async () => {
    const { page } = browser;
    await signIn(page, studio.url, analyst.email, analyst.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Operations dashboard' }).waitFor();
    // The default period (last 30 days) with every flow: the generated data fills the charts.
    await page.getByRole('figure', { name: 'Containment over time' }).locator('.recharts-line').first().waitFor();
    mkdirSync(resolve('docs/screenshots'), { recursive: true });
    await page.screenshot({ path: resolve('docs/screenshots/dashboard.png'), fullPage: true });

    await showFixture(page);
    for (const tile of ['Containment: 40%', 'Escalation rate: 60%', 'Escalation accuracy: 50%', 'Repeat contact: 60%', 'CSAT: 3.50 / 5', 'First response: 1 min', 'Resolution: 8 min']) {
      await page.getByLabel(tile).waitFor();
    }
    for (const chart of ['Escalations by reason', 'Escalations by rule', 'Time to first agent response', 'Customer satisfaction', 'Intents most often escalated', 'Peaks by hour and weekday']) {
      await page.getByRole('figure', { name: chart }).waitFor();
    }
    // The table alternative carries the same numbers.
    const byRule = page.getByRole('figure', { name: 'Escalations by rule' });
    await byRule.getByText('Show as table').click();
    await byRule.getByRole('cell', { name: 'Large unrecognised transfer' }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('dashboard-2026-11-02-to-2026-11-03.csv');
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('section,item,measure,value');
    expect(csv).toContain('filter,,flowId,banking\r\n');
    expect(csv).toContain('totals,,conversations,6\r\n');
    expect(csv).toContain('rates,,containment_rate,0.4\r\n');
    expect(csv).toContain('rates,,escalation_accuracy,0.5\r\n');
    expect(csv).toContain('by_rule,big-transfer (Large unrecognised transfer),handoffs,1\r\n');
    expect(browser.errors).toEqual([]);
  });

  it('shows escalation accuracy change when an agent labels a handoff', async () => {
    const { page } = browser;
    await page.getByLabel('Escalation accuracy: 50%').waitFor();
    await addLabel(database.db, { handoffId: handoffIds.get('h2')!, conversationId: 'c3', needed: true, labeller });
    await page.reload();
    await page.getByRole('heading', { name: 'Operations dashboard' }).waitFor();
    await showFixture(page);
    await page.getByLabel('Escalation accuracy: 66.7%').waitFor();
    await page.getByText('3 of 3 handoffs labelled').waitFor();
  });

  it('explains a bad period next to the fields instead of sending it', async () => {
    const { page } = browser;
    const filters = page.getByRole('form', { name: 'Filters' });
    await filters.getByLabel('From').fill('2026-11-05');
    await filters.getByLabel('To').fill('2026-11-01');
    await filters.getByRole('button', { name: 'Apply period' }).click();
    await filters.getByRole('alert').getByText('The period ends (2026-11-01) before it starts (2026-11-05).').waitFor();
  });

  it('offers the latest data when the filters match nothing', async () => {
    const { page } = browser;
    const filters = page.getByRole('form', { name: 'Filters' });
    await filters.getByLabel('From').fill('2025-01-01');
    await filters.getByLabel('To').fill('2025-01-31');
    await filters.getByRole('button', { name: 'Apply period' }).click();
    await page.getByRole('heading', { name: 'No conversations match these filters' }).waitFor();
    await page.getByRole('button', { name: /Show the 30 days up to/ }).click();
    // 29 October … 27 November (the newest stored day) on flow Banking: all eight fixture conversations.
    await page.getByLabel('Conversations: 8').waitFor();
  });
});
