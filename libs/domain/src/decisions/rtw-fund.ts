import { assertIsoDate } from '../calendar/dates';
import type { EligibilityDecision } from '../explanation';
import { defaultRulebook, type Rulebook } from '../rulebook/rulebook';
import type { RtwFundGroup } from '../rulebook/rule-values';
import type { IncapacityEpisode, IsoDate } from '../types';
import { incapacityPhaseOn, isIncapacitatedOn } from './incapacity-phase';
import { cite, refuse } from './refusal';

/**
 * D17d: may a private provider paid by the return-to-work fund guide this person on `onDate`?
 * "Recognised unfit for more than a year" is read as being in invalidity (D1) on that day.
 */
export function decideRtwFundEligibility(
  episode: IncapacityEpisode,
  onDate: IsoDate,
  rulebook: Rulebook = defaultRulebook,
): EligibilityDecision {
  assertIsoDate(onDate);
  const id = 'rtwFund.eligibleGroups';
  if (!rulebook.inForce(id, onDate)) {
    return refuse(
      rulebook,
      id,
      onDate,
      `The return-to-work fund does not pay providers on ${onDate}; it opened on ${rulebook.versions(id)[0].from}.`,
    );
  }
  if (!isIncapacitatedOn(episode, onDate)) {
    return refuse(rulebook, 'scope.recognisedIncapacity', onDate, `The insured is not recognised unfit for work on ${onDate}.`);
  }
  const rule = rulebook.rule(id, onDate);
  const phase = incapacityPhaseOn(episode.start, onDate, rulebook);
  const groups: RtwFundGroup[] = [];
  if (episode.contract === 'endedForMedicalForceMajeure') groups.push('medicalForceMajeure');
  if (phase.phase === 'invalidity') groups.push('incapacityOverOneYear');
  const matching = groups.filter((group) => rule.value.includes(group));
  if (matching.length === 0) {
    return refuse(
      rulebook,
      id,
      onDate,
      `On ${onDate} the fund is open to: ${rule.value.join(', ')}; this person is in none of these groups (incapacity since ${episode.start}, contract ${episode.contract}).`,
    );
  }
  return {
    eligible: true,
    explanation: {
      ruleId: id,
      citation: rule.citation,
      inputs: { onDate, incapacityStart: episode.start, contract: episode.contract, phase: phase.phase, openTo: rule.value },
      result: matching,
      text: `On ${onDate} the return-to-work fund is open to this person as ${matching.join(' and ')} (${id}, D17d).`,
      alsoApplied: [cite(rulebook, 'invalidity.startsAfter', episode.start)],
    },
  };
}
