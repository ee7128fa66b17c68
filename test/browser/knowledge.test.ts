// The knowledge-base screen in real Chromium against the real server (the example help centre is
// seeded as version 1): find it from the main navigation, ask "which article would answer 'my card
// was stolen'?" and read the ranked articles with their scores, edit an article, commit version 2.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, signIn, type BrowserSession } from './browser.ts';
import { startStudio, type Studio } from './studio-harness.ts';

const shots = resolve(process.env.SCREENSHOTS_DIR ?? '.tmp/browser-screenshots');
mkdirSync(shots, { recursive: true });

let studio: Studio;
let designer: BrowserSession;

beforeAll(async () => {
  studio = await startStudio();
  designer = await openBrowser({ width: 1440, height: 900 });
  await signIn(designer.page, studio.url, studio.accounts.designer.email, studio.accounts.designer.password);
}, 120_000);

afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  await designer?.page.screenshot({ path: join(shots, `failed-knowledge-${context.task.name.replace(/\W+/g, '-').slice(0, 50)}.png`) }).catch(() => undefined);
  console.error(`API calls before "${context.task.name}" failed:\n${designer?.calls.slice(-20).join('\n')}`);
});

afterAll(async () => {
  await designer?.close();
  await studio?.close();
});

describe('the knowledge-base screen', () => {
  it('lists the seeded help centre with its article count and version', async () => {
    const { page } = designer;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Knowledge' }).click();
    await page.getByRole('heading', { name: 'Knowledge bases' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'banking-help-centre' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toMatch(/61\s+v1/);
    await row.getByRole('link', { name: 'Banking help centre' }).click();
    await page.getByRole('heading', { name: 'Banking help centre', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'Article list' }).getByRole('listitem').count()).toBeGreaterThan(5);
  });

  it("answers 'which article would answer my card was stolen?' with ranked articles, scores and the threshold", async () => {
    const { page } = designer;
    // The threshold starts at the one the banking-help flow's answer node uses.
    expect(await page.getByLabel('Threshold').inputValue()).toBe('0.5');
    await page.getByLabel('Customer question').fill('my card was stolen');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const hits = page.getByRole('list', { name: 'Ranked articles' }).getByRole('listitem');
    await expect.poll(() => hits.count()).toBeGreaterThan(1);
    const first = await hits.first().innerText();
    expect(first).toMatch(/score 0\.\d{3}/);
    expect(first).toMatch(/clears the threshold|below the threshold/);
    const scores = (await hits.allInnerTexts()).map((t) => Number(/score (0\.\d{3})/.exec(t)?.[1]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await expect.poll(() => page.getByText(/Would answer with|No article reaches 0\.5/).count()).toBe(1);
    if (scores[0]! >= 0.5) expect(await page.getByLabel('Extract the answer node would send').innerText()).not.toBe('');
    // A ranked article opens in the editor.
    const firstTitle = hits.first().getByRole('button');
    const title = await firstTitle.innerText();
    await firstTitle.click();
    await page.getByRole('form', { name: `Edit article ${title}` }).waitFor();
    await page.screenshot({ path: join(shots, 'knowledge.png') });
    if (process.env.UPDATE_DOC_SCREENSHOTS) copyFileSync(join(shots, 'knowledge.png'), resolve('docs/screenshots/knowledge.png'));
  });

  it('edits an article, shows validation, and commits version 2', async () => {
    const { page } = designer;
    await page.getByLabel('Filter articles').fill('card arrive');
    const list = page.getByRole('list', { name: 'Article list' });
    await list.getByRole('button').first().click();
    const form = page.getByRole('form', { name: /^Edit article/ });
    await form.waitFor();
    const title = form.getByLabel('Title');
    await title.fill('');
    await form.getByText('A title cannot be empty.').waitFor();
    expect(await form.getByRole('button', { name: 'Save article' }).isDisabled()).toBe(true);
    await title.fill('When will my new card arrive?');
    const body = form.getByLabel('Body (Markdown)');
    await body.fill(`${await body.inputValue()}\n\nTrack your card in the app under Cards.`);
    await form.getByRole('button', { name: 'Save article' }).click();
    await page.getByText('Article saved').waitFor();
    await page.getByText(/changed since v1/).waitFor();

    await page.getByRole('button', { name: 'Commit version' }).click();
    const dialog = page.getByRole('dialog', { name: 'Commit a knowledge-base version' });
    await dialog.getByLabel('What changed').fill('Card arrival: mention tracking');
    await dialog.getByRole('button', { name: 'Commit', exact: true }).click();
    const versions = page.getByRole('list', { name: 'Knowledge-base versions' }).getByRole('listitem');
    await expect.poll(() => versions.count()).toBe(2);
    expect(await versions.first().innerText()).toMatch(/v2\s+Card arrival: mention tracking/);
    expect(await page.getByRole('button', { name: 'Commit version' }).isDisabled()).toBe(true);
  });

  it('simulates banking-help answering from the newest knowledge-base version, in the browser', async () => {
    const { page } = designer;
    await page.goto(`${studio.url}/#/flows/banking-help`);
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('button', { name: 'Start conversation' }).click();
    const input = page.getByLabel('Message as the customer');
    await input.waitFor({ timeout: 90_000 });
    await input.fill('when will my new card arrive?');
    await input.press('Enter');
    await expect.poll(() => page.getByRole('log', { name: 'Conversation' }).innerText(), { timeout: 20_000 }).toMatch(/Cards usually arrive within 5–7 working days/);
    await page.getByRole('button', { name: 'Close simulator' }).click();
  }, 120_000);
});
