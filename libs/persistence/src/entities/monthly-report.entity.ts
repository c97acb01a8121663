import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One mutuality's funding indicators for one month (D9, [003]); a new run replaces the row. */
@Entity('monthly_report')
export class MonthlyReportEntity {
  /** YYYY-MM, a calendar month in Europe/Brussels. */
  @PrimaryColumn({ type: 'varchar', length: 7 })
  month!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  mutuality!: string;

  @Column({ name: 'first_contacts', type: 'integer' })
  firstContacts!: number;

  @Column({ name: 'first_contacts_within_deadline', type: 'integer' })
  firstContactsWithinDeadline!: number;

  @Column({ name: 'trajectories_started', type: 'integer' })
  trajectoriesStarted!: number;

  @Column({ name: 'returns_to_work', type: 'integer' })
  returnsToWork!: number;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt!: Date;
}
