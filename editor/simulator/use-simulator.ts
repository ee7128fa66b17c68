// The simulator's state machine: set up → train the intent model in the worker → compile the
// draft with it → chat. The conversation is pinned to the draft it started with.
import { useCallback, useEffect, useState } from 'react';
import type { Json, Problem } from '../../shared/index.ts';
import { compileFlow } from '../../runtime/index.ts';
import { defaultTrainer } from '../../runtime/nlu/default-trainer.ts';
import type { EditorDoc } from '../document/editor-document.ts';
import { loadNewestKnowledge } from './load-knowledge.ts';
import { modelsFor } from './nlu-client.ts';
import { Simulation, type SimulationOptions } from './simulation.ts';

export type SimulatorPhase =
  | { kind: 'setup' }
  | { kind: 'training'; examples: number }
  | { kind: 'invalid'; problems: Problem[] }
  | { kind: 'failed'; message: string }
  | { kind: 'running'; sim: Simulation; doc: EditorDoc };

export function useSimulator(doc: EditorDoc) {
  const [phase, setPhase] = useState<SimulatorPhase>({ kind: 'setup' });
  const [revision, setRevision] = useState(0);
  const [modelReady, setModelReady] = useState(false);

  // Start training as soon as the simulator opens, so Start is instant.
  useEffect(() => {
    let live = true;
    setModelReady(false);
    modelsFor(doc)
      .then(() => live && setModelReady(true))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [doc]);

  const begin = useCallback(
    async (options: SimulationOptions) => {
      const examples = (doc.intents ?? []).reduce((n, i) => n + (i.examples?.length ?? 0), 0);
      setPhase({ kind: 'training', examples });
      try {
        const models = await modelsFor(doc);
        const base = doc.knowledge?.base;
        const knowledge = typeof base === 'string' ? await loadNewestKnowledge(base) : undefined;
        const compiled = compileFlow(doc, {
          ...(knowledge ? { knowledge } : {}),
          classifier: models.main ?? undefined,
          classifiers: models.byLocale,
          train: (intents, locale) => models.byLocale[locale] ?? defaultTrainer(intents, locale),
        });
        if (!compiled.ok) {
          setPhase({ kind: 'invalid', problems: compiled.problems.filter((p) => p.severity === 'error') });
          return;
        }
        setPhase({ kind: 'running', sim: new Simulation(compiled.flow, options), doc });
      } catch (e) {
        setPhase({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    },
    [doc],
  );

  const act = useCallback(
    (fn: (sim: Simulation) => void) => {
      if (phase.kind !== 'running') return;
      fn(phase.sim);
      setRevision((r) => r + 1);
    },
    [phase],
  );

  return {
    phase,
    revision,
    modelReady,
    begin,
    reset: () => setPhase({ kind: 'setup' }),
    send: (text: string) => act((s) => s.send(text)),
    requestHuman: () => act((s) => s.requestHuman()),
    answerAction: (result: { ok: true; data: Json } | { ok: false; error: string }) => act((s) => s.answerAction(result)),
  };
}
