// One turn in progress: the draft state, what the bot says, and the trace. Node executors act
// on it; start/step create it and hand back its parts.
import type { ConversationState, HandoffReason, Json, RankedIntent } from '../../shared/index.ts';
import type { CompiledFlow } from '../compiled-flow.ts';
import type { EngineHost, EngineOutput, TurnTrace } from './types.ts';
import { renderTemplate } from './template.ts';
import { buildHandoffPackage } from './handoff-package.ts';
import { builtInMessages } from './messages.ts';

export class Turn {
  readonly outputs: EngineOutput[] = [];
  readonly trace: TurnTrace;
  steps = 0;
  /** The current message's full ranking (the state keeps only the top few). */
  ranking: RankedIntent[] = [];
  /** The current user message, after cleaning; '' for non-message events. */
  text = '';

  constructor(
    readonly flow: CompiledFlow,
    readonly state: ConversationState,
    readonly host: EngineHost,
    event: TurnTrace['event'],
  ) {
    this.trace = { turn: state.conversation.turns, event, nodes: [], nlu: null, rules: [], notes: [], steps: 0 };
  }

  now(): number {
    return this.host.clock.now();
  }

  say(text: string): void {
    if (!text.trim()) return;
    this.outputs.push({ type: 'message', text });
    this.state.transcript.push({ role: 'bot', text, at: this.now() });
  }

  /** The rule context of DESIGN.md; rebuilt on demand because variables change during a turn. */
  context(): Record<string, Json> {
    const { state } = this;
    const nlu = state.nlu;
    return {
      message: { text: this.text, channel: state.conversation.channel, locale: state.conversation.locale },
      nlu: {
        intent: nlu?.intent ?? null,
        confidence: nlu?.confidence ?? 0,
        margin: nlu?.margin ?? 0,
        outOfScope: nlu?.outOfScope ?? false,
        accepted: nlu?.accepted ?? false,
        ranking: this.ranking.length > 0 ? this.ranking : (nlu?.ranking ?? []),
      },
      vars: state.vars,
      customer: state.customer,
      // Object.assign, not a spread: adding a key to a spread copy takes a slow path in Node 20's V8 (~1.4 µs, against ~0.1 µs).
      conversation: Object.assign({}, state.conversation, { transcriptLength: state.transcript.length }),
      kb: state.kb ?? { articleId: null, title: null, score: 0 },
    };
  }

  render(template: string): string {
    // Most texts have no placeholder (`{{`); the rule context is built only for those that do.
    if (!template.includes('{{')) return template;
    return renderTemplate(template, this.context());
  }

  hasPort(nodeId: string, port: string): boolean {
    return this.flow.edges.get(nodeId)?.has(port) ?? false;
  }

  /** Hands the conversation over: the state is closed for the bot and the package emitted. */
  escalate(reasons: HandoffReason[], text: string = builtInMessages.handoff): void {
    if (this.state.status !== 'active') return;
    this.say(this.render(text));
    this.state.status = 'escalated';
    this.state.waiting = null;
    const handoff = buildHandoffPackage(this.flow, this.state, reasons, this.now(), this.host.allowPii ?? false);
    this.state.handoff = handoff;
    this.outputs.push({ type: 'handoff', handoff });
  }

  systemHandoff(reason: string, name: string, priority: HandoffReason['priority'] = 'normal', text?: string): void {
    this.escalate(
      [{ source: 'system', name, reason, priority, queue: this.flow.doc.settings.defaultQueue, tags: [] }],
      text,
    );
  }

  end(outcome: 'resolved' | 'abandoned'): void {
    this.state.status = 'ended';
    this.state.outcome = outcome;
    this.state.waiting = null;
    this.outputs.push({ type: 'end', outcome });
  }

  /** Drops what the bot said so far this turn (used when a rule escalates instead). */
  retractMessages(): void {
    const said = this.outputs.filter((o) => o.type === 'message').length;
    for (let i = this.outputs.length - 1; i >= 0; i--) if (this.outputs[i]!.type === 'message') this.outputs.splice(i, 1);
    this.state.transcript.splice(this.state.transcript.length - said, said);
  }
}
