import { episodeWorkflowId, monthlyReportWorkflowId, trainingReviewWorkflowId, trajectoryWorkflowId } from '@tnw/contracts';
import { randomUUID } from 'node:crypto';
import { workflowOwner } from './workflow-owners';

describe('workflowOwner reads whose payloads a workflow holds from the IDs libs/contracts builds', () => {
  const id = randomUUID();

  it.each([
    ['a trajectory', trajectoryWorkflowId(id), { kind: 'case', caseId: id }],
    ['a training review (the case of its trajectory)', trainingReviewWorkflowId(id, 2), { kind: 'case', caseId: id }],
    ['an episode', episodeWorkflowId(id), { kind: 'episode', episodeId: id }],
    ['a monthly report', monthlyReportWorkflowId('2033-02'), { kind: 'system' }],
    ["the Schedule's monthly report", 'monthly-report-scheduled-2033-03-01T01:00:00Z', { kind: 'system' }],
  ])('%s', (_what, workflowId, owner) => {
    expect(workflowOwner(workflowId)).toEqual(owner);
  });

  it.each([['trajectory-85073003328'], ['trajectory-'], [`other-${id}`], [`trajectory-${id}-1`], ['fake']])('knows no owner of %s', (workflowId) => {
    expect(workflowOwner(workflowId)).toBeUndefined();
  });
});
