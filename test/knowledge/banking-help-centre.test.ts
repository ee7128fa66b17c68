// The banking help centre and flows/banking-help on the BANKING77 development split (docs/knowledge.md):
// a regression in retrieval, the score, the flow's rules or the generated files shows up here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledgeFlowRates, measureKnowledgeFlow, measureRetrieval } from '../../scripts/banking/measure-knowledge.ts';
import { buildHelpCentre } from '../../scripts/banking/build-help-centre.ts';
import { buildBankingHelpFlow } from '../../scripts/banking/build-banking-help-flow.ts';
import { readBanking77 } from '../../scripts/banking/build-banking-flow.ts';
import { parseKnowledgeBase } from '../../shared/index.ts';

const root = join(import.meta.dirname, '..', '..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

describe('generated files', () => {
  it('flows/knowledge/banking-help-centre.json and flows/banking-help.json are what the scripts generate', () => {
    expect(readJson('flows/knowledge/banking-help-centre.json')).toEqual(buildHelpCentre());
    expect(readJson('flows/banking-help.json')).toEqual(buildBankingHelpFlow(readBanking77()));
  });
});

describe('retrieval on the dev split', () => {
  const kb = parseKnowledgeBase(buildHelpCentre());
  if (!kb.ok) throw new Error('the help centre does not parse');
  const figures = measureRetrieval(kb.kb, 0.5);

  it('finds the right article first for most routine questions, and among three for more', () => {
    expect(figures.top1Pct).toBeGreaterThanOrEqual(63);
    expect(figures.top3Pct).toBeGreaterThanOrEqual(82);
  });

  it('has a calibrated-looking threshold: higher means fewer wrong answers and fewer out-of-scope answers', () => {
    const at = (t: number) => figures.byThreshold.find((o) => o.threshold === t)!;
    expect(at(0.5).wrongPct).toBeLessThan(at(0.3).wrongPct);
    expect(at(0.5).oosAnsweredPct).toBeLessThanOrEqual(3);
    expect(at(0.5).rightPct).toBeGreaterThanOrEqual(45);
  });
});

describe('flows/banking-help end to end', () => {
  const { classifier: _model, ...f } = measureKnowledgeFlow();
  const rates = knowledgeFlowRates(f);

  it('escalates risky intents on the first message, to the policy queue', () => {
    expect(rates.escalateEscalatedAnyPct).toBeGreaterThanOrEqual(96.5);
    expect(rates.escalateToPolicyQueuePct).toBeGreaterThanOrEqual(94);
  });

  it('answers routine questions from the help centre, rarely with a wrong article', () => {
    expect(rates.answerRightArticlePct).toBeGreaterThanOrEqual(43);
    expect(rates.answerWrongArticlePct).toBeLessThanOrEqual(14);
    expect(rates.answerWronglyEscalatedPct).toBeLessThanOrEqual(9);
  });

  it('neither answers nor escalates most out-of-scope messages', () => {
    expect(rates.oosAnsweredAsBankingPct).toBeLessThanOrEqual(3);
    expect(rates.oosSentToHumanPct).toBeLessThanOrEqual(10);
  });
});
