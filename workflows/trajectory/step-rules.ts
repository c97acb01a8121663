import type {
  AdvisingPhysicianAgreement,
  EngagementDeclaration,
  FirstContactDecision,
  FollowUp,
  HumanStep,
  OutcomeDecision,
  TrainingOutcome,
  TrainingRequest,
  TrajectoryInput,
  TrajectoryState,
  TrajectoryStatus,
} from '@tnw/contracts';
import { assertIsoDate } from '@tnw/domain';
import { checkActorMayTake, checkPastDay } from '../human-step-checks';

/**
 * The validators of the trajectory's human steps: a step in the wrong state, by the wrong
 * role or with an impossible date is refused with the reason, and the workflow is untouched.
 */

const ENDED: readonly TrajectoryStatus[] = ['refused', 'notAMember', 'stopped', 'completed', 'firstContactHeld'];

function checkStatus(step: string, state: TrajectoryState, allowed: readonly TrajectoryStatus[]): void {
  if (!allowed.includes(state.status)) {
    throw new Error(`${step} cannot be recorded while the trajectory is ${state.status}`);
  }
}

export function refuseAgreement(state: TrajectoryState, step: AdvisingPhysicianAgreement): void {
  checkActorMayTake('recordAdvisingPhysicianAgreement', step);
  checkStatus('an advising physician agreement', state, ['awaitingAdvisingPhysicianAgreement']);
}

export function refuseFirstContact(state: TrajectoryState, input: TrajectoryInput, step: FirstContactDecision, now: Date): void {
  checkActorMayTake('recordFirstContact', step);
  checkStatus('a first contact', state, ['awaitingFirstContact', 'firstContactOverdue']);
  checkPastDay('heldOn', step.heldOn, now, { field: 'referral date', day: input.referralDate });
}

export function refuseEngagement(state: TrajectoryState, step: EngagementDeclaration, now: Date): void {
  checkActorMayTake('signEngagementDeclaration', step);
  checkStatus('an engagement declaration', state, ['active']);
  if (state.engagementSignedOn) throw new Error(`the engagement declaration was already signed on ${state.engagementSignedOn}`);
  checkPastDay('signedOn', step.signedOn, now, { field: 'first contact', day: state.firstContactDate ?? step.signedOn });
}

export function refuseTrainingRequest(state: TrajectoryState, step: TrainingRequest): void {
  checkActorMayTake('fileTrainingRequest', step);
  checkStatus('a training request', state, ['active']);
  const training = state.training;
  if (training && (training.status === 'inReview' || training.status === 'approved')) {
    throw new Error(`a training project is already ${training.status}: ${training.title}`);
  }
  assertIsoDate(step.startsOn);
  assertIsoDate(step.endsOn);
  if (step.endsOn < step.startsOn) throw new Error(`endsOn ${step.endsOn} is before startsOn ${step.startsOn}`);
  if (!step.title.trim() || !step.provider.trim()) throw new Error('a training project needs a title and a provider');
}

export function refuseTrainingOutcome(state: TrajectoryState, step: TrainingOutcome, now: Date): void {
  checkActorMayTake('recordTrainingOutcome', step);
  checkStatus('a training outcome', state, ['active']);
  const training = state.training;
  if (training?.status !== 'approved') {
    throw new Error(`a training outcome needs an approved training, and the training is ${training?.status ?? 'not filed'}`);
  }
  checkPastDay('on', step.on, now, { field: 'training start', day: training.startsOn });
}

export function refuseFollowUp(state: TrajectoryState, step: FollowUp, now: Date): void {
  checkActorMayTake('recordFollowUp', step);
  checkStatus('a follow-up', state, ['active']);
  checkPastDay('heldOn', step.heldOn, now, { field: 'first contact', day: state.firstContactDate ?? step.heldOn });
}

export function refuseOutcome(state: TrajectoryState, step: OutcomeDecision, now: Date): void {
  checkActorMayTake('recordOutcome', step);
  checkStatus('an outcome', state, ['active']);
  if (state.training?.status === 'inReview') {
    throw new Error('an outcome cannot be recorded while a training project is in review');
  }
  checkPastDay('on', step.on, now, { field: 'first contact', day: state.firstContactDate ?? step.on });
}

/** D4: the insured can stop at any moment while the trajectory has not ended. */
export function refuseStop(state: TrajectoryState, step: HumanStep): void {
  checkActorMayTake('stopTrajectory', step);
  if (ENDED.includes(state.status)) throw new Error(`the trajectory has already ended (${state.status})`);
}
