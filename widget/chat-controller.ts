// The widget's behaviour: starts or resumes the visitor's conversation, sends messages (each with
// its own idempotency key, retried safely), applies the conversation's events in order — from the
// live stream and from catch-up reads alike, each once — and shows handoff, agent and end states.
import type { SiteEvent, SiteHandoff, SiteMessage, SiteSignal } from '../shared/api/site.ts';
import { newKey, SiteApiClient } from './api-client.ts';
import { ChatView } from './chat-view.ts';
import { EventStream } from './event-stream.ts';
import { loadSaved, panelWasOpen, rememberPanel, save } from './saved-conversation.ts';
import type { WidgetConfig } from './widget-config.ts';

interface Pending {
  el: HTMLElement;
  text: string;
  key: string;
}

/** How the conversation was last presented, so notices appear once per change. */
type Presence = 'none' | 'bot' | 'waiting' | `agent:${string}` | 'ended';

const queueLabel = (queue: string) => queue.replace(/[_-]+/g, ' ');

/** How long "… is typing" stays without a new signal (the inbox sends one every ~2.5 s while the agent types). */
const AGENT_TYPING_MS = 6000;

export class ChatController {
  private readonly api: SiteApiClient;
  private readonly view: ChatView;
  private conversationId: string | null = null;
  private lastSeq = 0;
  private presence: Presence = 'none';
  private rated = false;
  private ended = false;
  private replaying = false;
  /** Hides "… is typing" when the agent's signals stop (they come every few seconds while the agent types). */
  private agentTypingTimer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = 0;
  private pending: Pending[] = [];
  private stream: EventStream | null = null;
  private starting: Promise<boolean> | null = null;
  private syncing: Promise<void> | null = null;
  private syncAgain = false;

  constructor(
    host: HTMLElement,
    private readonly config: WidgetConfig,
  ) {
    this.api = new SiteApiClient(config.apiBase, config.siteKey);
    this.view = new ChatView(host, {
      title: config.title,
      subtitle: config.subtitle,
      accent: config.accent,
      handlers: {
        onToggle: (open) => {
          rememberPanel(config.siteKey, config.flowId, open);
          if (open && !this.conversationId) void this.ensureConversation();
        },
        onSend: (text) => void this.send(text),
        onHuman: () => void this.requestHuman(),
        onRate: (score, comment) => void this.rate(score, comment),
        onRestart: () => void this.restart(),
        onRetry: (el) => {
          const entry = this.pending.find((p) => p.el === el);
          if (entry) void this.deliver(entry);
        },
      },
    });
    this.present('bot', null, null);
  }

  async init(): Promise<void> {
    const saved = loadSaved(this.config.siteKey, this.config.flowId);
    if (saved) await this.resume(saved.conversationId);
    if (this.config.openOnLoad || panelWasOpen(this.config.siteKey, this.config.flowId)) this.view.setOpen(true);
  }

  open(): void {
    this.view.setOpen(true, true);
  }

  close(): void {
    this.view.setOpen(false, true);
  }

  private async resume(id: string): Promise<void> {
    this.conversationId = id;
    this.replaying = true;
    const ok = await this.sync();
    this.replaying = false;
    if (!ok) {
      // Gone (or from another site key): forget it; a new one starts when the panel opens.
      this.forget();
      return;
    }
    this.follow();
  }

  private ensureConversation(): Promise<boolean> {
    if (this.conversationId) return Promise.resolve(true);
    this.starting ??= this.start().finally(() => (this.starting = null));
    return this.starting;
  }

  private async start(): Promise<boolean> {
    this.view.setTyping(true);
    const started = await this.api.start({
      flowId: this.config.flowId,
      channel: this.config.channel,
      ...(this.config.customer ? { customer: this.config.customer } : {}),
      ...(this.config.customerToken ? { customerToken: this.config.customerToken } : {}),
      ...(this.config.personalisation ? {} : { personalisation: false }),
    });
    this.view.setTyping(false);
    if (!started.ok) {
      this.view.showError(`We couldn't start the chat: ${started.message}`);
      return false;
    }
    this.view.showError(null);
    this.conversationId = started.value.conversationId;
    save(this.config.siteKey, this.config.flowId, { conversationId: started.value.conversationId });
    await this.sync();
    this.follow();
    return true;
  }

  private follow(): void {
    if (!this.conversationId) return;
    this.stream?.stop();
    this.stream = new EventStream({
      url: this.api.eventsUrl(this.conversationId),
      authorization: this.api.authorization,
      lastEventId: () => this.lastSeq,
      onEvent: (e) => (e.type === 'typing' ? this.showAgentTyping(e) : this.apply(e)),
      onConnection: (connected) => this.view.setConnection(connected ? '' : 'Reconnecting…'),
    });
    this.stream.start();
  }

  /** Reads every event after the last one applied; false when the conversation is not there. */
  private async sync(): Promise<boolean> {
    if (this.syncing) {
      this.syncAgain = true;
      await this.syncing;
      return this.conversationId !== null;
    }
    let found = true;
    this.syncing = (async () => {
      do {
        this.syncAgain = false;
        for (;;) {
          const id = this.conversationId;
          if (!id) return;
          const page = await this.api.eventsAfter(id, this.lastSeq);
          if (!page.ok) {
            if (page.status === 404 || page.status === 401) found = false;
            return;
          }
          for (const e of page.value.events) this.apply(e);
          if (page.value.events.length < 500) break;
        }
      } while (this.syncAgain);
    })().finally(() => (this.syncing = null));
    await this.syncing;
    return found;
  }

  /** Applies events strictly in order; a gap triggers a catch-up read instead. */
  private apply(e: SiteEvent): void {
    if (e.id <= this.lastSeq) return;
    if (e.id > this.lastSeq + 1) {
      void this.sync();
      return;
    }
    this.lastSeq = e.id;
    if (e.type === 'message') this.showMessage(e.message);
    else if (e.type === 'status') this.present(e.status === 'active' ? 'bot' : e.status === 'ended' ? 'ended' : 'escalated', e.handoff, e.outcome);
    else {
      this.rated = true;
      if (this.ended) this.view.csatDone(e.score);
    }
  }

  private showMessage(m: SiteMessage): void {
    if (m.role === 'user' && this.pending.length > 0) {
      // The stored text may differ from what was typed (card numbers and the like are redacted).
      const exact = this.pending.findIndex((p) => p.text === m.text);
      const i = exact >= 0 ? exact : 0;
      this.view.confirm(this.pending[i]!.el, m.id, m.text);
      this.pending.splice(i, 1);
      return;
    }
    this.view.addMessage({ id: m.id, role: m.role, text: m.text, author: m.author }, { live: !this.replaying });
    if (m.role === 'bot') this.view.setTyping(false);
    if (m.role === 'agent') this.hideAgentTyping();
  }

  /** Shows "<agent> is typing" while the agent holds the conversation, for a few seconds after each signal. */
  private showAgentTyping(signal: SiteSignal): void {
    if (!this.presence.startsWith('agent:')) return;
    this.view.setAgentTyping(signal.author);
    clearTimeout(this.agentTypingTimer);
    this.agentTypingTimer = setTimeout(() => this.hideAgentTyping(), AGENT_TYPING_MS);
  }

  private hideAgentTyping(): void {
    clearTimeout(this.agentTypingTimer);
    this.view.setAgentTyping(null);
  }

  private present(status: 'bot' | 'escalated' | 'ended', handoff: SiteHandoff | null, outcome: string | null): void {
    let next: Presence;
    if (status === 'ended') next = 'ended';
    else if (status === 'escalated' && handoff?.state === 'assigned' && handoff.agent) next = `agent:${handoff.agent.name}`;
    else if (status === 'escalated') next = 'waiting';
    else next = 'bot';
    if (next === this.presence) return;
    const previous = this.presence;
    this.presence = next;
    this.hideAgentTyping();
    this.ended = next === 'ended';
    if (next === 'bot') {
      this.view.setPresence({ mode: 'bot', text: this.config.subtitle });
      this.view.setComposer(true);
    } else if (next === 'waiting') {
      const team = handoff ? `our ${queueLabel(handoff.queue)} team` : 'a member of our team';
      this.view.setPresence({ mode: 'waiting', text: `Connecting you to ${team}…` });
      this.view.notice(`Connecting you to ${team}. You can keep writing; they will see the whole conversation.`, 'handoff');
      this.view.setComposer(true, 'Add anything that might help…');
    } else if (next.startsWith('agent:')) {
      const name = next.slice('agent:'.length);
      this.view.setPresence({ mode: 'agent', text: `${name} · Support team`, agent: name });
      this.view.notice(`${name} joined the conversation.`);
      this.view.setComposer(true);
    } else {
      this.view.setPresence({ mode: 'ended', text: 'This conversation has ended' });
      if (previous !== 'none' || this.replaying) this.view.notice(outcome === 'abandoned' ? 'The conversation was closed.' : 'The conversation has ended.');
      this.view.setComposer(false, 'This conversation has ended');
      this.view.showCsat(!this.rated);
      this.view.showRestart(true);
    }
  }

  private async send(text: string): Promise<void> {
    const entry: Pending = { el: this.view.addMessage({ role: 'user', text }, { pending: true }), text, key: newKey() };
    this.pending.push(entry);
    if (!(await this.ensureConversation())) {
      this.view.fail(entry.el);
      return;
    }
    await this.deliver(entry);
  }

  /** Sends one message, retrying with the same key on network failures or 5xx. */
  private async deliver(entry: Pending): Promise<void> {
    const id = this.conversationId;
    if (!id) return;
    entry.el.classList.add('pending');
    entry.el.classList.remove('failed');
    this.inFlight++;
    this.view.setTyping(true);
    let result = await this.api.send(id, entry.text, entry.key);
    for (let attempt = 1; !result.ok && attempt < 4 && (result.status === 0 || result.status >= 500 || result.code === 'conversation_busy'); attempt++) {
      await new Promise((r) => setTimeout(r, 400 * 2 ** attempt));
      result = await this.api.send(id, entry.text, entry.key);
    }
    if (result.ok) {
      this.view.showError(null);
      await this.sync();
    } else {
      this.view.fail(entry.el);
      this.view.showError(result.message);
    }
    this.inFlight--;
    this.view.setTyping(this.inFlight > 0);
  }

  private async requestHuman(): Promise<void> {
    if (!(await this.ensureConversation()) || !this.conversationId) return;
    this.inFlight++;
    this.view.setTyping(true);
    const result = await this.api.requestHuman(this.conversationId, newKey());
    if (result.ok) await this.sync();
    else this.view.showError(result.message);
    this.inFlight--;
    this.view.setTyping(this.inFlight > 0);
  }

  private async rate(score: number, comment: string): Promise<void> {
    if (!this.conversationId) return;
    const result = await this.api.rate(this.conversationId, score, comment);
    if (!result.ok) {
      this.view.showError(result.message);
      return;
    }
    await this.sync();
  }

  private forget(): void {
    this.stream?.stop();
    this.stream = null;
    this.conversationId = null;
    this.lastSeq = 0;
    this.pending = [];
    this.rated = false;
    this.presence = 'none';
    save(this.config.siteKey, this.config.flowId, null);
    this.view.clear();
    this.present('bot', null, null);
  }

  private async restart(): Promise<void> {
    this.forget();
    await this.ensureConversation();
  }
}
