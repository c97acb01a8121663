import { checkNationalNumber, decideTrajectoryEligibility, employmentServiceFor, type Refusal } from '@tnw/domain';
import type { Violation } from '../../../shared/request-validation';
import type { StartCaseDto } from './case.dto';

export type StartCaseCheck =
  | { kind: 'accepted'; nationalNumber: string; employmentService?: string }
  | { kind: 'invalid'; violations: Violation[] }
  | { kind: 'refused'; refusal: Refusal };

/**
 * The checks that need more than one field or the rulebook, after the DTO's own validation:
 * dates in order and not in the future (400), then eligibility on the referral date (422,
 * naming the rule). Route B's agreement and route C's confirmation of invalidity are steps of
 * the workflow: here they are assumed, so that every other rule is checked before it starts.
 */
export function checkStartCase(dto: StartCaseDto, today: string): StartCaseCheck {
  const violations: Violation[] = [];
  if (dto.referralDate < dto.incapacityStartDate) {
    violations.push({ field: 'referralDate', rule: 'notBeforeIncapacityStart', message: 'referralDate must not be before incapacityStartDate' });
  }
  for (const field of ['incapacityStartDate', 'referralDate'] as const) {
    if (dto[field] > today) violations.push({ field, rule: 'notInFuture', message: `${field} must not be after today (${today})` });
  }
  if (violations.length) return { kind: 'invalid', violations };

  const residence = employmentServiceFor({ postalCode: dto.postalCode, statedLanguage: dto.language }, dto.referralDate);
  const decision = decideTrajectoryEligibility({
    route: dto.route,
    onDate: dto.referralDate,
    episode: { start: dto.incapacityStartDate, regime: dto.regime, contract: dto.contract, exclusion: dto.exclusion },
    insuredConsents: true,
    advisingPhysicianAgrees: true,
    registeredBy: 'insured',
    invalidityConfirmedByMutuality: true,
    employmentService: residence.assigned ? residence.service : undefined,
  });
  if (!decision.eligible) return { kind: 'refused', refusal: decision.reason };
  const nationalNumber = checkNationalNumber(dto.nationalNumber);
  if (!nationalNumber.valid) throw new Error('the DTO validation lets only valid national numbers through');
  return { kind: 'accepted', nationalNumber: nationalNumber.normalized, employmentService: residence.assigned ? residence.service : undefined };
}
