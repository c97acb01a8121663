import type { TrajectoryInput, TrajectoryState, TrajectoryStatus } from '@tnw/contracts';
import { checkRtwFundVoucher, refuseFirstContact } from './step-rules';

const input: TrajectoryInput = { caseId: 'c1', personId: 'p1', route: 'A', incapacityStartDate: '2026-01-05', referralDate: '2026-05-04' };
const state = (status: TrajectoryStatus): TrajectoryState => ({ caseId: 'c1', route: 'A', status });
const actor = { id: 'coord-1', role: 'coordinator' as const };
// 2026-05-10 at 23:30 in Brussels is still 2026-05-10 there, though already past 21:00 UTC.
const now = new Date('2026-05-10T21:30:00Z');

describe('refuseFirstContact', () => {
  it.each<TrajectoryStatus>(['awaitingFirstContact', 'firstContactOverdue'])('accepts a first contact while %s', (status) => {
    expect(() => refuseFirstContact(state(status), input, { heldOn: '2026-05-10', actor }, now)).not.toThrow();
  });

  it.each<TrajectoryStatus>(['verifyingMembership', 'firstContactHeld', 'notAMember'])('refuses one while %s, naming the state', (status) => {
    expect(() => refuseFirstContact(state(status), input, { heldOn: '2026-05-10', actor }, now)).toThrow(
      `a first contact cannot be recorded while the trajectory is ${status}`,
    );
  });

  it.each([
    ['2026-05-03', 'heldOn 2026-05-03 is before the referral date 2026-05-04'],
    ['2026-05-11', 'heldOn 2026-05-11 is in the future'],
    ['2026-02-30', 'Not a valid calendar date'],
  ])('refuses heldOn %s', (heldOn, message) => {
    expect(() => refuseFirstContact(state('awaitingFirstContact'), input, { heldOn, actor }, now)).toThrow(message);
  });
});

describe('checkRtwFundVoucher (D17d)', () => {
  const active: TrajectoryState = { caseId: 'c1', route: 'A', status: 'active', firstContactDate: '2026-03-02' };
  const coordinator = { id: 'coord-1', role: 'coordinator' as const };
  const under = (contract: TrajectoryInput['contract'], incapacityStartDate = '2025-10-20'): TrajectoryInput => ({
    ...input,
    incapacityStartDate,
    regime: 'employee',
    contract,
  });
  const voucher = (issuedOn: string) => ({ provider: 'Jobcoach Gent', issuedOn, actor: coordinator });
  const later = new Date('2026-12-01T12:00:00Z');

  it('issues a voucher to someone in invalidity (unfit for more than a year) since 2025-04', () => {
    // Incapacity since 2025-10-20: invalidity from 2026-10-20.
    expect(checkRtwFundVoucher(active, under('underContract'), voucher('2026-10-20'), later)).toMatchObject({ ruleId: 'rtwFund.eligibleGroups' });
  });

  it('refuses one in primary incapacity under contract, naming the rule', () => {
    expect(() => checkRtwFundVoucher(active, under('underContract'), voucher('2026-10-19'), later)).toThrow('(rtwFund.eligibleGroups)');
  });

  it('issues one after a contract ended for medical force majeure, in the first year', () => {
    expect(checkRtwFundVoucher(active, under('endedForMedicalForceMajeure'), voucher('2026-04-01'), later)).toMatchObject({
      result: ['medicalForceMajeure'],
    });
  });

  it('refuses when the case did not record its contract', () => {
    expect(() => checkRtwFundVoucher(active, input, voucher('2026-10-20'), later)).toThrow('the regime and contract of this case were not recorded');
  });
});
