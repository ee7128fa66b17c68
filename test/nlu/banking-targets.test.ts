// The banking-support flow meets issue 3's targets on the development split, measured end to
// end through the engine (see docs/nlu.md). A regression in the classifier, the engine's routing
// or the flow's rules shows up here.
import { describe, expect, it } from 'vitest';
import { bankingTargets, measureBanking } from '../../scripts/banking/measure-banking.ts';

describe('banking-support on the BANKING77 dev split', () => {
  const { classifier: _model, ...figures } = measureBanking();
  const t = bankingTargets(figures);

  it('escalates risky intents on the first message, to the policy queue', () => {
    expect(t.escalateEscalatedAnyPct.value).toBeGreaterThanOrEqual(97);
    expect(t.escalateToPolicyQueuePct.value).toBeGreaterThanOrEqual(94);
  });

  it('answers routine intents correctly and rarely escalates them', () => {
    expect(t.answerRightIntentPct.value).toBeGreaterThanOrEqual(85);
    expect(t.answerWronglyEscalatedPct.value).toBeLessThanOrEqual(6);
  });

  it('neither answers nor escalates most out-of-scope messages', () => {
    expect(t.oosAnsweredAsBankingPct.value).toBeLessThanOrEqual(5);
    expect(t.oosSentToHumanPct.value).toBeLessThanOrEqual(10);
  });
});
