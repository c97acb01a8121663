// FIXTURE: the production workflows, with the trajectory replaced by its incompatible variant.
export { trainingReviewWorkflow } from '../../../workflows/training-review/training-review.workflow';
export { trajectoryWorkflow } from './trajectory.workflow';
export { episodeWorkflow } from '../../../workflows/episode/episode.workflow';
export { monthlyReportWorkflow } from '../../../workflows/monthly-report/monthly-report.workflow';
