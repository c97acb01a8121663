import { Injectable } from '@nestjs/common';
import {
  MONTHLY_REPORT_WORKFLOW,
  monthlyReportWorkflowId,
  type MonthlyReport,
  type MonthlyReportWorkflow,
} from '@tnw/contracts';
import { MonthlyReports } from '@tnw/persistence';
import { invalidRequest } from '../../../shared/request-validation';
import { TemporalClientHolder } from '../temporal-client.provider';

@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: MonthlyReports,
    private readonly temporal: TemporalClientHolder,
  ) {}

  async stored(month: string) {
    return { month, mutualities: await this.reports.ofMonth(month) };
  }

  /**
   * Computes the month now and answers the report. One workflow ID per month: while a run of it
   * is in progress (the Schedule's or another request's) this request joins it; once it has
   * closed, a new run computes again, counting what was recorded since.
   */
  async run(month: string, today: string): Promise<MonthlyReport> {
    if (month > today.slice(0, 7)) {
      throw invalidRequest([{ field: 'month', rule: 'notInFuture', message: `month must not be after the current month (${today.slice(0, 7)})` }]);
    }
    const handle = await this.temporal.client.workflow.start<MonthlyReportWorkflow>(MONTHLY_REPORT_WORKFLOW, {
      workflowId: monthlyReportWorkflowId(month),
      taskQueue: this.temporal.taskQueue,
      args: [{ month }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    return handle.result();
  }
}
