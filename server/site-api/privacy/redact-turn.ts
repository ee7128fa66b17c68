// Applies redact-pii.ts to what a turn stores: the transcript entries it added (so events and the
// stored state agree) and a handoff package it produced (transcript and summary). The engine has
// already seen the raw text; only what is kept afterwards is redacted.
import type { ConversationState, HandoffPackage, Json } from '../../../shared/index.ts';
import type { CompiledFlow } from '../../../runtime/index.ts';
import type { EngineRun } from '../conversations/run-engine.ts';
import { redactPii } from './redact-pii.ts';

/** String values of variables the flow does not mark as PII: the designer allows storing them. */
export function allowedValues(flow: CompiledFlow, vars: Record<string, Json>): Set<string> {
  const keep = new Set<string>();
  for (const [name, value] of Object.entries(vars)) {
    if (flow.variables.get(name)?.pii) continue;
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    keep.add(String(value));
    const digits = String(value).replace(/\D/g, '');
    if (digits.length >= 7) keep.add(digits);
  }
  return keep;
}

/** The state with transcript entries from index `from` on redacted, and the package (if any) likewise. */
export function redactTurn(flow: CompiledFlow, state: ConversationState, from: number, keep = allowedValues(flow, state.vars)): ConversationState {
  const transcript = state.transcript.map((t, i) => (i < from ? t : { ...t, text: redactPii(t.text, { keep }) }));
  const handoff = state.handoff && redactPackage(state.handoff, keep);
  return { ...state, transcript, handoff };
}

export function redactPackage(pkg: HandoffPackage, keep: ReadonlySet<string>): HandoffPackage {
  return { ...pkg, summary: redactPii(pkg.summary, { keep }), transcript: pkg.transcript.map((t) => ({ ...t, text: redactPii(t.text, { keep }) })) };
}

/** A turn's run as it is stored: new transcript entries and any handoff package redacted. */
export function redactRun(flow: CompiledFlow, run: EngineRun, from: number): EngineRun {
  const keep = allowedValues(flow, run.state.vars);
  const state = redactTurn(flow, run.state, from, keep);
  return { ...run, state, outputs: run.outputs.map((o) => (o.type === 'handoff' ? { ...o, handoff: redactPackage(o.handoff, keep) } : o)) };
}
