import { EPISODE_WORKFLOW } from './episode';
import { MONTHLY_REPORT_WORKFLOW } from './monthly-report';
import { TRAINING_REVIEW_WORKFLOW } from './training-review';
import { TRAJECTORY_WORKFLOW } from './trajectory';

/** Every workflow type the system runs; the worker proves at compile time that each is exported. */
export const WORKFLOW_TYPES = [TRAJECTORY_WORKFLOW, TRAINING_REVIEW_WORKFLOW, EPISODE_WORKFLOW, MONTHLY_REPORT_WORKFLOW] as const;
export type WorkflowType = (typeof WORKFLOW_TYPES)[number];
