import type { TrajectoryInput, TrajectoryState, TrajectoryStatus } from '@tnw/contracts';
import { refuseFirstContact } from './step-rules';

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
