// Every workflow type the worker registers. The worker checks at compile time that each
// type named in libs/contracts is exported here (apps/worker/src/registered-workflows.ts).
export { trajectoryWorkflow } from './trajectory/trajectory.workflow';
