import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { HumanStep } from './actor';
import type { PartnerCallRetry, WaitingPartnerCall } from './partner-calls';

/** Child workflow of a trajectory: the review of one training project (D21). */
export const TRAINING_REVIEW_WORKFLOW = 'trainingReviewWorkflow' as const;

/** One review per filed project; the sequence number tells a second project of the same case apart. */
export function trainingReviewWorkflowId(caseId: string, sequence: number): string {
  return `training-review-${caseId}-${sequence}`;
}

export interface TrainingProject {
  title: string;
  provider: string;
  startsOn: string;
  endsOn: string;
}

export interface TrainingReviewInput {
  caseId: string;
  personId: string;
  project: TrainingProject;
  filedOn: string;
}

export type TrainingReviewStatus =
  | 'registeringDossier'
  | 'awaitingPhysicianAdvice'
  | 'awaitingRizivExamination'
  | 'awaitingHcgriDecision'
  | 'informingInsured'
  | 'decided';

export type Advice = 'favourable' | 'unfavourable';
export type HcgriDecision = 'approved' | 'refused';

export interface TrainingReviewState {
  caseId: string;
  status: TrainingReviewStatus;
  dossierId?: string;
  physicianAdvice?: Advice;
  rizivAdvice?: Advice;
  decision?: HcgriDecision;
  /** Who refused when the advising physician's advice ended the review before RIZIV. */
  decidedBy?: 'advisingPhysician' | 'hcgri';
  paymentId?: string;
  letterId?: string;
  /** Partner calls retried for their whole bound, each waiting for the coordinator's decision. */
  partnerCalls?: WaitingPartnerCall[];
}

export interface AdviceStep extends HumanStep {
  advice: Advice;
}

export interface HcgriDecisionStep extends HumanStep {
  decision: HcgriDecision;
}

export const trainingReviewStateQuery = defineQuery<TrainingReviewState>('trainingReviewState');
export const recordPhysicianAdviceUpdate = defineUpdate<TrainingReviewState, [AdviceStep]>('recordPhysicianAdvice');
export const recordRizivExaminationUpdate = defineUpdate<TrainingReviewState, [AdviceStep]>('recordRizivExamination');
export const recordHcgriDecisionUpdate = defineUpdate<TrainingReviewState, [HcgriDecisionStep]>('recordHcgriDecision');
export const retryTrainingReviewPartnerCallUpdate = defineUpdate<TrainingReviewState, [PartnerCallRetry]>('retryPartnerCall');
