import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { TaskStatus } from './task.entity';

/**
 * A piece of work an episode puts in a role's inbox; one row per episode and kind. Kept apart
 * from `task`, whose rows belong to a case (case_id NOT NULL, referencing case_file): an episode
 * is not a case, and a table of its own keeps both foreign keys strict without nullable owners.
 */
@Entity('episode_task')
@Unique('episode_task_kind', ['episodeId', 'kind'])
export class EpisodeTaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'episode_id', type: 'uuid' })
  episodeId!: string;

  @Column({ type: 'varchar', length: 48 })
  kind!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

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
