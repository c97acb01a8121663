import type { MonthlyReport, MutualityIndicators } from '@tnw/contracts';
import type { DataSource } from 'typeorm';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { CaseFileEntity } from './entities/case-file.entity';
import { MonthlyReportEntity } from './entities/monthly-report.entity';

/** An audit entry of a case, with what the funding indicators need to know of the case. */
export interface CaseAuditFact {
  action: string;
  mutuality: string;
  /** YYYY-MM-DD */
  referralDate: string;
  occurredAt: Date;
}

export interface StoredIndicators extends MutualityIndicators {
  computedAt: Date;
}

/** The facts the monthly funding report counts, and the reports themselves. */
export class MonthlyReports {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Entries with one of the actions that occurred in [from, until), on cases whose mutuality is
   * known (a trajectory reaches its first contact only after membership is confirmed).
   */
  async caseEntriesBetween(actions: string[], from: Date, until: Date): Promise<CaseAuditFact[]> {
    return this.dataSource
      .createQueryBuilder()
      .select('entry.action', 'action')
      .addSelect('case_file.mutuality', 'mutuality')
      .addSelect('case_file.referral_date::text', 'referralDate')
      .addSelect('entry.occurred_at', 'occurredAt')
      .from(AuditEntryEntity, 'entry')
      .innerJoin(CaseFileEntity, 'case_file', 'case_file.id = entry.case_id')
      .where('entry.action IN (:...actions)', { actions })
      .andWhere('entry.occurred_at >= :from AND entry.occurred_at < :until', { from, until })
      .andWhere('case_file.mutuality IS NOT NULL')
      .getRawMany<CaseAuditFact>();
  }

  /**
   * Stores the month's report: a row per mutuality is inserted or overwritten, and the rows of
   * mutualities it no longer counts are removed. Upserts, so that two runs of one month at once
   * (the Schedule's and one asked through the API) do not collide.
   */
  async replaceMonth(report: MonthlyReport): Promise<void> {
    const computedAt = new Date(report.computedAt);
    await this.dataSource.transaction(async (tx) => {
      if (report.mutualities.length) {
        await tx
          .createQueryBuilder()
          .insert()
          .into(MonthlyReportEntity)
          .values(report.mutualities.map((indicators) => ({ ...indicators, month: report.month, computedAt })))
          .orUpdate(
            ['first_contacts', 'first_contacts_within_deadline', 'trajectories_started', 'returns_to_work', 'computed_at'],
            ['month', 'mutuality'],
          )
          .execute();
      }
      const counted = report.mutualities.map((indicators) => indicators.mutuality);
      await tx
        .createQueryBuilder()
        .delete()
        .from(MonthlyReportEntity)
        .where('month = :month', { month: report.month })
        .andWhere(counted.length ? 'mutuality NOT IN (:...counted)' : 'TRUE', { counted })
        .execute();
    });
  }

  async ofMonth(month: string): Promise<StoredIndicators[]> {
    const rows = await this.dataSource.getRepository(MonthlyReportEntity).find({ where: { month }, order: { mutuality: 'ASC' } });
    return rows.map((row) => ({
      mutuality: row.mutuality,
      firstContacts: row.firstContacts,
      firstContactsWithinDeadline: row.firstContactsWithinDeadline,
      trajectoriesStarted: row.trajectoriesStarted,
      returnsToWork: row.returnsToWork,
      computedAt: row.computedAt,
    }));
  }
}
