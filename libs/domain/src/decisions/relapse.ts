import { addPeriod, assertIsoDate, formatPeriod } from '../calendar/dates';
import type { Explanation } from '../explanation';
import { defaultRulebook, type Rulebook } from '../rulebook/rulebook';
import type { IsoDate } from '../types';
import { incapacityPhaseOn } from './incapacity-phase';

export interface RelapseQuestion {
  /** Start of the episode the previous period belongs to. */
  episodeStart: IsoDate;
  /** Last day of the previous incapacity period. */
  previousEnd: IsoDate;
  /** First day of the new incapacity. */
  newStart: IsoDate;
}

export type RelapseDecision =
  { sameEpisode: true; episodeStart: IsoDate; explanation: Explanation } | { sameEpisode: false; explanation: Explanation };

/**
 * D5: a new incapacity starting at most 14 days (primary) or 3 months (invalidity) after the
 * last day of the previous period continues the same episode. The window depends on the phase
 * the previous period ended in; the rule version is the one in force when the new incapacity starts.
 */
export function decideRelapse(question: RelapseQuestion, rulebook: Rulebook = defaultRulebook): RelapseDecision {
  const { episodeStart, previousEnd, newStart } = question;
  if (assertIsoDate(newStart) <= assertIsoDate(previousEnd)) {
    throw new RangeError(`The new incapacity (${newStart}) must start after the previous one ended (${previousEnd})`);
  }
  const { phase } = incapacityPhaseOn(episodeStart, previousEnd, rulebook);
  const rule = rulebook.rule(phase === 'invalidity' ? 'relapse.invalidityWindow' : 'relapse.primaryWindow', newStart);
  const latestRelapseStart = addPeriod(previousEnd, rule.value);
  const sameEpisode = newStart <= latestRelapseStart;
  const explanation: Explanation = {
    ruleId: rule.id,
    citation: rule.citation,
    inputs: { episodeStart, previousEnd, newStart, phaseAtEnd: phase, window: formatPeriod(rule.value), latestRelapseStart },
    result: sameEpisode ? 'relapse: same episode' : 'new episode',
    text: sameEpisode
      ? `A new incapacity on ${newStart}, within ${formatPeriod(rule.value)} after the ${phase} period ended on ${previousEnd} (at the latest ${latestRelapseStart}), continues the episode of ${episodeStart} (${rule.id}, D5).`
      : `A new incapacity on ${newStart} starts after ${latestRelapseStart}, more than ${formatPeriod(rule.value)} after the ${phase} period ended on ${previousEnd}: it is a new episode (${rule.id}, D5).`,
  };
  return sameEpisode ? { sameEpisode, episodeStart, explanation } : { sameEpisode, explanation };
}
