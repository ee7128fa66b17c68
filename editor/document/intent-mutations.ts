// Changes to the flow's intents. Renaming an intent also renames it in every intent router and
// keeps those routers' connections, so a rename never silently disconnects a branch.
import type { FlowDocumentInput } from '../../shared/index.ts';
import type { EditorDoc } from './editor-document.ts';
import { asRecord, strList } from '../nodes/raw-data.ts';

export type IntentInput = NonNullable<FlowDocumentInput['intents']>[number];

const intentsOf = (doc: EditorDoc): IntentInput[] => doc.intents ?? [];

export function addIntent(doc: EditorDoc, name: string): EditorDoc {
  return { ...doc, intents: [...intentsOf(doc), { name, examples: [] }] };
}

export function updateIntent(doc: EditorDoc, name: string, patch: Partial<IntentInput>): EditorDoc {
  return { ...doc, intents: intentsOf(doc).map((i) => (i.name === name ? { ...i, ...patch } : i)) };
}

export function removeIntent(doc: EditorDoc, name: string): EditorDoc {
  return { ...doc, intents: intentsOf(doc).filter((i) => i.name !== name) };
}

export function renameIntent(doc: EditorDoc, from: string, to: string): EditorDoc {
  if (from === to) return doc;
  const routers = new Set<string>();
  const nodes = doc.nodes.map((n) => {
    if (n.type !== 'intent') return n;
    const data = asRecord(n.data);
    const list = strList(data, 'intents');
    if (!list.includes(from)) return n;
    routers.add(n.id);
    return { ...n, data: { ...data, intents: list.map((i) => (i === from ? to : i)) } };
  });
  return {
    ...doc,
    intents: intentsOf(doc).map((i) => (i.name === from ? { ...i, name: to } : i)),
    nodes,
    edges: doc.edges.map((e) => (routers.has(e.source) && e.sourceHandle === from ? { ...e, sourceHandle: to } : e)),
  };
}

export function setExamples(doc: EditorDoc, name: string, examples: string[]): EditorDoc {
  return updateIntent(doc, name, { examples });
}

/** Sets an intent's examples in another locale (`de`); an empty list keeps the locale listed. */
export function setLocaleExamples(doc: EditorDoc, name: string, locale: string, examples: string[]): EditorDoc {
  return { ...doc, intents: intentsOf(doc).map((i) => (i.name === name ? { ...i, localeExamples: { ...i.localeExamples, [locale]: examples } } : i)) };
}

/** Drops a locale's examples from every intent (the flow no longer trains a model for it). */
export function removeLocale(doc: EditorDoc, locale: string): EditorDoc {
  return {
    ...doc,
    intents: intentsOf(doc).map((i) => {
      if (!i.localeExamples || !(locale in i.localeExamples)) return i;
      const { [locale]: _dropped, ...rest } = i.localeExamples;
      const { localeExamples: _all, ...intent } = i;
      return Object.keys(rest).length > 0 ? { ...intent, localeExamples: rest } : intent;
    }),
  };
}

/** The other locales any intent of the flow has examples for, sorted. */
export function otherLocales(doc: EditorDoc): string[] {
  const locales = new Set(intentsOf(doc).flatMap((i) => Object.keys(i.localeExamples ?? {})));
  locales.delete(doc.locale ?? 'en');
  return [...locales].sort();
}
