// Knowledge bases in the studio on every dialect: draft edits with revision conflicts, imports that
// are all or nothing with a problem per row, commits that store the built index, flow versions
// pinned to the knowledge-base version they were committed with (and answered from it by the site
// runtime even after a newer one is committed), and seeding of the example help centre.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBaseDocument } from '../../shared/index.ts';
import { loadKnowledgeIndex } from '../../runtime/index.ts';
import { seedFlows } from '../../server/bootstrap/seed-flows.ts';
import { helpArticles } from '../runtime/knowledge-fixtures.ts';
import { helpFlow } from '../site/fixtures.ts';
import { openSiteWorld, type SiteWorld } from '../site/site-harness.ts';
import { dialects, rejects } from './harness.ts';

describe.each(dialects)('knowledge bases on $name', (dialect) => {
  let sw: SiteWorld;
  beforeAll(async () => {
    sw = await openSiteWorld(dialect);
  });
  afterAll(async () => sw?.close());

  const dana = () => sw.world.as('dana');
  const dave = () => sw.world.as('dave');

  it('creates a knowledge base and edits its draft article by article, refusing stale revisions', async () => {
    const created = await (await dana()).api.knowledge.create({ id: 'help', name: 'Help centre', locale: 'en' });
    expect(created).toMatchObject({ id: 'help', revision: 1, articleCount: 0, latestVersion: null, versions: [] });

    let revision = 1;
    for (const article of helpArticles) revision = (await (await dana()).api.knowledge.putArticle({ kbId: 'help', baseRevision: revision, article })).revision;
    expect(revision).toBe(1 + helpArticles.length);

    // Dave edits from the revision he opened; Dana saves first, so his edit is refused and says by whom.
    const opened = revision;
    revision = (await (await dana()).api.knowledge.putArticle({ kbId: 'help', baseRevision: opened, article: { ...helpArticles[0]!, title: 'Activating a new card' } })).revision;
    const stale = await rejects((await dave()).api.knowledge.deleteArticle({ kbId: 'help', baseRevision: opened, articleId: 'change-pin' }), 'CONFLICT');
    expect(stale.error.message).toMatch(/Dana \(dana@example.com\)/);
    expect(stale.data.conflict).toMatchObject({ revision, savedBy: { email: 'dana@example.com' } });

    // An invalid article is refused with the field named, and an id clash too; nothing changes.
    await rejects((await dana()).api.knowledge.putArticle({ kbId: 'help', baseRevision: revision, article: { ...helpArticles[1]!, id: 'bad id!' } }), 'BAD_REQUEST');
    const clash = await rejects(
      (await dana()).api.knowledge.putArticle({ kbId: 'help', baseRevision: revision, article: { ...helpArticles[1]!, id: 'change-pin' }, previousId: 'card-delivery' }),
      'BAD_REQUEST',
    );
    expect(clash.data.problems?.[0]).toMatchObject({ path: 'article.id' });
    const now = await (await dana()).api.knowledge.get({ kbId: 'help' });
    expect(now.revision).toBe(revision);
    expect(now.document.articles.map((a) => a.id)).toEqual(helpArticles.map((a) => a.id));
    expect(now.document.articles[0]!.title).toBe('Activating a new card');
  });

  it('imports all or nothing: a bad CSV row refuses the whole file with its line, good files merge', async () => {
    const before = await (await dana()).api.knowledge.get({ kbId: 'help' });
    const csv = 'question,answer,tags\nHow do I freeze my card?,Tap Freeze in the app.,cards|security\n,An answer without a question,\nWhat are your opening hours?,"",\n';
    const refused = await rejects((await dana()).api.knowledge.import({ kbId: 'help', baseRevision: before.revision, files: [{ name: 'faq.csv', text: csv }] }), 'BAD_REQUEST');
    expect(refused.data.importProblems).toEqual([
      { file: 'faq.csv', line: 3, message: 'the question is empty' },
      { file: 'faq.csv', line: 4, message: 'the answer is empty' },
    ]);
    expect(refused.error.message).toMatch(/^Nothing was imported: 2 problems/);
    const badMarkdown = await rejects(
      (await dana()).api.knowledge.import({
        kbId: 'help',
        baseRevision: before.revision,
        files: [
          { name: 'freeze-card.md', text: '# How do I freeze my card?\n\nTap **Freeze** in the app.' },
          { name: 'broken.md', text: '---\ntitel: Typo\n---\nBody' },
        ],
      }),
      'BAD_REQUEST',
    );
    expect(badMarkdown.data.importProblems).toEqual([{ file: 'broken.md', line: 2, message: 'unknown front matter key "titel" (use title, url, tags, id, locale)' }]);
    const unchanged = await (await dana()).api.knowledge.get({ kbId: 'help' });
    expect(unchanged.revision).toBe(before.revision);
    expect(unchanged.articleCount).toBe(before.articleCount);

    const imported = await (await dana()).api.knowledge.import({
      kbId: 'help',
      baseRevision: before.revision,
      files: [
        { name: 'freeze-card.md', text: '---\ntags: [cards, security]\n---\n# How do I freeze my card?\n\nTap **Freeze** in the app. Unfreeze it the same way.' },
        { name: 'change-pin.md', text: '# How do I change my PIN?\n\nChange your PIN in the app under Security, or at any cash machine.' },
      ],
    });
    expect(imported).toMatchObject({ added: 1, replaced: 1, removed: 0, articleCount: helpArticles.length + 1 });
  });

  it('commits a version with its built index and searches draft and version like the answer node', async () => {
    const kb = await (await dana()).api.knowledge.get({ kbId: 'help' });
    const v1 = await (await dana()).api.knowledge.commit({ kbId: 'help', baseRevision: kb.revision, message: 'First help centre' });
    expect(v1).toMatchObject({ number: 1, articleCount: helpArticles.length + 1, author: { email: 'dana@example.com' } });
    await rejects((await dana()).api.knowledge.commit({ kbId: 'help', baseRevision: kb.revision, message: 'again' }), 'PRECONDITION_FAILED');

    const row = await sw.database.db.selectFrom('knowledge_versions').select(['search_index', 'content_hash']).where('id', '=', v1.id).executeTakeFirstOrThrow();
    const stored = loadKnowledgeIndex(JSON.parse(row.search_index));
    expect(stored.articleCount).toBe(helpArticles.length + 1);
    expect(stored.version).toBe(row.content_hash);

    const found = await (await sw.world.as('rita')).api.knowledge.search({ kbId: 'help', versionId: v1.id, query: 'my card was stolen, can I freeze it?', threshold: 0.3 });
    expect(found.source).toEqual({ ref: 'version', versionId: v1.id, number: 1 });
    expect(found.hits[0]).toMatchObject({ articleId: 'freeze-card', extract: expect.stringContaining('Freeze') });
    expect(found.hits.map((h) => h.score)).toEqual([...found.hits.map((h) => h.score)].sort((a, b) => b - a));
    expect(found.hits[0]!.clearsThreshold).toBe(found.hits[0]!.score >= 0.3);
    expect(stored.rank('my card was stolen, can I freeze it?', { limit: 5 }).map((h) => h.score)).toEqual(found.hits.map((h) => h.score));
    // A version of this base asked for under another base's id, or no such version: not found.
    await rejects((await sw.world.as('rita')).api.knowledge.search({ kbId: 'other', versionId: v1.id, query: 'card' }), 'NOT_FOUND');
    await rejects((await sw.world.as('rita')).api.knowledge.search({ kbId: 'help', versionId: 'kbv_missing', query: 'card' }), 'NOT_FOUND');
    const draft = await (await sw.world.as('rita')).api.knowledge.search({ kbId: 'help', query: 'when will my card arrive' });
    expect(draft.source).toMatchObject({ ref: 'draft' });
    expect(draft.hits[0]?.articleId).toBe('card-delivery');
  });

  it('pins flow versions to the knowledge-base version and answers from it after a newer one is committed', async () => {
    const v1 = await sw.deploy(helpFlow('helpdesk'));
    expect(v1.knowledge).toMatchObject({ kbId: 'help', number: 1 });

    const question = 'how long does a bank transfer take';
    const old = String((await sw.api.start({ flowId: 'helpdesk' })).body.conversationId);
    const reply = await sw.api.message(old, question);
    const firstAnswer = reply.body.messages as Array<{ text: string }>;
    expect(reply.body, JSON.stringify(reply.body)).toHaveProperty('messages');
    expect(firstAnswer[0]?.text).toMatch(/Domestic transfers arrive within minutes/);

    // The help centre changes: version 2 says something else about transfers.
    const kb = await (await dana()).api.knowledge.get({ kbId: 'help' });
    const transfer = kb.document.articles.find((a) => a.id === 'transfer-time')!;
    const edited = await (await dana()).api.knowledge.putArticle({ kbId: 'help', baseRevision: kb.revision, article: { ...transfer, body: 'Every transfer now arrives within ten seconds, day or night.' } });
    const kv2 = await (await dana()).api.knowledge.commit({ kbId: 'help', baseRevision: edited.revision, message: 'Instant transfers' });
    expect(kv2.number).toBe(2);

    // Until a flow version picks it up, production (and the running conversation) answer from v1.
    expect(((await sw.api.message(old, question)).body.messages as Array<{ text: string }>)[0]?.text).toMatch(/within minutes/);
    const fresh = String((await sw.api.start({ flowId: 'helpdesk' })).body.conversationId);
    expect(((await sw.api.message(fresh, question)).body.messages as Array<{ text: string }>)[0]?.text).toMatch(/within minutes/);

    // The draft diff shows the pick-up; committing the unchanged draft is new content that needs review.
    const diff = await (await dana()).api.flows.diffDraft({ flowId: 'helpdesk' });
    expect(diff.knowledgeBase).toEqual({ before: { kbId: 'help', versionId: v1.knowledge!.versionId, number: 1 }, after: { kbId: 'help', versionId: kv2.id, number: 2 } });
    expect(diff.sameContent).toBe(false);
    const v2 = await sw.deploy(helpFlow('helpdesk'));
    expect(v2.knowledge).toMatchObject({ kbId: 'help', versionId: kv2.id, number: 2 });
    expect(v2.contentHash).not.toBe(v1.contentHash);
    const versionDiff = await (await dana()).api.versions.diff({ fromVersionId: v1.id, toVersionId: v2.id });
    expect(versionDiff.knowledgeBase).toMatchObject({ before: { number: 1 }, after: { number: 2 } });

    const newer = String((await sw.api.start({ flowId: 'helpdesk' })).body.conversationId);
    expect(((await sw.api.message(newer, question)).body.messages as Array<{ text: string }>)[0]?.text).toMatch(/within ten seconds/);
    // The conversation that started on flow v1 stays on knowledge-base v1, even after a restart.
    await sw.restart();
    expect(((await sw.api.message(old, question)).body.messages as Array<{ text: string }>)[0]?.text).toMatch(/within minutes/);
    await rejects((await dana()).api.flows.commit({ flowId: 'helpdesk', baseRevision: (await (await dana()).api.flows.get({ flowId: 'helpdesk' })).revision, message: 'same' }), 'PRECONDITION_FAILED');
  });

  it('refuses to commit a flow that names a knowledge base with no version, naming the field', async () => {
    const doc = { ...helpFlow('nowhere'), knowledge: { base: 'not-created' } };
    const saved = await (await dana()).api.flows.import({ document: doc });
    const refused = await rejects((await dana()).api.flows.commit({ flowId: 'nowhere', baseRevision: saved.revision, message: 'try' }), 'BAD_REQUEST');
    expect(refused.data.problems?.[0]).toMatchObject({ path: 'knowledge.base', code: 'knowledge_base_not_loaded' });
  });

  it('exports the draft and versions as JSON, CSV and Markdown that import back', async () => {
    const api = (await sw.world.as('ann')).api;
    const json = await api.knowledge.export({ kbId: 'help', format: 'json' });
    const doc = JSON.parse(json.files[0]!.text) as KnowledgeBaseDocument;
    const csv = await api.knowledge.export({ kbId: 'help', format: 'csv' });
    const md = await api.knowledge.export({ kbId: 'help', format: 'markdown' });
    expect(md.files).toHaveLength(doc.articles.length);
    const kb = await (await dana()).api.knowledge.create({ id: 'copy', name: 'Copy', locale: 'en' });
    const fromCsv = await (await dana()).api.knowledge.import({ kbId: 'copy', baseRevision: kb.revision, files: [{ name: csv.files[0]!.name, text: csv.files[0]!.text }] });
    const fromMd = await (await dana()).api.knowledge.import({ kbId: 'copy', baseRevision: fromCsv.revision, mode: 'replace', files: md.files.map((f) => ({ name: f.name, text: f.text })) });
    expect(fromMd).toMatchObject({ added: 0, replaced: doc.articles.length, removed: 0 });
    const copy = await (await dana()).api.knowledge.get({ kbId: 'copy' });
    expect(copy.document.articles).toEqual(doc.articles);
  });
});

describe.each(dialects)('seeding knowledge bases on $name', (dialect) => {
  it('seeds flows/knowledge as version 1 before the flows that name it, and pins them to it', async () => {
    const sw = await openSiteWorld(dialect);
    try {
      const report = await seedFlows(sw.database.db, { dir: 'flows', now: new Date('2026-11-27T09:00:00Z') });
      expect(report.knowledge.seeded).toMatchObject([{ file: 'knowledge/banking-help-centre.json', kbId: 'banking-help-centre' }]);
      expect(report.skipped).toEqual([]);
      const api = (await sw.world.as('rita')).api;
      const kb = await api.knowledge.get({ kbId: 'banking-help-centre' });
      expect(kb.versions).toMatchObject([{ number: 1, usedByFlows: ['banking-help'] }]);
      expect(kb.usedBy).toContainEqual({ flowId: 'banking-help', nodeId: expect.any(String), threshold: 0.5 });
      const [version] = await api.versions.list({ flowId: 'banking-help' });
      expect(version?.knowledge).toEqual({ kbId: 'banking-help-centre', versionId: kb.versions[0]!.id, number: 1 });
      // Seeding again (a later start on the same database) leaves the stored knowledge base alone.
      const again = await seedFlows(sw.database.db, { dir: 'flows', now: new Date('2026-11-27T10:00:00Z') });
      expect(again.knowledge.seeded).toEqual([]);
    } finally {
      await sw.close();
    }
  }, 120_000);
});
