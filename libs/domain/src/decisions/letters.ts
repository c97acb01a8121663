import type { Explanation } from '../explanation';
import { defaultRulebook, type Rulebook } from '../rulebook/rulebook';
import type { IsoDate, Letter, LetterChannel, LetterKind, LetterLanguage } from '../types';

/** D21: a letter to the insured, registered where the law requires it. */
export function letterFor(
  kind: LetterKind,
  language: LetterLanguage,
  channel: LetterChannel,
  onDate: IsoDate,
  rulebook: Rulebook = defaultRulebook,
): { letter: Letter; explanation: Explanation } {
  const rule = rulebook.rule('letters.registeredLetterRequiredFor', onDate);
  const registered = rule.value.includes(kind);
  return {
    letter: { kind, language, channel, registered },
    explanation: {
      ruleId: rule.id,
      citation: rule.citation,
      inputs: { kind, onDate },
      result: registered,
      text: `A ${kind} letter sent on ${onDate} ${registered ? 'must be' : 'need not be'} registered (${rule.id}, ${rule.citation.domainRule}).`,
    },
  };
}
