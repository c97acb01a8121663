import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';
import { MONTHLY_REPORT_SCHEDULE_ID, MONTHLY_REPORT_WORKFLOW } from '@tnw/contracts';

/** Temporal appends the scheduled time to it: `monthly-report-scheduled-2033-03-01T01:00:00Z`. */
const SCHEDULED_WORKFLOW_ID_PREFIX = 'monthly-report-scheduled';

/**
 * Creates the Schedule of the monthly funding report, unless it exists: 02:00 Europe/Brussels on
 * the 1st of every month (the clocks never change on a 1st, so 02:00 always exists), starting
 * the report workflow without input, which then reports on the month that has just ended.
 * A run missed while Temporal was down is still taken within a week, so it falls in the month
 * after the one it reports and derives that month right; later, the API's run covers it.
 * An existing Schedule is left as it is: changing it is an operator's decision.
 */
export async function ensureMonthlyReportSchedule(client: Client, taskQueue: string): Promise<'created' | 'exists'> {
  try {
    await client.schedule.create({
      scheduleId: MONTHLY_REPORT_SCHEDULE_ID,
      spec: {
        calendars: [{ dayOfMonth: 1, hour: 2, minute: 0, comment: '02:00 on the 1st: the month that has just ended' }],
        timezone: 'Europe/Brussels',
      },
      action: { type: 'startWorkflow', workflowType: MONTHLY_REPORT_WORKFLOW, taskQueue, workflowId: SCHEDULED_WORKFLOW_ID_PREFIX, args: [] },
      policies: { catchupWindow: '7 days' },
      state: { note: 'D9, [003]: the indicators on which each mutuality is funded, per month' },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'exists';
    throw error;
  }
}
