import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type TaskStatus = 'open' | 'done';
export type TaskScope = 'trajectory' | 'trainingReview';

/** A piece of work in a role's inbox; one row per case and kind, reopened when it recurs. */
@Entity('task')
@Unique('task_case_kind', ['caseId', 'kind'])
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ type: 'varchar', length: 48 })
  kind!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: string;

  /** Null where no legal deadline applies to the step. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  /** Which workflow owns the task: the trajectory itself or a child review. */
  @Column({ type: 'varchar', length: 24, default: 'trajectory' })
  scope!: TaskScope;

  @Column({ type: 'varchar', length: 8 })
  status!: TaskStatus;

  /** The member of staff who claimed the task or was assigned it; null while it waits in the role's inbox. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  assignee!: string | null;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
