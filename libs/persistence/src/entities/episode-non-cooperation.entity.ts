import { Column, Entity } from 'typeorm';
import { EpisodeNoticeColumns } from './episode-notice-columns';

/**
 * D12: non-cooperation the episode recorded, the feed of the mutuality's benefits service, which
 * decides on any sanction. Not in `notification`, whose rows belong to a case.
 */
@Entity('episode_non_cooperation')
export class EpisodeNonCooperationEntity extends EpisodeNoticeColumns {
  /** noAnswerToInvitation or missedContact. */
  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;
}
