import type { UpdateDefinition } from '@temporalio/common';
import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import {
  recordHcgriDecisionUpdate,
  recordPhysicianAdviceUpdate,
  recordRizivExaminationUpdate,
  retryTrainingReviewPartnerCallUpdate,
  trainingReviewStateQuery,
  type CaseActivities,
  type HumanStep,
  type HumanStepName,
  type OpenTask,
  type TrainingReviewInput,
  type TrainingReviewState,
  type TrainingReviewStatus,
} from '@tnw/contracts';
import { defaultRulebook } from '@tnw/domain';
import { caseActivities, ownActivities, PARTNER_CALL_BOUND } from '../case-activities';
import { checkActorMayTake } from '../human-step-checks';
import { PartnerCalls, partnerTasksOf } from '../shared/partner-calls';
import { createUpdateOrderGuard } from '../shared/update-order-guard';
import { today } from '../workflow-time';

const { replaceTasks, appendAuditEntry, notifyCoordinator } = ownActivities;

/** Who must act in each waiting state, for the task inboxes. */
const TASK_OF: Partial<Record<TrainingReviewStatus, OpenTask>> = {
  awaitingPhysicianAdvice: { kind: 'trainingAdvice', role: 'advisingPhysician' },
  awaitingRizivExamination: { kind: 'rizivExamination', role: 'rizivReviewer' },
  awaitingHcgriDecision: { kind: 'hcgriDecision', role: 'hcgriMember' },
};

/**
 * The review of one training project (D21): the dossier is registered at RIZIV; the advising
 * physician advises; RIZIV examines and advises; the HCGRI decides. Approved: the mutuality pays
 * the intervention. Either way the insured receives exactly one letter, registered where the
 * rulebook says so. An unfavourable medical advice ends the review before RIZIV.
 */
export async function trainingReviewWorkflow(input: TrainingReviewInput): Promise<TrainingReviewState> {
  const guard = createUpdateOrderGuard();
  const state: TrainingReviewState = { caseId: input.caseId, status: 'registeringDossier' };

  /** The review's tasks: the step it waits for, and one per partner whose calls wait for the coordinator. */
  const projectTasks = async () => {
    const task = TASK_OF[state.status];
    const openTasks = [...(task ? [task] : []), ...partnerTasksOf(state.partnerCalls, 'trainingReview')];
    await replaceTasks({ caseId: input.caseId, scope: 'trainingReview', openTasks });
  };
  const enter = async (status: TrainingReviewStatus) => {
    state.status = status;
    await projectTasks();
  };
  const partnerCalls = new PartnerCalls<CaseActivities>({
    legacy: caseActivities,
    waiting: () => state.partnerCalls,
    setWaiting: (calls) => void (state.partnerCalls = calls),
    onChange: async ({ partner, effect, detail }, change) => {
      await projectTasks();
      if (change !== 'unreachable') return;
      const message = `Training review: ${partner} did not answer ${effect}${detail ? ` (${detail})` : ''} for ${PARTNER_CALL_BOUND}; it is tried again when the coordinator decides so (retry-partner-call).`;
      await notifyCoordinator({ caseId: input.caseId, step: 'partnerUnreachable', message });
    },
  });
  const audit = (action: string, step: HumanStep) =>
    appendAuditEntry({ caseId: input.caseId, actor: step.actor, action, reason: step.reason, occurredAt: new Date().toISOString() });
  /** Each step is taken once, by its role, in its stage; the handler records it and its audit entry. */
  const handleStep = <Step extends HumanStep>(
    update: UpdateDefinition<TrainingReviewState, [Step]>,
    name: HumanStepName,
    stage: TrainingReviewStatus,
    record: (step: Step) => string,
  ) =>
    setHandler(
      update,
      async (step) => {
        await audit(`${name}:${record(step)}`, step);
        return state;
      },
      {
        validator: (step) => {
          guard.checkUpdate();
          checkActorMayTake(name, step);
          if (state.status !== stage) throw new Error(`${name} cannot be recorded while the review is ${state.status}`);
        },
      },
    );

  setHandler(trainingReviewStateQuery, () => state);
  handleStep(recordPhysicianAdviceUpdate, 'recordPhysicianAdvice', 'awaitingPhysicianAdvice', ({ advice }) => (state.physicianAdvice = advice));
  handleStep(recordRizivExaminationUpdate, 'recordRizivExamination', 'awaitingRizivExamination', ({ advice }) => (state.rizivAdvice = advice));
  handleStep(recordHcgriDecisionUpdate, 'recordHcgriDecision', 'awaitingHcgriDecision', ({ decision }) => (state.decision = decision));
  partnerCalls.registerRetryStep(retryTrainingReviewPartnerCallUpdate, () => state, audit, guard.checkUpdate);

  state.dossierId = (
    await partnerCalls.call({ partner: 'riziv', effect: 'registerTrainingDossier' }, (activities) =>
      activities.registerTrainingDossier({ caseId: input.caseId, project: input.project }),
    )
  ).dossierId;

  await enter('awaitingPhysicianAdvice');
  await condition(() => state.physicianAdvice !== undefined);
  if (state.physicianAdvice === 'unfavourable') {
    state.decision = 'refused';
    state.decidedBy = 'advisingPhysician';
  } else {
    await enter('awaitingRizivExamination');
    await condition(() => state.rizivAdvice !== undefined);
    await enter('awaitingHcgriDecision');
    await condition(() => state.decision !== undefined);
    state.decidedBy = 'hcgri';
  }

  await enter('informingInsured');
  if (state.decision === 'approved') {
    const { dossierId } = state;
    state.paymentId = (
      await partnerCalls.call({ partner: 'mutuality', effect: 'payTrainingIntervention' }, (activities) =>
        activities.payTrainingIntervention({ caseId: input.caseId, personId: input.personId, dossierId }),
      )
    ).paymentId;
  }
  const registered = defaultRulebook.rule('letters.registeredLetterRequiredFor', today()).value.includes('trainingProjectDecision');
  state.letterId = (
    await partnerCalls.call({ partner: 'letters', effect: 'sendInsuredLetter', detail: 'trainingProjectDecision' }, (activities) =>
      activities.sendInsuredLetter({ caseId: input.caseId, personId: input.personId, kind: 'trainingProjectDecision', registered }),
    )
  ).letterId;
  state.status = 'decided';
  await condition(allHandlersFinished);
  return state;
}
