import { ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { REPORT_MONTH_PATTERN, type MonthlyReport, type MonthlyReportInput, type ReportActivities } from '@tnw/contracts';
import { previousMonthOf } from './report-month';

/** The read model is ours: its outages are retried; the report is written whole or not at all. */
const { computeMonthlyReport } = proxyActivities<ReportActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * The monthly report of the indicators that fund each mutuality (D9, [003]). Started by the
 * Schedule without input, it reports the month before its start (workflow time, deterministic
 * on replay); started by the API, the month asked for.
 */
export async function monthlyReportWorkflow(input: MonthlyReportInput = {}): Promise<MonthlyReport> {
  const month = input.month ?? previousMonthOf(workflowInfo().startTime.toISOString());
  if (!REPORT_MONTH_PATTERN.test(month)) {
    throw ApplicationFailure.nonRetryable(`month must be YYYY-MM, not "${month}"`, 'InvalidReportMonth');
  }
  return computeMonthlyReport({ month });
}
