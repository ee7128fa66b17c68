// Changes to the escalation policy: add, edit, reorder and remove rules.
import type { FlowDocumentInput } from '../../shared/index.ts';
import type { EditorDoc } from './editor-document.ts';
import { uniqueId } from './ids.ts';

export type RuleInput = NonNullable<NonNullable<FlowDocumentInput['escalation']>['rules']>[number];

const rulesOf = (doc: EditorDoc): RuleInput[] => doc.escalation?.rules ?? [];
const withRules = (doc: EditorDoc, rules: RuleInput[]): EditorDoc => ({ ...doc, escalation: { ...doc.escalation, rules } });

export function addRule(doc: EditorDoc): { doc: EditorDoc; id: string } {
  const id = uniqueId('new-rule', new Set(rulesOf(doc).map((r) => r.id)));
  const rule: RuleInput = {
    id,
    name: 'New escalation rule',
    when: { '<': [{ var: 'nlu.confidence' }, 0.3] },
    priority: 'normal',
    queue: doc.settings?.defaultQueue ?? 'general',
    reason: 'needs_review',
    tags: [],
  };
  return { doc: withRules(doc, [...rulesOf(doc), rule]), id };
}

export function updateRule(doc: EditorDoc, id: string, patch: Partial<RuleInput>): EditorDoc {
  return withRules(doc, rulesOf(doc).map((r) => (r.id === id ? { ...r, ...patch } : r)));
}

export function removeRule(doc: EditorDoc, id: string): EditorDoc {
  return withRules(doc, rulesOf(doc).filter((r) => r.id !== id));
}

export function moveRule(doc: EditorDoc, id: string, by: -1 | 1): EditorDoc {
  const rules = [...rulesOf(doc)];
  const i = rules.findIndex((r) => r.id === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= rules.length) return doc;
  [rules[i], rules[j]] = [rules[j]!, rules[i]!];
  return withRules(doc, rules);
}
