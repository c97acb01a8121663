import { ConflictException, Injectable, NotFoundException, type HttpException } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import {
  retryPartnerCallUpdate,
  retryTrainingReviewPartnerCallUpdate,
  STEP_ARRIVED_MID_TASK,
  trainingReviewStateQuery,
  trajectoryStateQuery,
  trajectoryWorkflowId,
  type PartnerCallRetry,
  type TrajectoryState,
} from '@tnw/contracts';
import { CaseReadModel } from '@tnw/persistence';
import { TemporalClientHolder } from '../temporal-client.provider';
import { workflowUnavailable } from '../workflow-unavailable';

/**
 * Sends human steps to the workflows as updates. The workflow validates each one: a step in the
 * wrong state comes back as 409 with the workflow's reason, and nothing is recorded.
 */
@Injectable()
export class CaseStepsService {
  constructor(
    private readonly temporal: TemporalClientHolder,
    private readonly readModel: CaseReadModel,
  ) {}

  toTrajectory<Ret, Args extends [unknown]>(caseId: string, update: UpdateDefinition<Ret, Args>, step: Args[0]): Promise<Ret> {
    return this.send(caseId, trajectoryWorkflowId(caseId), update, step);
  }

  /** Steps of the training review go to the review the trajectory is running now. */
  async toTrainingReview<Ret, Args extends [unknown]>(caseId: string, update: UpdateDefinition<Ret, Args>, step: Args[0]): Promise<Ret> {
    const state = await this.query(caseId);
    const training = state.training;
    if (training?.status !== 'inReview') {
      throw refused(`no training project is in review for this case (${training ? `the last one is ${training.status}` : 'none filed'})`);
    }
    return this.send(caseId, training.reviewWorkflowId, update, step);
  }

  /**
   * The coordinator's decision to try the waiting partner calls again. They may wait in the
   * trajectory or in the training review it runs (RIZIV, the payment, the decision letter): the
   * step goes to each that has one, and to the trajectory when none has (it refuses with its reason).
   */
  async retryPartnerCall(caseId: string, step: PartnerCallRetry): Promise<TrajectoryState> {
    const state = await this.query(caseId);
    const waits = (calls: { partner: string }[] | undefined) => (calls ?? []).some((call) => !step.partner || call.partner === step.partner);
    const review = state.training?.status === 'inReview' ? state.training.reviewWorkflowId : undefined;
    const reviewWaits = review
      ? waits((await this.temporal.client.workflow.getHandle(review).query(trainingReviewStateQuery).catch(() => undefined))?.partnerCalls)
      : false;
    if (reviewWaits) {
      await this.send(caseId, review!, retryTrainingReviewPartnerCallUpdate, step);
      if (!waits(state.partnerCalls)) return this.query(caseId);
    }
    return this.send(caseId, trajectoryWorkflowId(caseId), retryPartnerCallUpdate, step);
  }

  private async query(caseId: string) {
    try {
      return await this.temporal.client.workflow.getHandle(trajectoryWorkflowId(caseId)).query(trajectoryStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw await this.notRunning(caseId);
      throw workflowUnavailable(error) ?? error;
    }
  }

  private send<Ret, Args extends [unknown]>(caseId: string, workflowId: string, update: UpdateDefinition<Ret, Args>, step: Args[0]) {
    return sendStep(this.temporal.client, { workflowId, notRunning: () => this.notRunning(caseId) }, update, step);
  }

  /** A step for a workflow that has ended is refused with the case's final status; an unknown case is 404. */
  private async notRunning(caseId: string) {
    const view = await this.readModel.find(caseId);
    if (!view) return new NotFoundException(`no case ${caseId}`);
    return refused(`the trajectory of this case has ended (${view.case.status}); nothing was recorded`);
  }
}

/** The workflow a step goes to, and what to answer when it is not running (ended or unknown). */
export interface StepTarget {
  workflowId: string;
  notRunning(): Promise<HttpException>;
}

/** How often a step the workflow refused as arrived mid-task is sent again (nothing was recorded). */
const MID_TASK_SENDS = 5;

/**
 * Sends a human step as an update: the workflow's refusal becomes 409 with its reason. A step
 * that reached the workflow after other work of the same workflow task is refused with
 * STEP_ARRIVED_MID_TASK (workflows/shared/update-order-guard.ts) and sent again at once: it then
 * arrives in a workflow task of its own.
 */
export async function sendStep<Ret, Args extends [unknown]>(
  client: Client,
  target: StepTarget,
  update: UpdateDefinition<Ret, Args>,
  step: Args[0],
): Promise<Ret> {
  for (let send = 1; ; send++) {
    try {
      return await client.workflow.getHandle(target.workflowId).executeUpdate(update, { args: [step] as Args });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw await target.notRunning();
      if (error instanceof WorkflowUpdateFailedError) {
        const arrivedMidTask = error.cause instanceof ApplicationFailure && error.cause.type === STEP_ARRIVED_MID_TASK;
        if (arrivedMidTask && send < MID_TASK_SENDS) continue;
        throw refused(error.cause?.message ?? error.message);
      }
      throw workflowUnavailable(error) ?? error;
    }
  }
}

export function refused(message: string): ConflictException {
  return new ConflictException({ statusCode: 409, error: 'Refused', message });
}
