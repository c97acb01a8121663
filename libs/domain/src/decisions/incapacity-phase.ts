import { assertIsoDate } from '../calendar/dates';
import { createDeadlines } from '../deadlines/deadlines';
import type { Explanation } from '../explanation';
import { defaultRulebook, type Rulebook } from '../rulebook/rulebook';
import type { IncapacityEpisode, IncapacityPhase, IsoDate } from '../types';

export interface PhaseOnDate {
  phase: IncapacityPhase;
  invalidityStartsOn: IsoDate;
  explanation: Explanation;
}

/** D1: the phase of an incapacity on a given day (primary in the first year, then invalidity). */
export function incapacityPhaseOn(incapacityStart: IsoDate, onDate: IsoDate, rulebook: Rulebook = defaultRulebook): PhaseOnDate {
  if (assertIsoDate(onDate) < assertIsoDate(incapacityStart)) {
    throw new RangeError(`${onDate} is before the incapacity started (${incapacityStart})`);
  }
  const invalidity = createDeadlines(rulebook).invalidityStartsOn(incapacityStart);
  const phase: IncapacityPhase = onDate >= invalidity.date ? 'invalidity' : 'primary';
  return {
    phase,
    invalidityStartsOn: invalidity.date,
    explanation: {
      ...invalidity.explanation,
      inputs: { ...invalidity.explanation.inputs, onDate },
      result: phase,
      text: `On ${onDate} the incapacity that started on ${incapacityStart} is in ${phase} (invalidity from ${invalidity.date}; invalidity.startsAfter, D1).`,
    },
  };
}

/** D1: whether `onDate` falls within the episode (from its start to its last day, if it ended). */
export function isIncapacitatedOn(episode: IncapacityEpisode, onDate: IsoDate): boolean {
  assertIsoDate(onDate);
  if (assertIsoDate(episode.start) > onDate) return false;
  return episode.end === undefined || onDate <= assertIsoDate(episode.end);
}
