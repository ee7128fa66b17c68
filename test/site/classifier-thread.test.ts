// The classifier thread: intent models loaded from their stored JSON on a worker answer exactly as
// the model on the main thread does, each text of a batch gets its own answer, and whenever the
// thread cannot answer (model loading, unloadable or dropped, thread closed) the caller is told to
// classify itself. Through the server, turns classified on the thread store the same NLU results
// as turns classified on the main thread, and /metrics says which thread classified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainClassifier, type IntentClassifier } from '../../runtime/nlu/index.ts';
import { ClassifierThread } from '../../server/site-api/flows/classifier-thread.ts';
import { dialects } from '../server/harness.ts';
import { bankingSubset } from '../nlu/fixtures.ts';
import { chatFlow } from './fixtures.ts';
import { openSiteWorld, type SiteWorld } from './site-harness.ts';

const subset = bankingSubset(12, 30);
const model = trainClassifier(subset.train);
const stored = { key: 'banking-12', locale: 'en', json: JSON.stringify(model.toJSON()) };
const texts = subset.dev.slice(0, 80).map((r) => r.text);

/** Resolves once the thread answers for `classifier` (its model has loaded). */
async function loaded(thread: ClassifierThread, classifier: IntentClassifier): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await thread.classify(classifier, 'hello'))) {
    if (Date.now() > deadline) throw new Error('the model did not load on the classifier thread');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('classifier thread', () => {
  it('answers each text of a batch exactly as the model does on the main thread', async () => {
    const timed: Array<[string, number]> = [];
    const thread = new ClassifierThread({ classified: (locale, seconds) => timed.push([locale, seconds]) });
    try {
      thread.register(model, stored);
      expect(thread.classify(model, texts[0]!)).toBeNull(); // still loading: the caller classifies
      await loaded(thread, model);
      timed.length = 0;
      // Asked in one turn of the event loop: they travel as one batch and come back in order.
      const answers = await Promise.all(texts.map((t) => thread.classify(model, t)));
      answers.forEach((answer, i) => {
        expect(answer).not.toBeNull();
        expect(answer).toEqual(model.classify(texts[i]!));
      });
      expect(answers.filter((a) => !a!.outOfScope).length).toBeGreaterThan(texts.length / 2);
      expect(timed).toHaveLength(texts.length);
      expect(timed.every(([locale, seconds]) => locale === 'en' && seconds >= 0 && seconds < 1)).toBe(true);
      // Unknown words travel too (out of scope, every confidence 0).
      const nonsense = 'zxqv blorp';
      const answer = (await thread.classify(model, nonsense))!;
      expect(answer.outOfScope).toBe(true);
      expect(answer).toEqual(model.classify(nonsense));
    } finally {
      await thread.close();
    }
  });

  it('tells the caller to classify itself for an unknown or unloadable model, a dropped one, and after closing', async () => {
    const failures: string[] = [];
    const thread = new ClassifierThread({ capacity: 1, failed: (error) => failures.push(String(error)) });
    const other = trainClassifier(bankingSubset(3, 10).train);
    expect(thread.classify(other, 'hello')).toBeNull(); // never registered

    const broken: IntentClassifier = { classify: (t) => model.classify(t), toJSON: () => ({ kind: 'nope' }) };
    thread.register(broken, { key: 'broken', locale: 'en', json: '{"kind":"nope"}' });
    thread.register(model, stored); // capacity 1: drops "broken"
    await loaded(thread, model);
    expect(failures).toEqual([expect.stringContaining('could not load model broken: unknown model kind "nope"')]);
    expect(thread.classify(broken, 'hello')).toBeNull();

    thread.register(other, { key: 'other', locale: 'en', json: JSON.stringify(other.toJSON()) }); // drops the banking model
    expect(thread.classify(model, 'hello')).toBeNull();
    await loaded(thread, other);

    const pending = thread.classify(other, 'my card has not arrived');
    expect(pending).not.toBeNull();
    await thread.close();
    expect(await pending).toBeNull();
    expect(thread.classify(other, 'hello')).toBeNull();
  });

  it('answers null, and reports once, when the thread dies', async () => {
    const failures: unknown[] = [];
    const thread = new ClassifierThread({ failed: (error) => failures.push(error) });
    thread.register(model, stored);
    await loaded(thread, model);
    // A crash, as the thread's owner would see one: the worker exits with texts in flight.
    const worker = (thread as unknown as { worker: { terminate(): Promise<number> } }).worker;
    const pending = texts.slice(0, 5).map((t) => thread.classify(model, t));
    void worker.terminate();
    expect(await Promise.all(pending)).toEqual([null, null, null, null, null]);
    await new Promise((r) => setTimeout(r, 50));
    expect(failures).toHaveLength(1);
    expect(String(failures[0])).toContain('the classifier thread exited');
    expect(thread.classify(model, texts[0]!)).toBeNull();
    await thread.close();
  });
});

describe.each(dialects)('turns classified on the classifier thread on $name', (dialect) => {
  let sw: SiteWorld;
  beforeAll(async () => {
    sw = await openSiteWorld(dialect, { flows: [chatFlow('chat')] });
  });
  afterAll(async () => sw?.close());

  const classifications = async (thread: string) => {
    const text = await (await fetch(`${sw.base}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('switchboard_nlu_classify_duration_seconds_count{') && l.includes(`thread="${thread}"`));
    return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
  };
  const messages = ['what is my balance', 'how much money do I have', 'zxqv blorp', 'balance please'];
  /** Bot texts and stored NLU snapshot of each message of a new conversation. */
  const converse = async () => {
    const id = String((await sw.api.start()).body.conversationId);
    const turns = [];
    for (const text of messages) {
      const reply = await sw.api.message(id, text);
      expect(reply.status).toBe(200);
      const row = await sw.database.db.selectFrom('conversations').select('state').where('id', '=', id).executeTakeFirstOrThrow();
      turns.push({ bot: reply.body.messages, nlu: (JSON.parse(row.state) as { nlu: unknown }).nlu });
    }
    return turns.map((t) => ({ ...t, bot: (t.bot as Array<{ text: string }>).map((m) => m.text) }));
  };

  it('stores the same results as classifying on the main thread, and says which thread classified', async () => {
    // The model loads on the thread once the version is compiled (the first turn); until then the main thread classifies.
    const first = String((await sw.api.start()).body.conversationId);
    const deadline = Date.now() + 20_000;
    while ((await classifications('classifier')) === 0) {
      if (Date.now() > deadline) throw new Error('no turn was classified on the classifier thread');
      expect((await sw.api.message(first, 'what is my balance')).status).toBe(200);
    }
    const onThread = await classifications('classifier');
    const onMain = await classifications('main');
    const threaded = await converse();
    expect(await classifications('classifier')).toBe(onThread + messages.length);
    expect(await classifications('main')).toBe(onMain);

    await sw.restart({ classifierThread: false });
    const plain = await converse();
    expect(await classifications('classifier')).toBe(0);
    expect(await classifications('main')).toBe(messages.length);
    expect(threaded).toEqual(plain);
    expect(plain[0]).toMatchObject({ bot: ['Your balance is 42.00 EUR.'], nlu: { intent: 'balance', accepted: true } });
    expect(plain[2]).toMatchObject({ nlu: { accepted: false } });
  });
});
