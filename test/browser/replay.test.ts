// Replay before publish in real Chromium against the real server: customers talk to the live
// "returns" flow, a designer drops its chargeback rule in version 2, replays the stored
// conversations in the version's Replay tab, requests review with the report attached, and the
// reviewer sees the projected change on the review screen.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { StudioHttpClient } from '../site/site-harness.ts';
import { openBrowser, signIn, type BrowserSession } from './browser.ts';
import { startStudio, type Studio } from './studio-harness.ts';

const shots = resolve(process.env.SCREENSHOTS_DIR ?? '.tmp/browser-screenshots');
mkdirSync(shots, { recursive: true });
const DEMO_KEY = 'sb_test_demo_key_0123456789abcdef';

let studio: Studio;
const sessions: BrowserSession[] = [];

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

async function customerSays(url: string, ...messages: string[]): Promise<void> {
  const headers = { authorization: `Bearer ${DEMO_KEY}`, 'content-type': 'application/json' };
  const started = await fetch(`${url}/api/v1/conversations`, { method: 'POST', headers, body: JSON.stringify({ flowId: 'returns' }) });
  expect(started.status).toBe(201);
  const { conversationId } = (await started.json()) as { conversationId: string };
  for (const text of messages) {
    const sent = await fetch(`${url}/api/v1/conversations/${conversationId}/messages`, { method: 'POST', headers, body: JSON.stringify({ text, idempotencyKey: crypto.randomUUID() }) });
    expect(sent.status).toBe(200);
  }
}

beforeAll(async () => {
  studio = await startStudio();
  await customerSays(studio.url, 'I will file a chargeback with my bank');
  await customerSays(studio.url, 'I want to return my shoes');
  await customerSays(studio.url, 'where is my order');

  // Version 2 of "returns" without the chargeback rule, committed through the studio API.
  const dana = await StudioHttpClient.signIn(studio.url, studio.accounts.designer.email, studio.accounts.designer.password);
  const draft = await dana.query<{ revision: number; document: { escalation: { rules: Array<{ id: string }> } } }>('flows.get', { flowId: 'returns' });
  const document = draft.data.document;
  document.escalation.rules = document.escalation.rules.filter((r) => r.id !== 'chargeback');
  const saved = await dana.mutate<{ revision: number }>('flows.saveDraft', { flowId: 'returns', baseRevision: draft.data.revision, document });
  expect(saved.status).toBe(200);
  const committed = await dana.mutate('flows.commit', { flowId: 'returns', baseRevision: saved.data.revision, message: 'Chargeback threats stay with the bot' });
  expect(committed.status).toBe(200);
});

afterAll(async () => {
  for (const s of sessions) await s.close();
  await studio?.close();
});

describe('replay before publish', () => {
  it('a designer replays a changed version, attaches the report, and the reviewer sees the projected change', async () => {
    const designer = await openBrowser();
    sessions.push(designer);
    const { page } = designer;
    await signIn(page, studio.url, studio.accounts.designer.email, studio.accounts.designer.password);
    await page.goto(`${studio.url}/#/flows/returns`);
    await page.getByRole('tab', { name: 'Versions & review' }).click();
    await page.getByRole('heading', { name: /Version 2/ }).waitFor();
    await page.getByRole('tab', { name: 'Replay', exact: true }).click();

    // The help says what it does; stored conversations of the last 30 days are the default source.
    await page.getByText('Runs real conversations through version 2').waitFor();
    expect(await page.getByLabel('Stored conversations of this flow').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Run replay' }).click();

    const report = page.getByTestId('replay-report');
    await report.waitFor();
    const rates = report.getByRole('definition');
    await expect.poll(() => rates.first().innerText()).toMatch(/66\.7% → 100\.0%/);
    expect(await report.getByRole('group', { name: 'Conversation changes' }).innerText()).toContain('1 no longer escalate');
    const chargeback = report.getByRole('table', { name: 'Rule changes' }).getByRole('row', { name: /Customer mentions a chargeback/ });
    expect(await chargeback.innerText()).toMatch(/removed/);
    expect(await chargeback.innerText()).toMatch(/fires less/);

    // The changed conversation with its transcript diff.
    const changed = report.getByRole('list', { name: 'Changed conversations' }).getByRole('listitem').filter({ hasText: 'No longer escalates' });
    await changed.getByText('“I will file a chargeback with my bank”').click();
    const before = changed.getByRole('region', { name: /Transcript: Version 1/ });
    const after = changed.getByRole('region', { name: 'Transcript: Version 2' });
    await after.waitFor();
    expect(await before.innerText()).toContain('I will file a chargeback with my bank');
    expect(await after.locator('.differs').count()).toBeGreaterThan(0);
    expect(await changed.innerText()).toMatch(/Before: handed over to payments \(urgent\) on message 1: chargeback_threat/);
    await shot(page, 'replay-report');

    await page.getByLabel('Note for the reviewer').fill('Chargeback threats no longer go to payments; see the replay.');
    await page.getByRole('button', { name: 'Request review with this report' }).click();
    await page.getByText('This report is attached to the review request.').waitFor();
    await page.getByTestId('attached-replay').waitFor();
    expect(designer.errors).toEqual([]);

    // The reviewer opens the review and reads the projection before deciding.
    const reviewer = await openBrowser();
    sessions.push(reviewer);
    const r = reviewer.page;
    await signIn(r, studio.url, studio.accounts.reviewer.email, studio.accounts.reviewer.password);
    await r.getByRole('link', { name: 'Reviews' }).click();
    await r.getByRole('link', { name: 'Returns and order help' }).click();
    const attached = r.getByTestId('attached-replay');
    await attached.waitFor();
    expect(await attached.innerText()).toMatch(/Replay before publish: escalation 33\.3% → 0\.0%, containment 66\.7% → 100\.0%; 1 of 3 conversations change/);
    await attached.getByText(/Replay before publish:/).click();
    const shown = attached.getByTestId('replay-report');
    await shown.waitFor();
    expect(await shown.getByRole('group', { name: 'Conversation changes' }).innerText()).toContain('1 no longer escalate');
    expect(await shown.getByRole('table', { name: 'Rule changes' }).innerText()).toContain('Customer mentions a chargeback');
    await shot(r, 'replay-review');
    expect(reviewer.errors).toEqual([]);
  });
});
