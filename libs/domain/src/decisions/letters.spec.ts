import { RuleNotInForceError } from '../errors';
import { letterFor } from './letters';

describe('D21: registered letters', () => {
  it('sends the training-project decision as a registered letter', () => {
    expect(letterFor('trainingProjectDecision', 'fr', 'paper', '2025-06-02')).toMatchObject({
      letter: { kind: 'trainingProjectDecision', language: 'fr', channel: 'paper', registered: true },
      explanation: { ruleId: 'letters.registeredLetterRequiredFor', citation: { domainRule: 'D21' }, result: true },
    });
  });

  it('does not register an ordinary invitation', () => {
    expect(letterFor('invitation', 'de', 'ebox', '2025-06-02').letter.registered).toBe(false);
  });

  it('has no rule before trajectories existed', () => {
    expect(() => letterFor('trainingProjectDecision', 'nl', 'paper', '2021-12-31')).toThrow(RuleNotInForceError);
  });
});
