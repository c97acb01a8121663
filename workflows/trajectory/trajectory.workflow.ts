import {
  allHandlersFinished,
  condition,
  patched,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import {
  fileTrainingRequestUpdate,
  recordAdvisingPhysicianAgreementUpdate,
  recordFirstContactUpdate,
  recordFollowUpUpdate,
  recordOutcomeUpdate,
  recordTrainingOutcomeUpdate,
  employmentServiceEventSignal,
  referToEmploymentServiceUpdate,
  decidePartialResumptionUpdate,
  issueRtwFundVoucherUpdate,
  employerReintegrationEventSignal,
  referToOccupationalPhysicianUpdate,
  requestPartialResumptionUpdate,
  signEngagementDeclarationUpdate,
  stopTrajectoryUpdate,
  trajectoryStateQuery,
  type AuditEntry,
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
import { caseActivities } from '../case-activities';
import { millisecondsUntil, today } from '../workflow-time';
import { deadlineView, earliestDeadline, openTasksOf, searchAttributesOf } from './projection';
import { runActivePhase } from './active-phase';
import {
  checkRtwFundVoucher,
  refuseAgreement,
  refuseEmploymentReferral,
  refusePartialResumptionDecision,
  refusePartialResumptionRequest,
  refuseReintegrationRequest,
  refuseEngagement,
  refuseFirstContact,
  refuseFollowUp,
  refuseOutcome,
  refuseStop,
  refuseTrainingOutcome,
  refuseTrainingRequest,
} from './step-rules';

const {
  verifyMembership,
  confirmInvalidity,
  projectCase,
  appendAuditEntry,
  notifyCoordinator,
  sendInsuredLetter,
  computePartialResumptionDeadline,
} = caseActivities;

const ENDED = ['refused', 'notAMember', 'stopped', 'completed'] as const;

/**
 * A return-to-work trajectory from its start to its outcome (D13-D23): admission by route,
 * membership, the first conversation within the rulebook's deadline (escalated past it), then
 * the active phase (follow-ups, engagement declaration, training projects) until the insured
 * resumes work, stops (D4) or an outcome is recorded.
 */
export async function trajectoryWorkflow(input: TrajectoryInput): Promise<TrajectoryState> {
  const state: TrajectoryState = { caseId: input.caseId, route: input.route, status: 'verifyingMembership' };
  const pending: {
    agreement?: boolean;
    training?: TrainingRequest;
    employmentReferral?: EmploymentReferralRequest;
    employmentEvents: EmploymentServiceEventSignal[];
    reintegration?: ReintegrationRequest;
    reintegrationEvents: EmployerReintegrationEventSignal[];
  } = { employmentEvents: [], reintegrationEvents: [] };
  let projectionVersion = 0;
  // Histories from before the search attributes replay without them.
  const searchable = patched('trajectory-search-attributes');
  const project = () => {
    if (searchable) upsertSearchAttributes(searchAttributesOf(input, state));
    return projectCase({
      caseId: input.caseId,
      version: ++projectionVersion,
      route: input.route,
      status: state.status,
      mutuality: state.mutuality,
      nextDeadline: state.nextDeadline,
      openTasks: openTasksOf(state),
    });
  };
  const audit = (action: AuditEntry['action'], step: HumanStep) =>
    appendAuditEntry({ caseId: input.caseId, actor: step.actor, action, reason: step.reason, occurredAt: new Date().toISOString() });
  const ended = () => (ENDED as readonly string[]).includes(state.status);

  setHandler(trajectoryStateQuery, () => state);
  setHandler(
    recordAdvisingPhysicianAgreementUpdate,
    async (step) => {
      pending.agreement = step.agrees;
      await audit(step.agrees ? 'agreeToTrajectory' : 'disagreeWithTrajectory', step);
      return state;
    },
    { validator: (step) => refuseAgreement(state, step) },
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
    { validator: (step) => refuseFirstContact(state, input, step, new Date()) },
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
    { validator: (step) => refuseEngagement(state, step, new Date()) },
  );
  setHandler(
    fileTrainingRequestUpdate,
    async (step) => {
      pending.training = step;
      await audit('fileTrainingRequest', step);
      return state;
    },
    { validator: (step) => refuseTrainingRequest(state, step) },
  );
  setHandler(
    referToEmploymentServiceUpdate,
    async (step) => {
      pending.employmentReferral = step;
      await audit('referToEmploymentService', step);
      return state;
    },
    { validator: (step) => refuseEmploymentReferral(state, input, step) },
  );
  setHandler(
    requestPartialResumptionUpdate,
    async (step) => {
      const due = await computePartialResumptionDeadline({ resumesOn: step.resumesOn });
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
    { validator: (step) => refusePartialResumptionRequest(state, step, new Date()) },
  );
  setHandler(
    decidePartialResumptionUpdate,
    async (step) => {
      state.partialResumption!.status = step.authorised ? 'authorised' : 'refused';
      await audit(step.authorised ? 'authorisePartialResumption' : 'refusePartialResumption', step);
      await project();
      return state;
    },
    { validator: (step) => refusePartialResumptionDecision(state, step) },
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
    { validator: (step) => void checkRtwFundVoucher(state, input, step, new Date()) },
  );
  setHandler(
    referToOccupationalPhysicianUpdate,
    async (step) => {
      pending.reintegration = step;
      await audit('referToOccupationalPhysician', step);
      return state;
    },
    { validator: (step) => refuseReintegrationRequest(state, input, step, new Date()) },
  );
  // A partner may deliver an event twice: each event ID is applied once.
  const firstDelivery = (eventId: string) => {
    const applied = (state.appliedEventIds ??= []);
    if (applied.includes(eventId)) return false;
    applied.push(eventId);
    return true;
  };
  setHandler(employmentServiceEventSignal, (event) => {
    if (firstDelivery(event.eventId)) pending.employmentEvents.push(event);
  });
  setHandler(employerReintegrationEventSignal, (event) => {
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
    { validator: (step) => refuseTrainingOutcome(state, step, new Date()) },
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
    { validator: (step) => refuseFollowUp(state, step, new Date()) },
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
    { validator: (step) => refuseOutcome(state, step, new Date()) },
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
    { validator: (step) => refuseStop(state, step) },
  );

  /** Ends the workflow once every update has answered, so that none completes with it. */
  const finish = async () => {
    state.nextDeadline = undefined;
    state.followUpDue = undefined;
    if (state.status === 'stopped') {
      await sendInsuredLetter({ caseId: input.caseId, personId: input.personId, kind: 'trajectoryStopped', registered: false });
    }
    await condition(allHandlersFinished);
    await project();
    return state;
  };

  if (input.route === 'B') {
    state.status = 'awaitingAdvisingPhysicianAgreement';
    await project();
    await condition(() => pending.agreement !== undefined || ended());
    if (ended()) return finish();
    if (!pending.agreement) {
      refuse('routeB.advisingPhysicianAgreement', 'The advising physician judged that health does not allow a trajectory now.');
      await sendInsuredLetter({ caseId: input.caseId, personId: input.personId, kind: 'trajectoryRefused', registered: false });
      return finish();
    }
    state.status = 'verifyingMembership';
  }
  if (input.route === 'C') {
    state.status = 'confirmingInvalidity';
    await project();
    await notifyCoordinator({ caseId: input.caseId, step: 'routeC.registered', message: 'The employment service reported a spontaneous registration.' });
    const invalidity = await confirmInvalidity({ caseId: input.caseId, personId: input.personId, onDate: input.referralDate });
    if (!invalidity.inInvalidity) {
      refuse('routeC.invalidityConfirmedByMutuality', 'The mutuality does not confirm invalidity on the registration date.');
      await notifyCoordinator({ caseId: input.caseId, step: 'routeC.refused', message: 'Invalidity not confirmed: no trajectory.' });
      return finish();
    }
    await notifyCoordinator({ caseId: input.caseId, step: 'routeC.invalidityConfirmed', message: `Invalidity confirmed since ${invalidity.since}.` });
    state.status = 'verifyingMembership';
  }

  const membership = await verifyMembership({ caseId: input.caseId, personId: input.personId });
  if (!membership.member) {
    state.status = 'notAMember';
    await project();
    return state;
  }
  state.mutuality = membership.mutuality;

  const firstContact = deadlineView('firstContact', deadlines.coordinatorFirstContactDue(input.referralDate));
  state.status = 'awaitingFirstContact';
  state.nextDeadline = firstContact;
  await project();

  const held = () => state.firstContactDate !== undefined || ended();
  const heldInTime = await condition(held, millisecondsUntil(firstContact.expiresAt), { summary: `first contact due (${firstContact.ruleId})` });
  if (!heldInTime) {
    state.status = 'firstContactOverdue';
    firstContact.overdue = true;
    await project();
    await condition(held);
  }
  if (ended()) return finish();
  // The update that recorded the contact answers once its audit entry is written; letting it
  // finish first keeps its completion out of the workflow task that completes the workflow.
  await condition(allHandlersFinished);
  if (!patched('trajectory-continues-after-first-contact')) {
    // The first version of this workflow ended at the first conversation.
    await project();
    return state;
  }

  state.status = 'active';
  state.nextDeadline = undefined;
  if (input.route === 'C') {
    await notifyCoordinator({ caseId: input.caseId, step: 'routeC.started', message: 'The trajectory started after the first conversation.' });
  }
  await sendInsuredLetter({ caseId: input.caseId, personId: input.personId, kind: 'trajectoryStarted', registered: false });
  await runActivePhase({ input, state, pending, ended, project, refreshNextDeadline });
  return finish();

  function refuse(ruleId: string, message: string) {
    state.status = 'refused';
    state.refusal = { ruleId, message };
    state.endedOn = today();
  }

  function refreshNextDeadline() {
    state.nextDeadline = earliestDeadline(state.followUpDue, state.reintegration?.due);
  }
}
