import { CancellationScope, condition, executeChild, log } from '@temporalio/workflow';
import {
  TRAINING_REVIEW_WORKFLOW,
  trainingReviewWorkflowId,
  type EmploymentReferralView,
  type TrainingView,
  type TrainingReviewInput,
  type TrainingReviewState,
  type CaseActivities,
  type TrajectoryInput,
  type TrajectoryState,
} from '@tnw/contracts';
import { deadlines, startOfDayInBrussels } from '@tnw/domain';
import { ownActivities } from '../case-activities';
import type { PartnerCalls } from '../shared/partner-calls';
import { millisecondsUntil, today } from '../workflow-time';
import { employerReintegrations } from './employer-reintegration';
import { deadlineView } from './projection';
import type { Pending } from './step-handlers';

export interface ActivePhase {
  input: TrajectoryInput;
  state: TrajectoryState;
  pending: Pending;
  /** Set by the updates that end the trajectory (outcome, stop). */
  ended(): boolean;
  project(): Promise<void>;
  refreshNextDeadline(): void;
  /** Partner calls with their bound and the coordinator's decision behind it. */
  partnerCalls: PartnerCalls<CaseActivities>;
}

/**
 * The follow-up rhythm and the training projects, side by side, until the trajectory ends.
 * Each loop stops by itself when it sees the end: nothing in flight is cancelled but a training
 * review, whose child workflow is asked to cancel.
 */
export async function runActivePhase(phase: ActivePhase): Promise<void> {
  await Promise.all([followUps(phase), trainingProjects(phase), employmentReferrals(phase), employerReintegrations(phase)]);
}

const EVENT_STATUS = { trajectoryStarted: 'started', progress: 'inProgress', outcome: 'ended' } as const;

/**
 * D17c, D18: the registration form goes to the employment service of the residence, which then
 * guides the trajectory and reports back; the coordinator is told of each report.
 */
async function employmentReferrals({ input, state, pending, ended, project, partnerCalls }: ActivePhase): Promise<void> {
  for (;;) {
    await condition(() => pending.employmentReferral !== undefined || pending.employmentEvents.length > 0 || ended());
    if (ended()) return;
    const request = pending.employmentReferral;
    if (request) {
      pending.employmentReferral = undefined;
      const referral: EmploymentReferralView = { service: input.employmentService!, status: 'registering' };
      state.employmentReferral = referral;
      await project();
      const registered = await partnerCalls.callUnlessAbandoned(
        { partner: 'employmentService', effect: 'registerAtEmploymentService', detail: referral.service },
        (activities) =>
          activities.registerAtEmploymentService({
            caseId: input.caseId,
            personId: input.personId,
            service: referral.service,
            summary: request.summary,
          }),
        ended,
      );
      // The trajectory ended while the employment service could not be reached.
      if (!registered) return;
      referral.registrationId = registered.value.registrationId;
      referral.status = 'registered';
      await project();
    }
    for (const event of pending.employmentEvents.splice(0)) {
      const referral = state.employmentReferral;
      if (referral?.registrationId !== event.registrationId) {
        log.warn('employment service event for another registration ignored', { eventId: event.eventId });
        continue;
      }
      referral.status = EVENT_STATUS[event.event];
      referral.outcome = event.outcome ?? referral.outcome;
      referral.lastEventOn = event.occurredOn;
      await ownActivities.notifyCoordinator({
        caseId: input.caseId,
        step: `employmentService.${event.event}`,
        message: `${referral.service} reported ${event.event}${event.outcome ? ` (${event.outcome})` : ''} on ${event.occurredOn}.`,
      });
      await project();
    }
  }
}

/**
 * D6: the advising physician follows the trajectory up every 3 months, counted from the last
 * follow-up (from the first conversation at the start); past the deadline, a supervisor is told.
 */
async function followUps({ state, ended, project, refreshNextDeadline }: ActivePhase): Promise<void> {
  while (!ended()) {
    const from = state.lastFollowUpOn ?? state.firstContactDate!;
    const due = deadlineView('followUp', deadlines.advisingPhysicianFollowUpDue(from));
    state.followUpDue = due;
    refreshNextDeadline();
    await project();
    const settled = () => (state.lastFollowUpOn !== undefined && state.lastFollowUpOn !== from) || ended();
    if (!(await condition(settled, millisecondsUntil(due.expiresAt), { summary: `follow-up due (${due.ruleId})` }))) {
      due.overdue = true;
      await project();
      await condition(settled);
    }
  }
}

/**
 * D21-D22: each filed project is reviewed by a child workflow; an approved training extends the
 * presumption of incapacity over the whole training; 6 months after it is passed, the advising
 * physician must re-evaluate the incapacity.
 */
async function trainingProjects({ input, state, pending, ended, project }: ActivePhase): Promise<void> {
  for (let sequence = 1; ; sequence++) {
    await condition(() => pending.training !== undefined || ended());
    if (ended()) return;
    const { title, provider, startsOn, endsOn } = pending.training!;
    pending.training = undefined;
    const reviewWorkflowId = trainingReviewWorkflowId(input.caseId, sequence);
    const training: TrainingView = { reviewWorkflowId, title, startsOn, endsOn, status: 'inReview' };
    state.training = training;
    await project();

    const review = await reviewUnlessEnded(reviewWorkflowId, {
      caseId: input.caseId,
      personId: input.personId,
      project: { title, provider, startsOn, endsOn },
      filedOn: today(),
    }, ended);
    if (!review) return;
    training.status = review.decision === 'approved' ? 'approved' : 'refused';
    if (training.status === 'approved' && (!state.presumptionUntil || state.presumptionUntil < endsOn)) {
      state.presumptionUntil = endsOn;
    }
    await project();
    if (training.status !== 'approved') continue;

    await condition(() => training.status !== 'approved' || ended());
    // Only a passed training gets a re-evaluation date (set by the outcome's update).
    if (ended() || !training.reevaluationOn) continue;
    const reevaluationAt = startOfDayInBrussels(training.reevaluationOn);
    if (await condition(ended, millisecondsUntil(reevaluationAt), { summary: 're-evaluation due (training.reevaluationAfter)' })) return;
    if (training.reevaluation === 'scheduled') training.reevaluation = 'due';
    await project();
  }
}

/** The review's decision, or undefined when the trajectory ended first (the review is then cancelled). */
async function reviewUnlessEnded(
  workflowId: string,
  review: TrainingReviewInput,
  ended: () => boolean,
): Promise<TrainingReviewState | undefined> {
  const scope = new CancellationScope();
  const result = scope.run(() =>
    executeChild<(input: TrainingReviewInput) => Promise<TrainingReviewState>>(TRAINING_REVIEW_WORKFLOW, { workflowId, args: [review] }),
  );
  const decided = await Promise.race([result.then(() => true), condition(ended).then(() => false)]);
  if (decided) return result;
  scope.cancel();
  result.catch(() => undefined);
  return undefined;
}
