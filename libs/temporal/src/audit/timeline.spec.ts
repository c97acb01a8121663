import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { defaultRulebook, type RuleId } from '@tnw/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDataConverter } from '../codec';
import type { WorkflowRunHistory } from './history-export';
import { buildTimeline, formatTimeline, scrub, type AuditLogRecord, type TimelineEntry } from './timeline';
import { STEP_RULES } from './timeline-labels';

const CASE_ID = 'acce55ed-0000-4000-8000-000000000001';
const WORKFLOW_ID = `trajectory-${CASE_ID}`;
const RUN_ID = 'run-1';

function committed(type: string, name: string, workflowId = WORKFLOW_ID): WorkflowRunHistory {
  const json = JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'histories', type, `${name}.json`), 'utf8'),
  );
  return { workflowId, runId: RUN_ID, workflowType: type, history: historyFromJSON(json) };
}

/** The audit_log rows the worker would have written for the run's appendAuditEntry activities. */
function auditRowsOf(run: WorkflowRunHistory): AuditLogRecord[] {
  return (run.history.events ?? [])
    .filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'appendAuditEntry')
    .map((e, index) => ({
      id: String(100 + index),
      idempotencyKey: `${run.workflowId}/${run.runId}/${e.activityTaskScheduledEventAttributes!.activityId}`,
      actorId: 'from-the-table',
      actorRole: 'coordinator',
      action: `action-${index}`,
      reason: null,
      occurredAt: new Date(0),
      recordedAt: new Date(0),
    }));
}

const timelineOf = (runs: WorkflowRunHistory[], auditEntries: AuditLogRecord[] = []) =>
  buildTimeline({
    subject: { kind: 'case', id: CASE_ID },
    runs,
    auditEntries,
    dataConverter: testDataConverter(),
    now: new Date(0),
  });

const humanSteps = (entries: TimelineEntry[]) => entries.filter((e) => e.kind === 'humanStep');

describe('the auditors’ timeline of committed histories', () => {
  it('lists each human step with its actor, role, reason, rule and audit-log entry, and each deadline with its rule', async () => {
    const run = committed('trajectoryWorkflow', 'training-passed-then-work-resumed');
    const rows = auditRowsOf(run);
    const missing = rows.pop()!;
    const stray: AuditLogRecord = {
      ...missing,
      id: '999',
      idempotencyKey: 'elsewhere/run/1',
      reason: 'called 85.07.30-033.28 back',
    };
    const timeline = await timelineOf([run], [...rows, stray]);

    expect(timeline).toMatchObject({ timeZone: 'Europe/Brussels', undecodablePayloads: 0 });
    const steps = humanSteps(timeline.entries);
    expect(steps.map((s) => s.what)).toEqual([
      'First contact recorded',
      'Engagement declaration signed',
      'Training project filed',
      'Follow-up recorded',
      'Training outcome recorded',
      'Outcome recorded',
    ]);
    expect(steps[0]).toMatchObject({
      kind: 'humanStep',
      actor: { id: 'coord-17', role: 'coordinator' },
      details: { heldOn: '2033-01-10' },
      rule: {
        id: 'coordinator.firstContactWithin',
        citation: { domainRule: 'D9' },
        version: { from: '2022-01-01' },
        explanation: expect.stringMatching(/within 1 month: by 2033-02-03/),
      },
      auditLog: { entryId: '100', action: 'action-0' },
    });
    expect(steps[0].at).toMatch(/^2033-01-10T09:00:\d{2}\.\d{3}\+01:00$/);
    // The follow-up met the deadline computed from the first contact, not the next one.
    expect(steps[3].rule?.explanation).toMatch(/after the assessment of 2033-01-10/);
    expect(steps[5].auditLog).toBe('missing');
    expect(timeline.unmatchedAuditEntries).toEqual([
      expect.objectContaining({ entryId: '999', reason: 'called xx.xx.xx-xxx.28 back' }),
    ]);

    const firstContactDeadline = timeline.entries.find(
      (e) => e.kind === 'deadlineSet' && e.rule?.id === 'coordinator.firstContactWithin',
    );
    expect(firstContactDeadline).toMatchObject({
      details: { firesAt: expect.stringMatching(/^2033-02-04T00:00:00/) },
      rule: { citation: { domainRule: 'D9' } },
    });
    expect(timeline.entries.find((e) => e.kind === 'deadlinePassed')).toMatchObject({
      rule: { id: 'advisingPhysician.followUpEvery' },
    });
    expect(timeline.entries.filter((e) => e.kind === 'childStarted' || e.kind === 'childEnded').map((e) => e.kind)).toEqual([
      'childStarted',
      'childEnded',
    ]);
    expect(timeline.entries.at(-1)).toMatchObject({
      kind: 'workflowEnded',
      details: { status: 'completed', outcome: 'workResumedOwnEmployer' },
    });

    // Entries are in time order, and no pseudonymous person ID leaks into them.
    const times = timeline.entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(JSON.stringify(timeline)).not.toMatch(/personId/);
    expect(formatTimeline(timeline)).toMatch(/First contact recorded\n {4}by coord-17 as coordinator/);
  });

  it('explains a refusal with the rule that refused, and shows the reason given', async () => {
    const timeline = await timelineOf([committed('trajectoryWorkflow', 'route-b-refused')]);
    expect(humanSteps(timeline.entries)[0]).toMatchObject({
      actor: { role: 'advisingPhysician' },
      reason: 'treatment first',
      details: { agrees: false },
    });
    expect(timeline.entries.at(-1)).toMatchObject({
      kind: 'workflowEnded',
      details: { status: 'refused' },
      rule: {
        id: 'routeB.advisingPhysicianAgreement',
        citation: { domainRule: 'D14' },
        explanation: expect.stringMatching(/health does not allow/),
      },
    });
  });

  it('tells apart the deadlines one rule gives (the contact moments of months 4, 7 and 11)', async () => {
    const episode = committed('episodeWorkflow', 'first-year-and-renewal', `episode-${CASE_ID}`);
    const timeline = await timelineOf([episode]);
    const contacts = humanSteps(timeline.entries).filter((e) => e.what === 'Contact moment held');
    expect(contacts.map((c) => [c.details?.month, c.rule?.explanation?.match(/month (\d+)/)?.[1]])).toEqual([
      [4, '4'],
      [7, '7'],
      [11, '11'],
    ]);
  });

  it('counts the payloads it cannot decode (an erased person) instead of failing', async () => {
    const run = committed('trajectoryWorkflow', 'route-b-refused');
    const timeline = await buildTimeline({ subject: { kind: 'case', id: CASE_ID }, runs: [run], auditEntries: [] });
    expect(timeline.undecodablePayloads).toBeGreaterThan(0);
    expect(humanSteps(timeline.entries)[0]).toMatchObject({ what: "Advising physician's agreement recorded" });
    expect(humanSteps(timeline.entries)[0].actor).toBeUndefined();
  });

  it('maps steps only to rules the rulebook has', () => {
    const ids = defaultRulebook.ids();
    for (const rule of Object.values(STEP_RULES)) expect(ids).toContain(rule as RuleId);
  });

  it('masks anything shaped like a national number', () => {
    expect(scrub('85.07.30-033.28, 85073003328 and 85 07 30 033 28')).toBe(
      'xx.xx.xx-xxx.28, xx.xx.xx-xxx.28 and xx.xx.xx-xxx.28',
    );
    expect(scrub('held on 2026-03-02, case 1234')).toBe('held on 2026-03-02, case 1234');
  });
});
