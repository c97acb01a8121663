import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';

/** What every notice an episode sends is kept with: one row per key of the workflow. */
export abstract class EpisodeNoticeColumns {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  /** The workflow's stable key (`<episodeId>/<notice>`): a retried or repeated notice is kept once. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 160, unique: true })
  idempotencyKey!: string;

  @Column({ name: 'episode_id', type: 'uuid' })
  episodeId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
