import { Injectable } from '@nestjs/common';
import { checkNationalNumber } from '@tnw/domain';
import type { InvalidityConfirmation } from '@tnw/integrations';
import { RecordBook } from '../simulation/record-book';
import { SimulationState } from '../simulation/simulation-state';

/** Simulator rule: people born before 1970 have been in invalidity since this day. */
const INVALIDITY_SINCE_FOR_THE_BORN_BEFORE_1970 = '2020-01-01';

/** Since when each person is in invalidity (D1: incapacity for more than a year), as the mutuality knows it. */
@Injectable()
export class InvalidityRegister {
  /** First day of invalidity set through the admin route, or null for "not in invalidity". */
  private readonly overrides: RecordBook<string | null>;

  constructor(state: SimulationState) {
    this.overrides = new RecordBook(state, 'invalidity');
  }

  confirm(nationalNumber: string, onDate: string): InvalidityConfirmation {
    const since = this.sinceOf(nationalNumber);
    return since !== null && since <= onDate ? { inInvalidity: true, since } : { inInvalidity: false };
  }

  set(nationalNumber: string, since: string | null): void {
    this.overrides.set(nationalNumber, since);
  }

  private sinceOf(nationalNumber: string): string | null {
    const override = this.overrides.find(nationalNumber);
    if (override !== undefined) return override;
    const check = checkNationalNumber(nationalNumber);
    const bornBefore1970 = check.valid && check.birthDate !== null && check.birthDate < '1970-01-01';
    return bornBefore1970 ? INVALIDITY_SINCE_FOR_THE_BORN_BEFORE_1970 : null;
  }
}
