// The agent inbox beyond claim/reply/resolve: the live queue and handoff pushed over SSE, handing a
// conversation back to the bot at a node (the customer's next message is answered from there),
// the agent's label on each escalation and the training suggestions designers add or dismiss.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxDetail, InboxItem } from '../../shared/api/inbox.ts';
import type { TrainingSuggestion } from '../../shared/api/suggestions.ts';
import { PASSWORD, dialects, rejects } from '../server/harness.ts';
import { chatFlow } from './fixtures.ts';
import { EventStreamClient, StudioHttpClient, openSiteWorld, type SiteWorld } from './site-harness.ts';
import { Subscription } from './trpc-subscription.ts';

describe.each(dialects)('inbox live views, hand-back and feedback on $name', (dialect) => {
  let sw: SiteWorld;
  let alex: StudioHttpClient;
  const closers: Array<{ close(): void }> = [];

  beforeAll(async () => {
    sw = await openSiteWorld(dialect, { flows: [chatFlow('chat')] });
    alex = await StudioHttpClient.signIn(sw.base, 'alex@example.com', PASSWORD);
  });
  afterAll(async () => {
    for (const c of closers) c.close();
    await sw?.close();
  });

  /** A conversation escalated by the lost-card rule, claimed by Alex; returns ids and the widget's stream. */
  async function escalated(text = 'I lost my card') {
    const conversationId = String((await sw.api.start()).body.conversationId);
    await sw.api.message(conversationId, text);
    const queue = await alex.query<InboxItem[]>('inbox.list', {});
    const item = queue.data.find((i) => i.conversationId === conversationId)!;
    expect(item).toBeDefined();
    return { conversationId, handoffId: item.handoffId };
  }

  it('pushes a new handoff to the live queue and changes to the open handoff', async () => {
    const feed = new Subscription<InboxItem[]>(sw.base, 'inbox.feed', { queues: ['fraud'] }, alex.cookieHeader());
    closers.push(feed);
    await feed.waitFor(() => true);
    const conversationId = String((await sw.api.start()).body.conversationId);
    await sw.api.message(conversationId, 'my card was stolen');
    const list = await feed.waitFor((items) => items.some((i) => i.conversationId === conversationId), 2000);
    const item = list.find((i) => i.conversationId === conversationId)!;
    expect(item).toMatchObject({ queue: 'fraud', status: 'waiting', claimedBy: null });

    const watch = new Subscription<InboxDetail>(sw.base, 'inbox.watch', { handoffId: item.handoffId }, alex.cookieHeader());
    closers.push(watch);
    await watch.waitFor((d) => d.item.handoffId === item.handoffId);
    await sw.api.message(conversationId, 'are you there?');
    const live = await watch.waitFor((d) => d.messages.some((m) => m.text === 'are you there?'), 2000);
    expect(live.resumePoints.map((p) => p.nodeId)).toEqual(['greet', 'hello_known', 'hello', 'route', 'balance_msg', 'lookup', 'order_msg', 'order_err', 'rate', 'sorry']);
    expect(live.intents).toEqual(['balance', 'card_lost', 'order', 'goodbye']);

    expect((await alex.mutate('inbox.claim', { handoffId: item.handoffId })).status).toBe(200);
    await feed.waitFor((items) => items.some((i) => i.handoffId === item.handoffId && i.claimedBy?.name === 'Alex'), 2000);
  });

  it('hands a conversation back to the bot at a chosen node; the next message is answered from there', async () => {
    const { conversationId, handoffId } = await escalated();
    const stream = new EventStreamClient(`${sw.base}/api/v1/conversations/${conversationId}/events`, sw.key);
    closers.push(stream);
    expect((await alex.mutate('inbox.handBack', { handoffId, nodeId: 'route' })).status).toBe(412);
    expect((await alex.mutate('inbox.claim', { handoffId })).status).toBe(200);

    const start = await alex.mutate('inbox.handBack', { handoffId, nodeId: 'start' });
    expect([start.status, start.error?.message]).toEqual([400, 'nodeId: The bot cannot resume at node "start": it is a start node. Pick a message, question, intent, condition, set, action or rating node.']);
    const handoff = await alex.mutate('inbox.handBack', { handoffId, nodeId: 'human' });
    expect([handoff.status, handoff.error?.message]).toEqual([400, expect.stringContaining('it is a handoff node')]);
    const unknown = await alex.mutate('inbox.handBack', { handoffId, nodeId: 'nowhere' });
    expect([unknown.status, unknown.error?.message]).toEqual([400, 'nodeId: The flow version of this conversation has no node "nowhere".']);

    const back = await alex.mutate<{ status: string }>('inbox.handBack', { handoffId, nodeId: 'hello' });
    expect([back.status, back.data.status]).toEqual([200, 'active']);
    const events = await stream.waitFor((e) => e.filter((x) => x.type === 'message' && x.message.text.startsWith('Hi there')).length === 2);
    const after = events.slice(events.findIndex((e) => e.type === 'status' && e.status === 'active'));
    expect(after.map((e) => (e.type === 'message' ? `${e.message.role}:${e.message.text}` : `${e.type}:${e.type === 'status' ? e.status : ''}`))).toEqual([
      'status:active',
      'bot:You are back with our virtual assistant.',
      'bot:Hi there! Ask me about your balance or an order.',
    ]);

    // The bot answers again, from the intent router the greeting leads to.
    const reply = await sw.api.message(conversationId, 'what is my balance');
    expect(reply.body).toMatchObject({ status: 'active', messages: [{ role: 'bot', text: 'Your balance is 42.00 EUR.' }] });
    const row = await sw.database.db.selectFrom('handoffs').select(['status', 'outcome', 'resolved_by']).where('id', '=', handoffId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'resolved', outcome: 'handed_back', resolved_by: sw.world.ids.alex });
    expect((await alex.mutate('inbox.handBack', { handoffId, nodeId: 'route' })).status).toBe(409);

    // Escalating again is a new handoff in the queue.
    await sw.api.message(conversationId, 'someone stole my card');
    const queue = await alex.query<InboxItem[]>('inbox.list', {});
    expect(queue.data.filter((i) => i.conversationId === conversationId).map((i) => i.status)).toEqual(['waiting']);
  });

  it('keeps one label per handoff and refuses intents the flow version does not have', async () => {
    const { handoffId, conversationId } = await escalated('I lost my card');
    const unknown = await alex.mutate('inbox.label', { handoffId, escalationNeeded: false, correctIntent: 'refund' });
    expect(unknown.status).toBe(400);
    expect(unknown.error?.message).toBe('correctIntent: the flow version of this conversation has no intent "refund"; pick one of "balance", "card_lost", "order", "goodbye".');
    expect((await alex.mutate('inbox.label', { handoffId, escalationNeeded: 'no' })).status).toBe(400);

    expect((await alex.mutate('inbox.label', { handoffId, escalationNeeded: false, correctIntent: 'balance' })).status).toBe(200);
    expect((await alex.mutate('inbox.label', { handoffId, escalationNeeded: true, correctIntent: null })).status).toBe(200);
    const rows = await sw.database.db.selectFrom('handoff_labels').selectAll().where('handoff_id', '=', handoffId).execute();
    expect(rows).toEqual([
      expect.objectContaining({ conversation_id: conversationId, escalation_needed: 1, correct_intent: null, example_text: null, suggestion_status: null, labelled_by: sw.world.ids.alex }),
    ]);
    const again = await alex.mutate('inbox.label', { handoffId, escalationNeeded: false, correctIntent: 'card_lost' });
    expect(again.status).toBe(200);
    const detail = await alex.query<InboxDetail>('inbox.get', { handoffId });
    expect(detail.data.label).toMatchObject({ escalationNeeded: false, correctIntent: 'card_lost', exampleText: 'I lost my card', suggestionStatus: 'open', labelledBy: { name: 'Alex' } });
  });

  it('lets designers add suggested examples to the draft once, with conflicts named, or dismiss them', async () => {
    const dana = await sw.world.as('dana');
    const stale = await dana.api.suggestions.list({ flowId: 'chat' });
    for (const s of stale) await dana.api.suggestions.dismiss({ handoffId: s.handoffId });

    const first = await escalated('my card got eaten by the machine');
    const second = await escalated('My card got eaten by the machine ');
    const third = await escalated('card stuck in atm');
    for (const h of [first, second, third]) expect((await alex.mutate('inbox.label', { handoffId: h.handoffId, escalationNeeded: true, correctIntent: 'card_lost' })).status).toBe(200);

    const listed: TrainingSuggestion[] = await dana.api.suggestions.list({ flowId: 'chat' });
    expect(listed.map((s) => [s.text, s.intent, s.labelledBy.name])).toEqual([
      ['my card got eaten by the machine', 'card_lost', 'Alex'],
      ['My card got eaten by the machine', 'card_lost', 'Alex'],
      ['card stuck in atm', 'card_lost', 'Alex'],
    ]);
    await rejects((await sw.world.as('alex')).api.suggestions.list({ flowId: 'chat' }), 'FORBIDDEN');

    // Someone saved the draft after the designer loaded it: adding names the conflict and changes nothing.
    const loaded = await dana.api.flows.get({ flowId: 'chat' });
    const dave = await sw.world.as('dave');
    await dave.api.flows.saveDraft({ flowId: 'chat', baseRevision: loaded.revision, document: { ...loaded.document, name: 'Chat (renamed)' } });
    const conflict = await rejects(dana.api.suggestions.add({ handoffId: first.handoffId, baseRevision: loaded.revision }), 'CONFLICT');
    expect(conflict.error.message).toMatch(/This draft changed since you opened it .* saved by Dave/);
    expect((await dana.api.suggestions.list({ flowId: 'chat' })).length).toBe(3);
    const draft = await dana.api.flows.get({ flowId: 'chat' });

    const added = await dana.api.suggestions.add({ handoffId: first.handoffId, baseRevision: draft.revision });
    expect([added.changed, added.revision]).toEqual([true, draft.revision + 1]);
    await rejects(dana.api.suggestions.add({ handoffId: first.handoffId, baseRevision: added.revision }), 'CONFLICT');
    // The same text again (case and spaces aside) is marked added without a second copy.
    const same = await dana.api.suggestions.add({ handoffId: second.handoffId, baseRevision: added.revision });
    expect([same.changed, same.revision]).toEqual([false, added.revision]);
    const saved = await dana.api.flows.get({ flowId: 'chat' });
    const examples = (saved.document.intents as Array<{ name: string; examples: string[] }>).find((i) => i.name === 'card_lost')!.examples;
    expect(examples.filter((e) => e.toLowerCase().includes('eaten'))).toEqual(['my card got eaten by the machine']);

    await dana.api.suggestions.dismiss({ handoffId: third.handoffId });
    await rejects(dana.api.suggestions.dismiss({ handoffId: third.handoffId }), 'CONFLICT');
    expect(await dana.api.suggestions.list({ flowId: 'chat' })).toEqual([]);
    const statuses = await sw.database.db.selectFrom('handoff_labels').select(['handoff_id', 'suggestion_status']).where('handoff_id', 'in', [first.handoffId, second.handoffId, third.handoffId]).execute();
    expect(Object.fromEntries(statuses.map((s) => [s.handoff_id, s.suggestion_status]))).toEqual({ [first.handoffId]: 'added', [second.handoffId]: 'added', [third.handoffId]: 'dismissed' });
  });
});
