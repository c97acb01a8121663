/**
 * Whose payloads a workflow holds, read from its workflow ID (libs/contracts builds them). A
 * workflow ID holds only pseudonymous IDs, which name the case or episode; the database names
 * the person. The monthly report belongs to no person. An ID that matches none of these is
 * refused rather than given the system key: a new workflow type must say whose data it holds,
 * or its payloads would escape erasure.
 */
export type WorkflowOwner = { kind: 'case'; caseId: string } | { kind: 'episode'; episodeId: string } | { kind: 'system' };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const OWNERS: Array<[RegExp, (match: RegExpExecArray) => WorkflowOwner]> = [
  // trajectoryWorkflowId(caseId)
  [new RegExp(`^trajectory-(${UUID})$`, 'i'), (m) => ({ kind: 'case', caseId: m[1] })],
  // trainingReviewWorkflowId(caseId, sequence): the review's payloads are the case's person's
  [new RegExp(`^training-review-(${UUID})-\\d+$`, 'i'), (m) => ({ kind: 'case', caseId: m[1] })],
  // episodeWorkflowId(episodeId)
  [new RegExp(`^episode-(${UUID})$`, 'i'), (m) => ({ kind: 'episode', episodeId: m[1] })],
  // monthlyReportWorkflowId(month), and the Schedule's `monthly-report-scheduled-<instant>`
  [/^monthly-report-/, () => ({ kind: 'system' })],
];

export function workflowOwner(workflowId: string): WorkflowOwner | undefined {
  for (const [pattern, owner] of OWNERS) {
    const match = pattern.exec(workflowId);
    if (match) return owner(match);
  }
  return undefined;
}
