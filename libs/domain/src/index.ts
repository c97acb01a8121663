/**
 * @tnw/domain: pure, deterministic rules, safe for the Temporal workflow sandbox.
 * The Belgian holiday calendar (calendar/belgian-holidays.ts) is deliberately not exported
 * here: it pulls date-holidays into the bundle. Import it from activities only.
 */
export * from './types';
export * from './errors';
export * from './explanation';
export * from './calendar/dates';
export * from './calendar/brussels-time';
export * from './calendar/working-days';
export * from './rulebook/rule-values';
export * from './rulebook/rulebook';
export type { Deadline, DeadlineKind } from './deadlines/deadline';
export * from './deadlines/deadlines';
export * from './decisions/incapacity-phase';
export * from './decisions/trajectory-eligibility';
export * from './decisions/rtw-fund';
export * from './decisions/relapse';
export * from './decisions/employment-service';
export * from './decisions/letters';
export * from './national-number';
