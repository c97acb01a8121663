import type {
  AdvisingPhysicianAgreement,
  EmploymentReferralRequest,
  EngagementDeclaration,
  FirstContactDecision,
  FollowUp,
  HumanStep,
  OutcomeDecision,
  PartialResumptionDecision,
  PartialResumptionRequest,
  ReintegrationRequest,
  RtwFundVoucherRequest,
  TrainingOutcome,
  TrainingRequest,
  TrajectoryInput,
  TrajectoryState,
  TrajectoryStatus,
} from '@tnw/contracts';
import { assertIsoDate, decideRtwFundEligibility, type Explanation } from '@tnw/domain';
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

/** D17c, D18: one referral at a time, to the employment service of the residence. */
export function refuseEmploymentReferral(state: TrajectoryState, input: TrajectoryInput, step: EmploymentReferralRequest): void {
  checkActorMayTake('referToEmploymentService', step);
  checkStatus('a referral to the employment service', state, ['active']);
  if (!input.employmentService) throw new Error('no employment service serves the residence of this case (employmentService.byResidence)');
  const referral = state.employmentReferral;
  if (referral && referral.status !== 'ended') {
    throw new Error(`a referral to ${referral.service} is already ${referral.status}`);
  }
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

/** D23: the request itself; whether it came in time is decided with the holiday calendar. */
export function refusePartialResumptionRequest(state: TrajectoryState, step: PartialResumptionRequest, now: Date): void {
  checkActorMayTake('requestPartialResumption', step);
  checkStatus('a partial resumption request', state, ['active']);
  if (state.partialResumption?.status === 'awaitingAuthorisation') {
    throw new Error(`a partial resumption on ${state.partialResumption.resumesOn} is already awaiting authorisation`);
  }
  checkPastDay('requestedOn', step.requestedOn, now, { field: 'first contact', day: state.firstContactDate ?? step.requestedOn });
  assertIsoDate(step.resumesOn);
  if (step.resumesOn <= step.requestedOn) throw new Error(`resumesOn ${step.resumesOn} must be after requestedOn ${step.requestedOn}`);
}

export function refusePartialResumptionDecision(state: TrajectoryState, step: PartialResumptionDecision): void {
  checkActorMayTake('decidePartialResumption', step);
  checkStatus('a partial resumption decision', state, ['active']);
  if (state.partialResumption?.status !== 'awaitingAuthorisation') throw new Error('no partial resumption is awaiting authorisation');
}

/** D17d: the fund's eligibility on the day of issue; returns the rule's explanation. */
export function checkRtwFundVoucher(state: TrajectoryState, input: TrajectoryInput, step: RtwFundVoucherRequest, now: Date): Explanation {
  checkActorMayTake('issueRtwFundVoucher', step);
  checkStatus('a return-to-work fund voucher', state, ['active']);
  if (state.rtwFundVoucher) throw new Error(`a voucher for ${state.rtwFundVoucher.provider} was already issued on ${state.rtwFundVoucher.issuedOn}`);
  if (!step.provider.trim()) throw new Error('a voucher names its provider');
  checkPastDay('issuedOn', step.issuedOn, now, { field: 'first contact', day: state.firstContactDate ?? step.issuedOn });
  if (!input.regime || !input.contract) throw new Error('the regime and contract of this case were not recorded at its start');
  const episode = { start: input.incapacityStartDate, regime: input.regime, contract: input.contract };
  const decision = decideRtwFundEligibility(episode, step.issuedOn);
  if (!decision.eligible) throw new Error(`${decision.reason.message} (${decision.reason.ruleId})`);
  return decision.explanation;
}

/** D17a: a referral to the occupational physician needs a contract and the insured's consent. */
export function refuseReintegrationRequest(state: TrajectoryState, input: TrajectoryInput, step: ReintegrationRequest, now: Date): void {
  checkActorMayTake('referToOccupationalPhysician', step);
  checkStatus('a referral to the occupational physician', state, ['active']);
  if (input.contract !== 'underContract') throw new Error('a reintegration at the own employer needs an employment contract (D17a)');
  if (!step.consent) throw new Error("a referral to the occupational physician needs the insured's consent (D17a)");
  if (state.reintegration && state.reintegration.status !== 'ended') {
    throw new Error(`a reintegration is already ${state.reintegration.status}`);
  }
  checkPastDay('requestedOn', step.requestedOn, now, { field: 'first contact', day: state.firstContactDate ?? step.requestedOn });
}
