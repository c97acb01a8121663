import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Read-model projection of one incapacity episode, written whole by the episode workflow. */
@Entity('episode')
export class EpisodeEntity {
  /** Pseudonymous episode ID, also in the workflow ID; never derived from the national number. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Column({ name: 'workflow_id', type: 'varchar', length: 64 })
  workflowId!: string;

  @Column({ name: 'incapacity_start_date', type: 'date' })
  incapacityStartDate!: string;

  /** `registered` until the workflow's first projection, then the workflow's EpisodeStatus. */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ type: 'varchar', length: 16 })
  phase!: string;

  /** D8: remaining capacity, once the advising physician classified it. */
  @Column({ type: 'smallint', nullable: true })
  category!: number | null;

  @Column({ name: 'next_deadline_kind', type: 'varchar', length: 48, nullable: true })
  nextDeadlineKind!: string | null;

  @Column({ name: 'next_deadline_due_date', type: 'date', nullable: true })
  nextDeadlineDueDate!: string | null;

  /** When the next deadline passes: an `until` deadline's expiry, or the instant of an `on` deadline. */
  @Column({ name: 'next_deadline_at', type: 'timestamptz', nullable: true })
  nextDeadlineAt!: Date | null;

  @Column({ name: 'next_deadline_rule', type: 'varchar', length: 96, nullable: true })
  nextDeadlineRule!: string | null;

  /** With `projectionSequence`, the version of the stored projection (see EpisodeReadModel.project). */
  @Column({ name: 'projection_scheduled_at', type: 'timestamptz', default: () => "'-infinity'" })
  projectionScheduledAt!: Date;

  @Column({ name: 'projection_sequence', type: 'integer', default: 0 })
  projectionSequence!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
