// An intent's examples in other languages: set per locale, listed across intents, removed from all.
import { describe, expect, it } from 'vitest';
import { toEditorDoc } from '../../editor/document/editor-document.ts';
import { otherLocales, removeLocale, setLocaleExamples } from '../../editor/document/intent-mutations.ts';
import { parseFlow } from '../../shared/index.ts';

const doc = () =>
  toEditorDoc({
    schemaVersion: 1,
    id: 'demo',
    name: 'Demo',
    locale: 'en',
    intents: [
      { name: 'order_status', examples: ['where is my order'] },
      { name: 'refund', examples: ['I want my money back'], localeExamples: { fr: ['je veux être remboursé'] } },
    ],
    nodes: [],
    edges: [],
  });

describe('other-locale examples', () => {
  it('sets one intent’s examples for a locale without touching its main examples or other locales', () => {
    const next = setLocaleExamples(doc(), 'refund', 'de', ['ich will mein Geld zurück']);
    const refund = next.intents!.find((i) => i.name === 'refund')!;
    expect(refund.examples).toEqual(['I want my money back']);
    expect(refund.localeExamples).toEqual({ fr: ['je veux être remboursé'], de: ['ich will mein Geld zurück'] });
    expect(otherLocales(next)).toEqual(['de', 'fr']);
  });

  it('keeps a locale listed with no examples yet, and never lists the main locale', () => {
    const next = setLocaleExamples(setLocaleExamples(doc(), 'order_status', 'pt-BR', []), 'order_status', 'en', ['x']);
    expect(otherLocales(next)).toEqual(['fr', 'pt-BR']);
  });

  it('removes a locale from every intent and drops empty localeExamples, leaving a valid flow document', () => {
    const next = removeLocale(setLocaleExamples(doc(), 'order_status', 'fr', ['où est ma commande']), 'fr');
    expect(next.intents!.every((i) => i.localeExamples === undefined)).toBe(true);
    expect(otherLocales(next)).toEqual([]);
    expect(next.intents!.map((i) => i.examples)).toEqual([['where is my order'], ['I want my money back']]);
    const parsed = parseFlow({ ...next, nodes: [{ id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} }] });
    expect(parsed.ok ? [] : parsed.problems.filter((p) => p.path.includes('intents'))).toEqual([]);
  });
});
