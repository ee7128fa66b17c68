// The simulator drawer: set up, chat with the draft, inspect each turn (its path lights up on the
// canvas), answer webhook calls by hand, and save the conversation as a replay test case.
import { useEffect, useRef, useState } from 'react';
import type { Json } from '../../shared/index.ts';
import { useDoc, useStudio } from '../studio/studio-context.ts';
import { Icon } from '../ui/Icon.tsx';
import { Spinner } from '../ui/Spinner.tsx';
import { notify } from '../ui/toast-store.ts';
import { goToProblem, problemPlace } from '../studio/go-to-problem.ts';
import { SimulatorSetup } from './SimulatorSetup.tsx';
import { TurnDetails } from './TurnDetails.tsx';
import { turnPath, type SimTurn, type SimulationOptions } from './simulation.ts';
import { useSimulator } from './use-simulator.ts';
import { downloadText } from '../ui/download.ts';

export function SimulatorPanel() {
  const { ui, canvas, flowId } = useStudio();
  const doc = useDoc((d) => d);
  const sim = useSimulator(doc);
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<number | null>(null);
  const [lastOptions, setLastOptions] = useState<SimulationOptions | null>(null);
  const [actionData, setActionData] = useState('{"status": "shipped"}');
  const scroller = useRef<HTMLDivElement>(null);
  const running = sim.phase.kind === 'running' ? sim.phase : null;
  const turns = running?.sim.turns ?? [];
  const current: SimTurn | undefined = selected !== null ? turns[selected] : turns.at(-1);
  const examples = (doc.intents ?? []).reduce((n, i) => n + (i.examples?.length ?? 0), 0);

  useEffect(() => {
    if (running && current) {
      const path = turnPath(running.doc, current);
      ui.set((u) => ({ ...u, path }));
      // Follow the conversation on the canvas: bring the node it stopped at into view.
      if (path.current) canvas.reveal(path.current);
    } else ui.set((u) => (u.path ? { ...u, path: null } : u));
  }, [running, current, ui, canvas, sim.revision]);
  useEffect(() => () => ui.set((u) => ({ ...u, path: null })), [ui]);
  useEffect(() => {
    scroller.current?.scrollTo({ top: scroller.current.scrollHeight, behavior: 'smooth' });
  }, [sim.revision, running]);

  const close = () => ui.set((u) => ({ ...u, simulatorOpen: false }));
  const start = (options: SimulationOptions) => {
    setLastOptions(options);
    setSelected(null);
    void sim.begin(options);
  };
  const send = () => {
    const t = text.trim();
    if (!t || !running) return;
    sim.send(t);
    setText('');
    setSelected(null);
  };
  const saveCase = () => {
    if (!running) return;
    const id = `${flowId}-simulated-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}`;
    const line = JSON.stringify(running.sim.toReplayCase(id));
    downloadText(`${id}.jsonl`, `${line}\n`, 'application/jsonl');
    notify('success', 'Test case saved', `Replay it with: npx switchboard replay flows/${flowId}.json ${id}.jsonl`);
  };
  const stale = running && running.doc !== doc;
  const pending = running?.sim.pendingAction ?? null;
  const finished = running && running.sim.state.status !== 'active';

  return (
    <aside className="simulator" aria-label="Simulator">
      <header className="simulator-header">
        <h2>
          <Icon name="chat" size={16} /> Simulator
        </h2>
        <div className="simulator-header-actions">
          {running && (
            <>
              <button type="button" className="btn btn-ghost btn-xs" onClick={saveCase} disabled={turns.length < 2} title="Download this conversation as a replay test case (JSONL)">
                <Icon name="download" size={12} /> Save as test case
              </button>
              <button type="button" className="btn btn-ghost btn-xs" onClick={() => lastOptions && start(lastOptions)} title="Start again with the same customer">
                <Icon name="refresh" size={12} /> Restart
              </button>
              <button type="button" className="btn btn-ghost btn-xs" onClick={sim.reset}>
                Setup
              </button>
            </>
          )}
          <button type="button" className="icon-button" aria-label="Close simulator" onClick={close}>
            <Icon name="x" size={15} />
          </button>
        </div>
      </header>
      {sim.phase.kind === 'setup' && <SimulatorSetup onStart={start} modelReady={sim.modelReady} examples={examples} initial={lastOptions} />}
      {sim.phase.kind === 'training' && (
        <div className="sim-status">
          <Spinner size={20} />
          <p>
            Training the intent model on {sim.phase.examples.toLocaleString()} examples…
            <br />
            <span className="muted small">It runs in a background worker; large flows take a few seconds.</span>
          </p>
        </div>
      )}
      {sim.phase.kind === 'invalid' && (
        <div className="sim-status">
          <Icon name="error" size={20} className="text-danger" />
          <p>Fix {sim.phase.problems.length === 1 ? 'this problem' : `these ${sim.phase.problems.length} problems`} before simulating:</p>
          <ul className="sim-problems">
            {sim.phase.problems.slice(0, 6).map((p, i) => (
              <li key={i}>
                <button type="button" className="link-button" onClick={() => goToProblem(problemPlace(doc, p), ui, canvas)}>
                  {p.message}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-sm" onClick={sim.reset}>
            Back
          </button>
        </div>
      )}
      {sim.phase.kind === 'failed' && (
        <div className="sim-status">
          <Icon name="error" size={20} className="text-danger" />
          <p>The simulator could not start: {sim.phase.message}</p>
          <button type="button" className="btn btn-sm" onClick={sim.reset}>
            Back
          </button>
        </div>
      )}
      {running && (
        <>
          {stale && (
            <p className="sim-stale">
              <Icon name="info" size={13} /> The draft changed since this conversation started.{' '}
              <button type="button" className="link-button" onClick={() => lastOptions && start(lastOptions)}>
                Restart with the changes
              </button>
            </p>
          )}
          <div className="chat" ref={scroller} role="log" aria-label="Conversation" aria-live="polite">
            {turns.map((turn) => (
              <TurnBubbles key={turn.index} turn={turn} selected={current === turn} onSelect={() => setSelected(turn.index)} />
            ))}
          </div>
          {pending && (
            <div className="sim-action">
              <p>
                <Icon name="action" size={13} /> The flow calls the webhook <strong className="mono">{pending.action}</strong> with <code>{JSON.stringify(pending.input)}</code>. Answer as the site would:
              </p>
              <label className="sr-only" htmlFor="sim-action-data">
                Webhook result (JSON)
              </label>
              <textarea id="sim-action-data" className="input textarea mono" rows={2} value={actionData} onChange={(e) => setActionData(e.target.value)} />
              <div className="button-row">
                <button
                  type="button"
                  className="btn btn-sm btn-primary"
                  onClick={() => {
                    try {
                      sim.answerAction({ ok: true, data: JSON.parse(actionData) as Json });
                    } catch {
                      notify('error', 'The result is not valid JSON');
                    }
                  }}
                >
                  Succeed with this data
                </button>
                <button type="button" className="btn btn-sm" onClick={() => sim.answerAction({ ok: false, error: 'simulated failure' })}>
                  Fail
                </button>
              </div>
            </div>
          )}
          <form
            className="chat-input"
            onSubmit={(e) => {
              e.preventDefault();
              send();
            }}
          >
            <label htmlFor="sim-message" className="sr-only">
              Message as the customer
            </label>
            <input id="sim-message" className="input" placeholder={finished ? 'The conversation is over' : pending ? 'Answer the webhook call first' : 'Write as the customer…'} value={text} disabled={!!finished || !!pending} onChange={(e) => setText(e.target.value)} autoComplete="off" />
            <button type="submit" className="btn btn-primary" disabled={!text.trim() || !!finished || !!pending} aria-label="Send">
              <Icon name="send" size={15} />
            </button>
            <button type="button" className="btn btn-ghost btn-sm" disabled={!!finished} onClick={() => sim.requestHuman()} title="The widget's “talk to a person” button">
              <Icon name="handoff" size={14} /> Human
            </button>
          </form>
          {current && (
            <div className="sim-details">
              <h3 className="sim-details-title">{current.user.kind === 'start' ? 'Opening' : `Turn ${turns.filter((t) => t.index <= current.index && t.user.kind !== 'start').length}`} in detail</h3>
              <TurnDetails turn={current} margin={running.doc.settings?.ambiguityMargin ?? 0.1} />
            </div>
          )}
        </>
      )}
    </aside>
  );
}

function TurnBubbles({ turn, selected, onSelect }: { turn: SimTurn; selected: boolean; onSelect: () => void }) {
  const user = turn.user;
  return (
    <div className={selected ? 'chat-turn selected' : 'chat-turn'}>
      <button type="button" className="chat-turn-select" onClick={onSelect} aria-pressed={selected} aria-label={`Show details of this turn`}>
        {user.kind === 'message' && <div className="bubble bubble-user">{user.text}</div>}
        {user.kind === 'human' && <div className="bubble bubble-user bubble-system">Asked for a person</div>}
        {user.kind === 'action' && <div className="chat-event">Webhook {user.action} {user.ok ? 'answered' : 'failed'}</div>}
        {turn.bot.map((b, i) => (
          <div key={i} className="bubble bubble-bot">
            {b}
          </div>
        ))}
        {turn.handoff && (
          <div className={`chat-handoff priority-${turn.handoff.priority}`} data-testid="handoff-card">
            <strong>
              <Icon name="handoff" size={13} /> Handed over to {turn.handoff.queue} · {turn.handoff.priority}
            </strong>
            <span>{turn.handoff.reasons.map((r) => `${r.name} (${r.reason})`).join('; ')}</span>
          </div>
        )}
        {turn.ended && <div className="chat-event">Conversation ended: {turn.ended}</div>}
      </button>
    </div>
  );
}
