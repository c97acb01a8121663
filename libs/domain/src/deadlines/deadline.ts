import { addDays } from '../calendar/dates';
import { startOfDayInBrussels } from '../calendar/brussels-time';
import type { Explanation, ExplanationValue, RuleReference } from '../explanation';
import type { ResolvedRule } from '../rulebook/rulebook';
import type { RuleId } from '../rulebook/rule-values';
import type { Instant, IsoDate } from '../types';

/**
 * `on`: something happens or becomes possible on `date`.
 * `until`: an action is allowed, or a status lasts, up to and including `date`.
 */
export type DeadlineKind = 'on' | 'until';

export interface Deadline {
  kind: DeadlineKind;
  /** The calendar day in Europe/Brussels. */
  date: IsoDate;
  /** Windows only (e.g. "in month 4"): the first day of the window; `date` is its last day. */
  opensOn?: IsoDate;
  /** 00:00 Europe/Brussels on `date`: when a timer for this deadline fires. */
  firesAt: Instant;
  /** `until` only: 00:00 Europe/Brussels on the day after `date`; the action must happen before it. */
  expiresAt?: Instant;
  explanation: Explanation;
}

export interface DeadlineParts {
  kind: DeadlineKind;
  date: IsoDate;
  opensOn?: IsoDate;
  rule: ResolvedRule<RuleId>;
  inputs: Record<string, ExplanationValue>;
  text: string;
  alsoApplied?: RuleReference[];
}

export function makeDeadline({ kind, date, opensOn, rule, inputs, text, alsoApplied }: DeadlineParts): Deadline {
  const explanation: Explanation = {
    ruleId: rule.id,
    citation: rule.citation,
    inputs: { ...inputs, ruleValue: rule.value as ExplanationValue, ruleInForceFrom: rule.from },
    result: opensOn ? { opensOn, date } : date,
    text: `${text} (${rule.id}, ${rule.citation.domainRule}).`,
    ...(alsoApplied ? { alsoApplied } : {}),
  };
  return {
    kind,
    date,
    ...(opensOn ? { opensOn } : {}),
    firesAt: startOfDayInBrussels(date),
    ...(kind === 'until' ? { expiresAt: startOfDayInBrussels(addDays(date, 1)) } : {}),
    explanation,
  };
}
