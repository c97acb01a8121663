import { Column, Entity } from 'typeorm';
import { EpisodeNoticeColumns } from './episode-notice-columns';

/**
 * What a role was told about an episode's task: it opened, a reminder, or its escalation to the
 * supervisor. Also the only record of tasks the episode hands over without following them up
 * (the referral to the coordinator, D9; the employment-service registration, D11).
 */
@Entity('episode_task_notice')
export class EpisodeTaskNoticeEntity extends EpisodeNoticeColumns {
  @Column({ type: 'varchar', length: 48 })
  kind!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: string;

  /** open, reminder or escalation. */
  @Column({ type: 'varchar', length: 16 })
  stage!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'rule_id', type: 'varchar', length: 96 })
  ruleId!: string;
}
