import type { EligibilityDecision, RuleReference } from '../explanation';
import type { Rulebook } from '../rulebook/rulebook';
import type { RuleId } from '../rulebook/rule-values';
import type { IsoDate } from '../types';

/**
 * Cites a rule for a refusal. A rule that is not in force on the date (e.g. asked before it
 * existed) is cited by its nearest version, so the refusal can say which rule was missing.
 */
export function cite(rulebook: Rulebook, id: RuleId, onDate: IsoDate): RuleReference {
  if (rulebook.inForce(id, onDate)) return { ruleId: id, citation: rulebook.rule(id, onDate).citation };
  const versions = rulebook.versions(id);
  const nearest = versions.find((v) => v.from > onDate) ?? versions[versions.length - 1];
  return { ruleId: id, citation: nearest?.citation ?? { domainRule: '', source: 'no version configured' } };
}

export function refuse(
  rulebook: Rulebook,
  id: RuleId,
  onDate: IsoDate,
  message: string,
): Extract<EligibilityDecision, { eligible: false }> {
  return { eligible: false, reason: { ...cite(rulebook, id, onDate), message } };
}
