/**
 * The monthly report of the indicators on which a mutuality is partly funded (D9; [003]
 * performance-based funding), per mutuality, for one calendar month in Europe/Brussels.
 */
export const MONTHLY_REPORT_WORKFLOW = 'monthlyReportWorkflow' as const;

/** The Temporal Schedule that starts the report at the start of every month. */
export const MONTHLY_REPORT_SCHEDULE_ID = 'monthly-funding-report';

/** A report month: YYYY-MM. */
export const REPORT_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** One workflow ID per month, so that asking twice for the same month joins the run in progress. */
export function monthlyReportWorkflowId(month: string): string {
  return `monthly-report-${month}`;
}

export interface MonthlyReportInput {
  /** YYYY-MM. Absent when the Schedule starts it: the month before the start, in Brussels. */
  month?: string;
}

export interface MutualityIndicators {
  mutuality: string;
  /** First conversations recorded in the month. */
  firstContacts: number;
  /** Of those, recorded before the D9 deadline counted from the referral date. */
  firstContactsWithinDeadline: number;
  trajectoriesStarted: number;
  /** Trajectories that ended in work resumed (own or other employer) or self-employment. */
  returnsToWork: number;
}

export interface MonthlyReport {
  month: string;
  /** When the indicators were computed (ISO 8601). */
  computedAt: string;
  /** Only the mutualities with something to count in the month. */
  mutualities: MutualityIndicators[];
}

export type MonthlyReportWorkflow = (input?: MonthlyReportInput) => Promise<MonthlyReport>;

/** Activities of the report workflow; workflows import this type only. */
export interface ReportActivities {
  /** Computes the month's indicators from the read model and stores them, replacing a previous run's. */
  computeMonthlyReport(request: { month: string }): Promise<MonthlyReport>;
}
