// A conversation with the current draft, run by the real runtime in the page. Each turn keeps
// what the simulator shows: the bot's words, the path through the graph, the intent ranking
// against the threshold, the rules evaluated, and the variables after the turn.
import type { ConversationState, HandoffPackage, Json } from '../../shared/index.ts';
import { start, step, type CompiledFlow, type EngineEvent, type EngineHost, type EngineOutput, type TurnTrace } from '../../runtime/index.ts';
import type { EditorDoc } from '../document/editor-document.ts';

export interface PendingAction {
  requestId: string;
  action: string;
  input: Record<string, Json>;
}

export interface SimTurn {
  index: number;
  /** What the customer did: a message, "talk to a human", a webhook result, or the opening. */
  user: { kind: 'start' } | { kind: 'message'; text: string } | { kind: 'human' } | { kind: 'action'; action: string; ok: boolean };
  bot: string[];
  status: ConversationState['status'];
  traces: TurnTrace[];
  handoff: HandoffPackage | null;
  ended: 'resolved' | 'abandoned' | null;
  vars: Record<string, Json>;
  pendingAction: PendingAction | null;
}

export interface SimulationOptions {
  channel: string;
  customer: Record<string, Json>;
  locale?: string;
}

export interface ReplayCase {
  id: string;
  messages: string[];
  customer?: Record<string, Json>;
  channel?: string;
}

const host: EngineHost = { clock: { now: () => Date.now() }, allowPii: true };

let counter = 0;

export class Simulation {
  readonly turns: SimTurn[] = [];
  #state: ConversationState;

  constructor(
    readonly flow: CompiledFlow,
    readonly options: SimulationOptions,
  ) {
    const result = start(flow, { conversationId: `sim-${++counter}`, channel: options.channel, customer: options.customer, ...(options.locale ? { locale: options.locale } : {}) }, host);
    this.#state = result.state;
    this.#record({ kind: 'start' }, result.outputs, [result.trace]);
  }

  get state(): ConversationState {
    return this.#state;
  }

  get pendingAction(): PendingAction | null {
    return this.turns.at(-1)?.pendingAction ?? null;
  }

  send(text: string): SimTurn {
    return this.#step({ kind: 'message', text }, { type: 'message', text });
  }

  requestHuman(): SimTurn {
    return this.#step({ kind: 'human' }, { type: 'request_human' });
  }

  answerAction(result: { ok: true; data: Json } | { ok: false; error: string }): SimTurn {
    const pending = this.pendingAction;
    if (!pending) throw new Error('No webhook call is waiting for an answer.');
    return this.#step({ kind: 'action', action: pending.action, ok: result.ok }, { type: 'action_result', requestId: pending.requestId, ...result });
  }

  #step(user: SimTurn['user'], event: EngineEvent): SimTurn {
    const result = step(this.flow, this.#state, event, host);
    this.#state = result.state;
    return this.#record(user, result.outputs, [result.trace]);
  }

  #record(user: SimTurn['user'], outputs: EngineOutput[], traces: TurnTrace[]): SimTurn {
    const handoff = outputs.find((o) => o.type === 'handoff');
    const end = outputs.find((o) => o.type === 'end');
    const action = outputs.find((o) => o.type === 'action');
    const turn: SimTurn = {
      index: this.turns.length,
      user,
      bot: outputs.flatMap((o) => (o.type === 'message' ? [o.text] : [])),
      status: this.#state.status,
      traces,
      handoff: handoff?.type === 'handoff' ? handoff.handoff : null,
      ended: end?.type === 'end' ? end.outcome : null,
      vars: structuredClone(this.#state.vars),
      pendingAction: action?.type === 'action' ? { requestId: action.requestId, action: action.action, input: action.input } : null,
    };
    this.turns.push(turn);
    return turn;
  }

  /** The conversation as a `switchboard replay` test case (README: JSON Lines input). */
  toReplayCase(id: string): ReplayCase {
    const messages = this.turns.flatMap((t) => (t.user.kind === 'message' ? [t.user.text] : []));
    const c: ReplayCase = { id, messages };
    if (Object.keys(this.options.customer).length > 0) c.customer = this.options.customer;
    if (this.options.channel !== 'web') c.channel = this.options.channel;
    return c;
  }
}

/** Nodes and edges a turn went through, in order, for highlighting on the canvas. */
export function turnPath(doc: EditorDoc, turn: SimTurn): { nodes: string[]; edges: string[]; current: string | null } {
  const visited = turn.traces.flatMap((t) => t.nodes);
  const nodes = visited.map((n) => n.id);
  const edges: string[] = [];
  for (let i = 0; i < visited.length - 1; i++) {
    const from = visited[i]!;
    const to = visited[i + 1]!;
    if (from.port === null) continue;
    const edge = doc.edges.find((e) => e.source === from.id && e.sourceHandle === from.port && e.target === to.id);
    if (edge) edges.push(edge.id);
  }
  return { nodes, edges, current: nodes.at(-1) ?? null };
}
