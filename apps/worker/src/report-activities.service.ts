import { Injectable } from '@nestjs/common';
import { TRAJECTORY_OUTCOMES, type MonthlyReport, type MutualityIndicators, type ReportActivities } from '@tnw/contracts';
import { addPeriod, deadlines, startOfDayInBrussels } from '@tnw/domain';
import { MonthlyReports, type CaseAuditFact } from '@tnw/persistence';

/** The audit actions the trajectory workflow writes for the steps the indicators count. */
const FIRST_CONTACT = 'recordFirstContact';
const RETURNS_TO_WORK = TRAJECTORY_OUTCOMES.filter((outcome) => outcome.startsWith('workResumed') || outcome === 'selfEmployment').map(
  (outcome) => `recordOutcome:${outcome}`,
);

/** The monthly funding report (D9, [003]), computed from the audit log and the case read model. */
@Injectable()
export class ReportActivitiesService implements ReportActivities {
  constructor(private readonly reports: MonthlyReports) {}

  async computeMonthlyReport({ month }: { month: string }): Promise<MonthlyReport> {
    const { from, until } = brusselsMonth(month);
    const entries = await this.reports.caseEntriesBetween([FIRST_CONTACT, ...RETURNS_TO_WORK], from, until);
    const report = { month, computedAt: new Date().toISOString(), mutualities: indicatorsByMutuality(entries) };
    await this.reports.replaceMonth(report);
    return report;
  }
}

/** The month's first and last instants in Belgium: [00:00 on the 1st, 00:00 on the next 1st). */
function brusselsMonth(month: string): { from: Date; until: Date } {
  const first = `${month}-01`;
  return {
    from: new Date(startOfDayInBrussels(first)),
    until: new Date(startOfDayInBrussels(addPeriod(first, { amount: 1, unit: 'months' }))),
  };
}

function indicatorsByMutuality(entries: CaseAuditFact[]): MutualityIndicators[] {
  const byMutuality = new Map<string, MutualityIndicators>();
  for (const entry of entries) {
    let indicators = byMutuality.get(entry.mutuality);
    if (!indicators) {
      indicators = { mutuality: entry.mutuality, firstContacts: 0, firstContactsWithinDeadline: 0, trajectoriesStarted: 0, returnsToWork: 0 };
      byMutuality.set(entry.mutuality, indicators);
    }
    if (entry.action === FIRST_CONTACT) {
      indicators.firstContacts++;
      // D9 as the trajectory workflow keeps it: in time when recorded before the deadline expires.
      if (entry.occurredAt.getTime() < Date.parse(deadlines.coordinatorFirstContactDue(entry.referralDate).expiresAt!)) {
        indicators.firstContactsWithinDeadline++;
      }
      // A trajectory becomes active at its first conversation (D17): each first contact starts one.
      indicators.trajectoriesStarted++;
    } else {
      indicators.returnsToWork++;
    }
  }
  return [...byMutuality.values()].sort((a, b) => a.mutuality.localeCompare(b.mutuality));
}
