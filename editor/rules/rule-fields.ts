// The values a rule can test, from the rule context every JSON-logic rule sees (docs/runtime.md):
// message, nlu, vars (declared or set by nodes), customer, conversation, kb. The visual builder
// offers them as fields; Monaco completes them; "try this rule" fills them with sample values.
import type { Json } from '../../shared/index.ts';
import { logicVariables } from '../../runtime/logic/index.ts';
import type { EditorDoc } from '../document/editor-document.ts';
import { asRecord, recordList, str } from '../nodes/raw-data.ts';

export type FieldKind = 'text' | 'number' | 'boolean' | 'intent' | 'json';

export interface RuleField {
  /** The `var` path, e.g. `vars.amount`. */
  name: string;
  label: string;
  kind: FieldKind;
  group: 'Message' | 'Intent' | 'Variables' | 'Customer' | 'Conversation' | 'Knowledge';
  description: string;
  /** A plausible value for samples. */
  sample: Json;
}

const fixed: RuleField[] = [
  { name: 'message.text', label: 'message text', kind: 'text', group: 'Message', description: "The customer's last message.", sample: 'I want a refund' },
  { name: 'message.channel', label: 'channel', kind: 'text', group: 'Message', description: 'web, whatsapp, email…', sample: 'web' },
  { name: 'message.locale', label: 'message language', kind: 'text', group: 'Message', description: 'Locale tag of the conversation.', sample: 'en' },
  { name: 'nlu.intent', label: 'intent', kind: 'intent', group: 'Intent', description: 'The top intent of the last message.', sample: null },
  { name: 'nlu.confidence', label: 'confidence', kind: 'number', group: 'Intent', description: 'Probability of the top intent, 0 to 1.', sample: 0.82 },
  { name: 'nlu.margin', label: 'margin', kind: 'number', group: 'Intent', description: 'Top confidence minus the second.', sample: 0.4 },
  { name: 'nlu.outOfScope', label: 'out of scope', kind: 'boolean', group: 'Intent', description: 'The model says the message fits no intent.', sample: false },
  { name: 'nlu.accepted', label: 'intent accepted', kind: 'boolean', group: 'Intent', description: 'The flow acted on the intent (it cleared the threshold).', sample: true },
  { name: 'customer.tier', label: 'customer tier', kind: 'text', group: 'Customer', description: 'Passed by the site, e.g. vip.', sample: 'standard' },
  { name: 'customer.value', label: 'customer value', kind: 'number', group: 'Customer', description: 'Passed by the site.', sample: 1200 },
  { name: 'customer.authenticated', label: 'customer signed in', kind: 'boolean', group: 'Customer', description: 'Passed by the site.', sample: true },
  { name: 'customer.firstName', label: 'customer first name', kind: 'text', group: 'Customer', description: 'Passed by the site.', sample: 'Ada' },
  { name: 'conversation.turns', label: 'turns', kind: 'number', group: 'Conversation', description: 'Customer messages so far.', sample: 2 },
  { name: 'conversation.clarifications', label: 'clarifying questions', kind: 'number', group: 'Conversation', description: 'Clarifying questions asked so far.', sample: 0 },
  { name: 'conversation.lowConfidenceCount', label: 'low-confidence turns', kind: 'number', group: 'Conversation', description: 'Messages the bot did not understand.', sample: 0 },
  { name: 'conversation.channel', label: 'conversation channel', kind: 'text', group: 'Conversation', description: 'Channel the conversation started on.', sample: 'web' },
  { name: 'conversation.csat', label: 'satisfaction score', kind: 'number', group: 'Conversation', description: '1–5 once the customer rated.', sample: null },
  { name: 'conversation.transcriptLength', label: 'transcript length', kind: 'number', group: 'Conversation', description: 'Messages in the transcript.', sample: 3 },
  { name: 'kb.title', label: 'article title', kind: 'text', group: 'Knowledge', description: 'Best article of the last knowledge lookup.', sample: null },
  { name: 'kb.score', label: 'article score', kind: 'number', group: 'Knowledge', description: 'Its retrieval score, 0 to 1.', sample: null },
];

const kindOfType = (type: string): FieldKind => (type === 'number' ? 'number' : type === 'boolean' ? 'boolean' : type === 'json' ? 'json' : 'text');
const sampleOf = (kind: FieldKind): Json => (kind === 'number' ? 0 : kind === 'boolean' ? false : kind === 'json' ? {} : '');

/** Variables a flow declares or sets in Ask, Set and Action nodes, with their kinds. */
export function flowVariables(doc: EditorDoc): Array<{ name: string; kind: FieldKind; description: string }> {
  const out = new Map<string, { name: string; kind: FieldKind; description: string }>();
  for (const v of doc.variables ?? []) out.set(v.name, { name: v.name, kind: kindOfType(v.type ?? 'string'), description: v.description ?? `A ${v.type ?? 'string'} variable.` });
  for (const node of doc.nodes) {
    const data = asRecord(node.data);
    if (node.type === 'ask') {
      const name = str(data, 'variable');
      const t = str(data, 'valueType', 'text');
      if (name && !out.has(name)) out.set(name, { name, kind: t === 'number' || t === 'integer' ? 'number' : t === 'yes_no' ? 'boolean' : 'text', description: `Collected by ${node.id}.` });
    } else if (node.type === 'set') {
      for (const a of recordList(data, 'assignments')) {
        const name = str(a, 'variable');
        if (name && !out.has(name)) out.set(name, { name, kind: typeof a.value === 'number' ? 'number' : typeof a.value === 'boolean' ? 'boolean' : 'text', description: `Set by ${node.id}.` });
      }
    } else if (node.type === 'action') {
      const name = str(data, 'resultVariable');
      if (name && !out.has(name)) out.set(name, { name, kind: 'json', description: `Result of ${node.id}.` });
    }
  }
  return [...out.values()];
}

/** Every field a rule in `doc` can test, plus any other path `logic` already reads (so nothing is dropped). */
export function ruleFields(doc: EditorDoc, logic?: Json): RuleField[] {
  const fields = [...fixed];
  for (const v of flowVariables(doc)) {
    fields.push({ name: `vars.${v.name}`, label: v.name.replace(/_/g, ' '), kind: v.kind, group: 'Variables', description: v.description, sample: sampleOf(v.kind) });
  }
  const known = new Set(fields.map((f) => f.name));
  const extra = new Set<string>();
  for (const rule of doc.escalation?.rules ?? []) for (const p of logicVariables(rule.when)) extra.add(p);
  if (logic !== undefined) for (const p of logicVariables(logic)) extra.add(p);
  for (const path of extra) {
    if (known.has(path) || !/^(message|nlu|vars|customer|conversation|kb)\.[\w.]+$/.test(path)) continue;
    const root = path.split('.')[0]!;
    const group: RuleField['group'] = root === 'customer' ? 'Customer' : root === 'vars' ? 'Variables' : root === 'nlu' ? 'Intent' : root === 'kb' ? 'Knowledge' : root === 'message' ? 'Message' : 'Conversation';
    fields.push({ name: path, label: path.split('.').slice(1).join('.'), kind: 'text', group, description: 'Used by a rule in this flow.', sample: '' });
    known.add(path);
  }
  return fields;
}

/** A sample rule context for "try this rule", with every field at its sample value. */
export function sampleContext(doc: EditorDoc): Record<string, Json> {
  const intents = (doc.intents ?? []).map((i) => i.name);
  const context: Record<string, Record<string, Json>> = { message: {}, nlu: {}, vars: {}, customer: {}, conversation: {}, kb: {} };
  for (const f of ruleFields(doc)) {
    const [root, ...rest] = f.name.split('.');
    const target = context[root!];
    if (!target || rest.length !== 1) continue;
    target[rest[0]!] = f.kind === 'intent' ? (intents[0] ?? null) : f.sample;
  }
  context.nlu!.ranking = intents.slice(0, 3).map((intent, i) => ({ intent, confidence: [0.82, 0.1, 0.04][i] ?? 0 }));
  return context;
}
