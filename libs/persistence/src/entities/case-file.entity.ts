import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Read-model projection of one case, written by the workflow's activities. */
@Entity('case_file')
export class CaseFileEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Column({ name: 'workflow_id', type: 'varchar', length: 64 })
  workflowId!: string;

  @Column({ type: 'varchar', length: 1 })
  route!: string;

  @Column({ type: 'varchar', length: 48 })
  status!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  mutuality!: string | null;

  /** D18: VDAB, FOREM, ACTIRIS or ADG from the residence at registration; null outside Belgium. */
  @Column({ name: 'employment_service', type: 'varchar', length: 16, nullable: true })
  employmentService!: string | null;

  @Column({ name: 'incapacity_start_date', type: 'date' })
  incapacityStartDate!: string;

  @Column({ name: 'referral_date', type: 'date' })
  referralDate!: string;

  @Column({ name: 'next_deadline_kind', type: 'varchar', length: 48, nullable: true })
  nextDeadlineKind!: string | null;

  @Column({ name: 'next_deadline_due_date', type: 'date', nullable: true })
  nextDeadlineDueDate!: string | null;

  @Column({ name: 'next_deadline_expires_at', type: 'timestamptz', nullable: true })
  nextDeadlineExpiresAt!: Date | null;

  @Column({ name: 'next_deadline_rule', type: 'varchar', length: 96, nullable: true })
  nextDeadlineRule!: string | null;

  /** The highest projection written; an older one arriving late is ignored. */
  @Column({ name: 'projection_version', type: 'integer', default: 0 })
  projectionVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
