import { WorkflowFailedError, type Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import { MONTHLY_REPORT_WORKFLOW, type MonthlyReportInput, type ReportActivities } from '@tnw/contracts';
import { testDataConverter } from '@tnw/temporal';
import { writeHistory } from '../support/histories';
import { bundleWorkflows, clientWithoutSkipping, createTimeSkippingEnv, resultOnceClosed, skipTo } from '../support/time-skipping';

/** Which month the report workflow asks for, as the Schedule starts it (no input) or the API does. */
describe('monthly report workflow, on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let client: Client;
  let bundle: WorkflowBundle;
  const askedMonths: string[] = [];
  const activities: ReportActivities = {
    computeMonthlyReport: async ({ month }) => {
      askedMonths.push(month);
      return { month, computedAt: new Date().toISOString(), mutualities: [{ mutuality: '100', firstContacts: 2, firstContactsWithinDeadline: 1, trajectoriesStarted: 2, returnsToWork: 1 }] };
    },
  };

  beforeAll(async () => {
    [env, bundle] = await Promise.all([createTimeSkippingEnv(), bundleWorkflows()]);
    client = clientWithoutSkipping(env);
  });
  afterAll(async () => {
    await env?.teardown();
  });
  beforeEach(() => (askedMonths.length = 0));

  async function runReport(name: string, ...args: [MonthlyReportInput] | []) {
    const taskQueue = `monthly-report-${name}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities, dataConverter: testDataConverter() });
    return worker.runUntil(async () => {
      const handle = await client.workflow.start(MONTHLY_REPORT_WORKFLOW, { workflowId: `monthly-report-${name}`, taskQueue, args });
      try {
        return await resultOnceClosed(handle);
      } finally {
        await writeHistory(MONTHLY_REPORT_WORKFLOW, name, await handle.fetchHistory());
      }
    });
  }

  it('started as the Schedule starts it, at 02:00 Brussels on 1 March, reports February', async () => {
    await skipTo(env, '2033-03-01T02:00:00+01:00');
    const report = await runReport('scheduled-reports-previous-month');
    expect(askedMonths).toEqual(['2033-02']);
    expect(report).toMatchObject({ month: '2033-02', mutualities: [{ mutuality: '100', firstContacts: 2 }] });
  });

  it('reads the start in Brussels: 00:30 on 1 April is 31 March in UTC, and it reports March', async () => {
    await skipTo(env, '2033-04-01T00:30:00+02:00');
    await runReport('scheduled-just-after-midnight');
    expect(askedMonths).toEqual(['2033-03']);
  });

  it('reports the month it is given, whatever the day it runs', async () => {
    await runReport('given-month', { month: '2032-12' });
    expect(askedMonths).toEqual(['2032-12']);
  });

  it('fails without asking anything when the month given is not YYYY-MM', async () => {
    await expect(runReport('invalid-month', { month: '2033-13' })).rejects.toBeInstanceOf(WorkflowFailedError);
    expect(askedMonths).toEqual([]);
  });
});
