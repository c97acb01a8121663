import type { UpdateDefinition } from '@temporalio/common';
import { setHandler } from '@temporalio/workflow';
import {
  decidePartialResumptionUpdate,
  employerReintegrationEventSignal,
  employmentServiceEventSignal,
  fileTrainingRequestUpdate,
  issueRtwFundVoucherUpdate,
  recordAdvisingPhysicianAgreementUpdate,
  recordFirstContactUpdate,
  recordFollowUpUpdate,
  recordOutcomeUpdate,
  recordTrainingOutcomeUpdate,
  referToEmploymentServiceUpdate,
  referToOccupationalPhysicianUpdate,
  requestPartialResumptionUpdate,
  signEngagementDeclarationUpdate,
  stopTrajectoryUpdate,
  type EmployerReintegrationEventSignal,
  type EmploymentReferralRequest,
  type EmploymentServiceEventSignal,
  type HumanStep,
  type ReintegrationRequest,
  type TrainingRequest,
  type TrajectoryInput,
  type TrajectoryState,
} from '@tnw/contracts';
import { deadlines } from '@tnw/domain';
import { ownActivities } from '../case-activities';
import type { UpdateOrderGuard } from '../shared/update-order-guard';
import { today } from '../workflow-time';
import {
  checkRtwFundVoucher,
  refuseAgreement,
  refuseEmploymentReferral,
  refuseEngagement,
  refuseFirstContact,
  refuseFollowUp,
  refuseOutcome,
  refusePartialResumptionDecision,
  refusePartialResumptionRequest,
  refuseReintegrationRequest,
  refuseStop,
  refuseTrainingOutcome,
  refuseTrainingRequest,
} from './step-rules';

/** Requests and partner events that handlers leave for the workflow's loops to act on. */
export interface Pending {
  agreement?: boolean;
  training?: TrainingRequest;
  employmentReferral?: EmploymentReferralRequest;
  employmentEvents: EmploymentServiceEventSignal[];
  reintegration?: ReintegrationRequest;
  reintegrationEvents: EmployerReintegrationEventSignal[];
}

export interface StepContext {
  input: TrajectoryInput;
  state: TrajectoryState;
  pending: Pending;
  project(): Promise<void>;
  audit(action: string, step: HumanStep): Promise<void>;
  /** Refuses a step that reached the workflow after other work of the same task (update-order-guard.ts). */
  guard: UpdateOrderGuard;
}

/**
 * The trajectory's human steps (updates, each with its validator from step-rules.ts) and the
 * partners' call-ins (signals). A handler records the step and its audit entry; what takes
 * time (partner calls, timers) is left in `pending` for the workflow's loops.
 */
export function registerStepHandlers({ input, state, pending, project, audit, guard }: StepContext): void {
  setHandler(
    recordAdvisingPhysicianAgreementUpdate,
    async (step) => {
      pending.agreement = step.agrees;
      await audit(step.agrees ? 'agreeToTrajectory' : 'disagreeWithTrajectory', step);
      return state;
    },
    {
      validator: (step) => {
        guard.checkUpdate();
        refuseAgreement(state, step);
      },
    },
  );
  setHandler(
    recordFirstContactUpdate,
    async (step) => {
      state.firstContactDate = step.heldOn;
      state.status = 'firstContactHeld';
      state.nextDeadline = undefined;
      await audit('recordFirstContact', step);
      return state;
    },
    {
      validator: (step) => {
        guard.checkUpdate();
        refuseFirstContact(state, input, step, new Date());
      },
    },
  );
  setHandler(
    signEngagementDeclarationUpdate,
    async (step) => {
      state.engagementSignedOn = step.signedOn;
      state.presumptionUntil = deadlines.presumptionEnds(step.signedOn).date;
      await audit('signEngagementDeclaration', step);
      await project();
      return state;
    },
    {
      validator: (step) => {
        guard.checkUpdate();
        refuseEngagement(state, step, new Date());
      },
    },
  );
  setHandler(
    requestPartialResumptionUpdate,
    async (step) => {
      const due = await ownActivities.computePartialResumptionDeadline({ resumesOn: step.resumesOn });
      state.partialResumption = {
        resumesOn: step.resumesOn,
        requestedOn: step.requestedOn,
        dueDate: due.date,
        late: step.requestedOn > due.date,
        status: 'awaitingAuthorisation',
        ruleId: due.ruleId,
        explanation: due.explanation,
      };
      await audit('requestPartialResumption', step);
      await project();
      return state;
    },
    {
      validator: (step) => {
        guard.checkUpdate();
        refusePartialResumptionRequest(state, step, new Date());
      },
    },
  );
  setHandler(
    decidePartialResumptionUpdate,
    async (step) => {
      state.partialResumption!.status = step.authorised ? 'authorised' : 'refused';
      await audit(step.authorised ? 'authorisePartialResumption' : 'refusePartialResumption', step);
      await project();
      return state;
    },
    {
      validator: (step) => {
        guard.checkUpdate();
        refusePartialResumptionDecision(state, step);
      },
    },
  );
  setHandler(
    issueRtwFundVoucherUpdate,
    async (step) => {
      const { ruleId, text } = checkRtwFundVoucher(state, input, step, new Date());
      state.rtwFundVoucher = { provider: step.provider, issuedOn: step.issuedOn, ruleId, explanation: text };
      await audit('issueRtwFundVoucher', step);
      await project();
      return state;
    },
    {
      validator: (step) => {
        guard.checkUpdate();
        checkRtwFundVoucher(state, input, step, new Date());
      },
    },
  );
  /**
   * A request whose work takes time (a child workflow, a partner's registration): recorded and
   * audited here, acted on by its loop in the active phase; one at a time.
   */
  const queueRequest = <Key extends 'training' | 'employmentReferral' | 'reintegration'>(
    update: UpdateDefinition<TrajectoryState, [NonNullable<Pending[Key]>]>,
    key: Key,
    what: string,
    refuse: (step: NonNullable<Pending[Key]>) => void,
  ) =>
    setHandler(
      update,
      async (step) => {
        pending[key] = step;
        await audit(update.name, step);
        return state;
      },
      {
        validator: (step) => {
          guard.checkUpdate();
          if (pending[key] !== undefined) throw new Error(`${what} is already being processed`);
          refuse(step);
        },
      },
    );
  queueRequest(fileTrainingRequestUpdate, 'training', 'a training request', (step) => refuseTrainingRequest(state, step));
  queueRequest(referToEmploymentServiceUpdate, 'employmentReferral', 'a referral to the employment service', (step) =>
    refuseEmploymentReferral(state, input, step),
  );
  queueRequest(referToOccupationalPhysicianUpdate, 'reintegration', 'a referral to the occupational physician', (step) =>
    refuseReintegrationRequest(state, input, step, new Date()),
  );

  // A partner may deliver an event twice: each event ID is applied once.
  const firstDelivery = (eventId: string) => {
    const applied = (state.appliedEventIds ??= []);
    if (applied.includes(eventId)) return false;
    applied.push(eventId);
    return true;
  };
  setHandler(employmentServiceEventSignal, (event) => {
    guard.signalHandled();
    if (firstDelivery(event.eventId)) pending.employmentEvents.push(event);
  });
  setHandler(employerReintegrationEventSignal, (event) => {
    guard.signalHandled();
    if (firstDelivery(event.eventId)) pending.reintegrationEvents.push(event);
  });
  setHandler(
    recordTrainingOutcomeUpdate,
    async (step) => {
      const training = state.training!;
      training.status = step.result;
      if (step.result === 'passed') {
        training.reevaluationOn = deadlines.trainingReevaluationOn(step.on).date;
        training.reevaluation = 'scheduled';
      }
      await audit(`recordTrainingOutcome:${step.result}`, step);
      await project();
      return state;
    },
    {
      validator: (step) => {
        guard.checkUpdate();
        refuseTrainingOutcome(state, step, new Date());
      },
    },
  );
  setHandler(
    recordFollowUpUpdate,
    async (step) => {
      state.lastFollowUpOn = step.heldOn;
      const training = state.training;
      if (training?.reevaluation === 'due' && step.heldOn >= training.reevaluationOn!) training.reevaluation = 'done';
      await audit('recordFollowUp', step);
      return state;
    },
    {
      validator: (step) => {
        guard.checkUpdate();
        refuseFollowUp(state, step, new Date());
      },
    },
  );
  setHandler(
    recordOutcomeUpdate,
    async (step) => {
      state.outcome = step.outcome;
      state.endedOn = step.on;
      state.status = 'completed';
      await audit(`recordOutcome:${step.outcome}`, step);
      return state;
    },
    {
      validator: (step) => {
        guard.checkUpdate();
        refuseOutcome(state, step, new Date());
      },
    },
  );
  setHandler(
    stopTrajectoryUpdate,
    async (step) => {
      state.status = 'stopped';
      state.outcome = 'stoppedByInsured';
      state.endedOn = today();
      await audit('stopTrajectory', step);
      return state;
    },
    {
      validator: (step) => {
        guard.checkUpdate();
        refuseStop(state, step);
      },
    },
  );
}
