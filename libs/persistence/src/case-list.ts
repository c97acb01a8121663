import type { DataSource } from 'typeorm';
import { CaseFileEntity } from './entities/case-file.entity';
import { InsuredPersonEntity } from './entities/insured-person.entity';

export interface CaseListQuery {
  statuses?: readonly string[];
  route?: string;
  mutuality?: string;
  employmentService?: string;
  /** Only cases whose next deadline has passed. */
  overdue?: boolean;
  /** Only cases whose next deadline falls on or before this day (Brussels date). */
  deadlineBefore?: string;
  now: Date;
  limit: number;
  offset: number;
}

export interface CaseListItem {
  caseId: string;
  route: string;
  status: string;
  mutuality: string | null;
  employmentService: string | null;
  referralDate: string;
  nextDeadline: { kind: string; dueDate: string | null; expiresAt: Date | null; ruleId: string | null } | null;
  overdue: boolean;
  createdAt: Date;
}

const toItem = (row: CaseFileEntity, now: Date): CaseListItem => ({
  caseId: row.id,
  route: row.route,
  status: row.status,
  mutuality: row.mutuality,
  employmentService: row.employmentService,
  referralDate: row.referralDate,
  nextDeadline: row.nextDeadlineKind
    ? { kind: row.nextDeadlineKind, dueDate: row.nextDeadlineDueDate, expiresAt: row.nextDeadlineExpiresAt, ruleId: row.nextDeadlineRule }
    : null,
  overdue: row.nextDeadlineExpiresAt !== null && row.nextDeadlineExpiresAt < now,
  createdAt: row.createdAt,
});

/** The case list of the back office, from the read model: filters, earliest next deadline first, paged. */
export class CaseList {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: CaseListQuery): Promise<{ total: number; items: CaseListItem[] }> {
    const select = this.dataSource.getRepository(CaseFileEntity).createQueryBuilder('c');
    if (query.statuses?.length) select.andWhere('c.status IN (:...statuses)', { statuses: query.statuses });
    if (query.route) select.andWhere('c.route = :route', { route: query.route });
    if (query.mutuality) select.andWhere('c.mutuality = :mutuality', { mutuality: query.mutuality });
    if (query.employmentService) select.andWhere('c.employment_service = :service', { service: query.employmentService });
    if (query.overdue) select.andWhere('c.next_deadline_expires_at < :now', { now: query.now });
    if (query.deadlineBefore) select.andWhere('c.next_deadline_due_date <= :day', { day: query.deadlineBefore });
    const [rows, total] = await select
      .orderBy('c.next_deadline_expires_at', 'ASC', 'NULLS LAST')
      .addOrderBy('c.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { total, items: rows.map((row) => toItem(row, query.now)) };
  }

  /** The cases of a person, found by national number: the only way in by it, and never through a URL. */
  async ofPerson(nationalNumber: string, now: Date): Promise<CaseListItem[]> {
    const person = await this.dataSource.getRepository(InsuredPersonEntity).findOneBy({ nationalNumber });
    if (!person) return [];
    const rows = await this.dataSource.getRepository(CaseFileEntity).find({ where: { personId: person.id }, order: { createdAt: 'DESC' } });
    return rows.map((row) => toItem(row, now));
  }
}
