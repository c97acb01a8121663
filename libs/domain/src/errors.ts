import type { IsoDate } from './types';

/** Base class so callers can tell domain errors from programming errors. */
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidDateError extends DomainError {
  constructor(readonly input: unknown) {
    super(`Not a valid calendar date (YYYY-MM-DD): ${JSON.stringify(input)}`);
  }
}

export class UnknownRuleError extends DomainError {
  constructor(readonly ruleId: string) {
    super(`Unknown rule: ${ruleId}`);
  }
}

export interface RuleInterval {
  from: IsoDate;
  to?: IsoDate;
}

/** A rule asked on a date outside every version's interval: never silently defaulted. */
export class RuleNotInForceError extends DomainError {
  constructor(
    readonly ruleId: string,
    readonly onDate: IsoDate,
    readonly intervals: readonly RuleInterval[],
  ) {
    const known = intervals.length ? intervals.map((i) => `${i.from}..${i.to ?? ''}`).join(', ') : 'no effective date configured';
    super(`Rule ${ruleId} is not in force on ${onDate} (in force: ${known})`);
  }
}

export class InvalidRulebookError extends DomainError {}
