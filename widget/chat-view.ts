// The widget's DOM, inside a shadow root: launcher, panel, message log, typing indicator,
// "talk to a human", composer and the rating form. Every text goes in through textContent, so
// HTML in a message stays text. Accessible by keyboard and screen reader: labelled controls, a
// log region announcing new messages, Escape to close, focus returned to the launcher.
import { styles } from './styles.ts';

export type Role = 'user' | 'bot' | 'agent' | 'system';

export interface ViewHandlers {
  onToggle(open: boolean): void;
  onSend(text: string): void;
  onHuman(): void;
  onRate(score: number, comment: string): void;
  onRestart(): void;
  onRetry(element: HTMLElement): void;
}

const icons = {
  chat: '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z"/></svg>',
  close: '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18"/></svg>',
  minimise: '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" aria-hidden="true"><path d="M6 9l6 6 6-6"/></svg>',
  send: '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M5 12h13M13 6l6 6-6 6"/></svg>',
  person: '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true"><circle cx="12" cy="8" r="4"/><path d="M4 21c1.5-4 4.5-6 8-6s6.5 2 8 6"/></svg>',
  bot: '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><rect x="4" y="7" width="16" height="12" rx="4"/><path d="M12 3v4M9 13h.01M15 13h.01"/></svg>',
};

/** Creates an element with attributes and (text-only) content. */
/** The three animated dots of a typing indicator (hidden from screen readers, which read its text). */
const typingDots = () => [0, 1, 2].map(() => h('i', { 'aria-hidden': 'true' }));

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Static SVG markup from the constant table above (never message text). */
function icon<T extends HTMLElement>(el: T, svg: string): T {
  el.insertAdjacentHTML('afterbegin', svg);
  return el;
}

const speaker: Record<Role, string> = { user: 'You', bot: 'Assistant', agent: 'Agent', system: 'Notice' };

export class ChatView {
  readonly root: HTMLDivElement;
  private readonly launcher: HTMLButtonElement;
  private readonly badge: HTMLSpanElement;
  private readonly panel: HTMLElement;
  private readonly subtitle: HTMLParagraphElement;
  private readonly subtitleText: HTMLSpanElement;
  private readonly dot: HTMLSpanElement;
  private readonly avatar: HTMLDivElement;
  private readonly human: HTMLButtonElement;
  private readonly connection: HTMLSpanElement;
  private readonly log: HTMLDivElement;
  private readonly typing: HTMLDivElement;
  private readonly agentTyping: HTMLDivElement;
  private readonly error: HTMLDivElement;
  private readonly composer: HTMLFormElement;
  private readonly input: HTMLTextAreaElement;
  private readonly send: HTMLButtonElement;
  private readonly csat: HTMLFormElement;
  private readonly restart: HTMLButtonElement;
  private unread = 0;
  private isOpen = false;

  constructor(
    host: HTMLElement,
    private readonly o: { title: string; subtitle: string; accent: string; handlers: ViewHandlers },
  ) {
    const shadow = host.attachShadow({ mode: 'open' });
    const style = h('style');
    style.textContent = styles;
    shadow.append(style);
    this.root = h('div', { class: 'root', part: 'root' });
    this.root.style.setProperty('--sb-accent', o.accent);
    shadow.append(this.root);

    this.panel = h('section', { class: 'panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'sb-title', id: 'sb-panel' });
    const header = h('div', { class: 'header' });
    this.avatar = icon(h('div', { class: 'avatar', 'aria-hidden': 'true' }), icons.bot);
    const heading = h('div', { class: 'heading' });
    const title = h('h2', { class: 'title', id: 'sb-title' }, o.title);
    this.subtitle = h('p', { class: 'subtitle' });
    this.dot = h('span', { class: 'dot', 'aria-hidden': 'true' });
    this.subtitleText = h('span', {}, o.subtitle);
    this.subtitle.append(this.dot, this.subtitleText);
    heading.append(title, this.subtitle);
    const minimise = icon(h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Minimise chat' }), icons.minimise);
    minimise.addEventListener('click', () => this.setOpen(false, true));
    header.append(this.avatar, heading, minimise);

    const toolbar = h('div', { class: 'toolbar' });
    this.human = icon(h('button', { type: 'button', class: 'human' }), icons.person);
    this.human.append(h('span', {}, 'Talk to a human'));
    this.human.addEventListener('click', () => o.handlers.onHuman());
    this.connection = h('span', { class: 'connection', role: 'status' });
    toolbar.append(this.human, this.connection);

    this.log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'Conversation', tabindex: '0' });
    this.csat = this.buildCsat();
    this.restart = h('button', { type: 'button', class: 'restart' }, 'Start a new conversation');
    this.restart.addEventListener('click', () => o.handlers.onRestart());

    this.typing = h('div', { class: 'typing', role: 'status' });
    this.typing.append(h('span', { class: 'sr-only' }, 'The assistant is typing'), ...typingDots());
    this.agentTyping = h('div', { class: 'typing agent', role: 'status' });
    this.error = h('div', { class: 'error', role: 'alert' });

    this.composer = h('form', { class: 'composer' });
    const label = h('label', { for: 'sb-input', class: 'sr-only' }, 'Type your message');
    this.input = h('textarea', { id: 'sb-input', rows: '1', placeholder: 'Type your message…', maxlength: '4000', autocomplete: 'off', enterkeyhint: 'send' });
    this.send = icon(h('button', { type: 'submit', class: 'send', 'aria-label': 'Send message', disabled: '' }), icons.send);
    this.composer.append(label, this.input, this.send);
    this.composer.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.submit();
      }
    });
    this.input.addEventListener('input', () => {
      this.send.disabled = this.input.value.trim() === '';
      this.input.style.height = 'auto';
      this.input.style.height = `${Math.min(this.input.scrollHeight, 120)}px`;
    });

    const footer = h('div', { class: 'footer' }, 'Powered by Switchboard');
    this.panel.append(header, toolbar, this.log, this.typing, this.agentTyping, this.error, this.composer, footer);
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.setOpen(false, true);
      }
    });

    this.launcher = icon(h('button', { type: 'button', class: 'launcher', 'aria-label': `Open chat: ${o.title}`, 'aria-expanded': 'false', 'aria-controls': 'sb-panel' }), icons.chat);
    this.badge = h('span', { class: 'badge', 'aria-hidden': 'true' });
    this.launcher.append(this.badge);
    this.launcher.addEventListener('click', () => this.setOpen(!this.isOpen, true));
    this.root.append(this.panel, this.launcher);
  }

  private buildCsat(): HTMLFormElement {
    const form = h('form', { class: 'csat', 'aria-label': 'Rate this conversation' });
    const fieldset = h('fieldset');
    fieldset.append(h('legend', {}, 'How would you rate this conversation?'));
    const stars = h('div', { class: 'stars' });
    const words = ['Very poor', 'Poor', 'OK', 'Good', 'Excellent'];
    for (let score = 1; score <= 5; score++) {
      const id = `sb-star-${score}`;
      const input = h('input', { type: 'radio', name: 'score', value: String(score), id });
      const label = h('label', { for: id, class: 'star', title: words[score - 1]! });
      label.append(h('span', { 'aria-hidden': 'true' }, '★'), h('span', { class: 'sr-only' }, `${score} of 5: ${words[score - 1]}`));
      stars.append(input, label);
    }
    fieldset.append(stars);
    const comment = h('label', { class: 'comment' }, 'Anything we could do better? (optional)');
    const textarea = h('textarea', { name: 'comment', maxlength: '2000', rows: '2' });
    comment.append(textarea);
    const submit = h('button', { type: 'submit', class: 'submit', disabled: '' }, 'Send rating');
    form.append(fieldset, comment, submit);
    form.addEventListener('change', () => (submit.disabled = !form.querySelector('input:checked')));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const checked = form.querySelector<HTMLInputElement>('input[name="score"]:checked');
      if (!checked) return;
      submit.disabled = true;
      this.o.handlers.onRate(Number(checked.value), textarea.value.trim());
    });
    return form;
  }

  private submit(): void {
    const text = this.input.value.trim();
    if (!text || this.input.disabled) return;
    this.input.value = '';
    this.input.style.height = 'auto';
    this.send.disabled = true;
    this.o.handlers.onSend(text);
  }

  get open(): boolean {
    return this.isOpen;
  }

  setOpen(open: boolean, byUser = false): void {
    if (open === this.isOpen) return;
    this.isOpen = open;
    this.panel.classList.toggle('open', open);
    this.launcher.setAttribute('aria-expanded', String(open));
    this.launcher.setAttribute('aria-label', open ? `Close chat: ${this.o.title}` : `Open chat: ${this.o.title}`);
    this.launcher.querySelector('svg')?.remove();
    icon(this.launcher, open ? icons.minimise : icons.chat);
    if (open) {
      this.unread = 0;
      this.badge.classList.remove('show');
      this.scrollToEnd();
      if (byUser) setTimeout(() => (this.input.disabled ? this.log : this.input).focus(), 30);
    } else if (byUser) {
      this.launcher.focus();
    }
    this.o.handlers.onToggle(open);
  }

  /** Appends a message; returns its element. */
  addMessage(m: { id?: number; role: Role; text: string; author?: string | null }, o: { pending?: boolean; live?: boolean } = {}): HTMLElement {
    if (m.role === 'system') return this.notice(m.text);
    const el = h('div', { class: `msg ${m.role}${o.pending ? ' pending' : ''}` });
    if (m.id !== undefined) el.dataset.id = String(m.id);
    if (m.role === 'agent') el.append(h('span', { class: 'author', 'aria-hidden': 'true' }, m.author ? `${m.author} · Support team` : 'Support team'));
    const bubble = h('div', { class: 'bubble' });
    bubble.append(h('span', { class: 'sr-only' }, `${m.role === 'agent' && m.author ? m.author : speaker[m.role]}: `), h('span', { class: 'text' }, m.text));
    el.append(bubble);
    this.append(el);
    if (!this.isOpen && m.role !== 'user' && o.live !== false) {
      this.unread++;
      this.badge.textContent = String(this.unread);
      this.badge.classList.add('show');
    }
    return el;
  }

  /** Marks a sent message as stored, showing the text as stored. */
  confirm(el: HTMLElement, id: number, text: string): void {
    el.classList.remove('pending', 'failed');
    el.dataset.id = String(id);
    const shown = el.querySelector('.text');
    if (shown && shown.textContent !== text) shown.textContent = text;
    el.querySelector('.retry')?.remove();
  }

  fail(el: HTMLElement): void {
    el.classList.remove('pending');
    el.classList.add('failed');
    if (el.querySelector('.retry')) return;
    const retry = h('button', { type: 'button', class: 'retry' }, 'Not sent — try again');
    retry.addEventListener('click', () => this.o.handlers.onRetry(el));
    el.append(retry);
  }

  /** A centred line in the log (handoff progress, an agent joining, the end). */
  notice(text: string, kind: 'info' | 'handoff' = 'info'): HTMLElement {
    const el = h('div', { class: `notice${kind === 'handoff' ? ' handoff' : ''}` }, text);
    this.append(el);
    return el;
  }

  setTyping(on: boolean): void {
    this.typing.classList.toggle('show', on);
    if (on) this.scrollToEnd();
  }

  /** "Alex is typing…" under the log (null hides it); a status, so screen readers announce it. */
  setAgentTyping(name: string | null): void {
    if (name === null) {
      this.agentTyping.classList.remove('show');
      this.agentTyping.replaceChildren();
      return;
    }
    this.agentTyping.replaceChildren(h('span', { class: 'who' }, `${name} is typing`), ...typingDots());
    this.agentTyping.classList.add('show');
    this.scrollToEnd();
  }

  /** Header line, avatar and the human button for the conversation's state. */
  setPresence(o: { mode: 'bot' | 'waiting' | 'agent' | 'ended'; text: string; agent?: string }): void {
    this.subtitleText.textContent = o.text;
    this.dot.className = `dot${o.mode === 'waiting' ? ' waiting' : o.mode === 'ended' ? ' offline' : ''}`;
    this.avatar.textContent = '';
    if (o.mode === 'agent' && o.agent) this.avatar.textContent = o.agent.slice(0, 1).toUpperCase();
    else icon(this.avatar, o.mode === 'bot' ? icons.bot : icons.person);
    const humanLabel = this.human.querySelector('span')!;
    const available = o.mode === 'bot';
    const hadFocus = (this.human.getRootNode() as ShadowRoot).activeElement === this.human;
    this.human.disabled = !available;
    // A disabled button drops focus to <body>; keep keyboard users inside the chat.
    if (hadFocus && !available) (this.input.disabled ? this.log : this.input).focus();
    humanLabel.textContent = o.mode === 'waiting' ? 'Connecting you to a person…' : o.mode === 'agent' ? `You're chatting with ${o.agent ?? 'a person'}` : o.mode === 'ended' ? 'Conversation ended' : 'Talk to a human';
  }

  setConnection(text: string): void {
    this.connection.textContent = text;
  }

  setComposer(enabled: boolean, placeholder = 'Type your message…'): void {
    this.input.disabled = !enabled;
    this.input.placeholder = placeholder;
    this.composer.classList.toggle('hidden', !enabled);
  }

  showError(text: string | null): void {
    this.error.textContent = text ?? '';
    this.error.classList.toggle('show', text !== null);
  }

  showCsat(show: boolean): void {
    if (show) this.append(this.csat);
    this.csat.classList.toggle('show', show);
    if (show) this.scrollToEnd();
  }

  csatDone(score: number): void {
    this.csat.classList.remove('show');
    this.notice(`Thanks for rating us ${score} out of 5.`);
  }

  showRestart(show: boolean): void {
    if (show) this.append(this.restart);
    this.restart.classList.toggle('show', show);
  }

  clear(): void {
    this.log.textContent = '';
    this.csat.reset();
    this.csat.classList.remove('show');
    this.restart.classList.remove('show');
  }

  /** Adds to the log, keeping the rating form and then the restart button last. */
  private append(el: HTMLElement): void {
    const tail = el === this.restart ? [] : el === this.csat ? [this.restart] : [this.csat, this.restart];
    const anchor = tail.find((x) => x.parentElement === this.log && x.classList.contains('show'));
    if (anchor) this.log.insertBefore(el, anchor);
    else this.log.append(el);
    this.scrollToEnd();
  }

  private scrollToEnd(): void {
    this.log.scrollTop = this.log.scrollHeight;
    // Again after layout settles (a form just shown, the composer just hidden).
    requestAnimationFrame(() => (this.log.scrollTop = this.log.scrollHeight));
  }
}
