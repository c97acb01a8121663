// Every workflow type the worker registers. The worker checks at compile time that each
// type named in libs/contracts is exported here (apps/worker/src/registered-workflows.ts).
export { trainingReviewWorkflow } from './training-review/training-review.workflow';
export { trajectoryWorkflow } from './trajectory/trajectory.workflow';
export { episodeWorkflow } from './episode/episode.workflow';
export { monthlyReportWorkflow } from './monthly-report/monthly-report.workflow';
