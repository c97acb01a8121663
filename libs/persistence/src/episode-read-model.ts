import type { EpisodeProjection, EpisodeTask, EpisodeTaskNotice, NonCooperationNotice } from '@tnw/contracts';
import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EpisodeNonCooperationEntity } from './entities/episode-non-cooperation.entity';
import { EpisodeTaskNoticeEntity } from './entities/episode-task-notice.entity';
import { EpisodeTaskEntity } from './entities/episode-task.entity';
import { EpisodeEntity } from './entities/episode.entity';

/**
 * Orders the projections of one episode: the instant Temporal scheduled the writing activity
 * (kept across its retries), then the activity's sequence number in its run, for activities
 * scheduled by the same workflow task.
 * A run awaits its projections before it continues as new, so the order also holds across runs.
 */
export interface ProjectionVersion {
  scheduledAt: Date;
  sequence: number;
}

export interface EpisodeView {
  episode: EpisodeEntity;
  openTasks: EpisodeTaskEntity[];
  taskNotices: EpisodeTaskNoticeEntity[];
  nonCooperation: EpisodeNonCooperationEntity[];
}

/** Writes what episode workflows send and answers the API's reads. */
export class EpisodeReadModel {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes the episode and its open tasks, unless a newer projection is already stored. */
  async project(projection: EpisodeProjection, version: ProjectionVersion): Promise<void> {
    const { episodeId, nextDeadline: deadline } = projection;
    await this.dataSource.transaction(async (tx) => {
      const updated = await tx
        .createQueryBuilder()
        .update(EpisodeEntity)
        .set({
          status: projection.status,
          phase: projection.phase,
          category: projection.category ?? null,
          nextDeadlineKind: deadline?.kind ?? null,
          nextDeadlineDueDate: deadline?.dueDate ?? null,
          nextDeadlineAt: deadline ? new Date(deadline.expiresAt ?? deadline.firesAt) : null,
          nextDeadlineRule: deadline?.ruleId ?? null,
          projectionScheduledAt: version.scheduledAt,
          projectionSequence: version.sequence,
        })
        .where('id = :episodeId', { episodeId })
        .andWhere('(projection_scheduled_at, projection_sequence) < (:scheduledAt, :sequence)', version)
        .execute();
      if (updated.affected) await replaceOpenTasks(tx, episodeId, projection.openTasks);
      else if (!(await tx.existsBy(EpisodeEntity, { id: episodeId }))) throw new Error(`episode ${episodeId} is not registered in the read model`);
    });
  }

  /** Records a task's notice once per key (the workflow's key, stable across retries and runs). */
  async recordTaskNotice({ idempotencyKey, episodeId, kind, role, stage, dueAt, ruleId }: EpisodeTaskNotice): Promise<void> {
    await this.insertOnce(EpisodeTaskNoticeEntity, { idempotencyKey, episodeId, kind, role, stage, dueAt: new Date(dueAt), ruleId });
  }

  /** Records non-cooperation for the benefits service once per key (D12). */
  async recordNonCooperation({ idempotencyKey, episodeId, kind, occurredOn }: NonCooperationNotice): Promise<void> {
    await this.insertOnce(EpisodeNonCooperationEntity, { idempotencyKey, episodeId, kind, occurredOn });
  }

  async find(episodeId: string): Promise<EpisodeView | null> {
    const episode = await this.dataSource.getRepository(EpisodeEntity).findOneBy({ id: episodeId });
    if (!episode) return null;
    const [openTasks, taskNotices, nonCooperation] = await Promise.all([
      this.dataSource.getRepository(EpisodeTaskEntity).find({ where: { episodeId, status: 'open' }, order: { dueAt: 'ASC', kind: 'ASC' } }),
      this.dataSource.getRepository(EpisodeTaskNoticeEntity).find({ where: { episodeId }, order: { id: 'ASC' } }),
      this.dataSource.getRepository(EpisodeNonCooperationEntity).find({ where: { episodeId }, order: { id: 'ASC' } }),
    ]);
    return { episode, openTasks, taskNotices, nonCooperation };
  }

  private async insertOnce<Row extends ObjectLiteral>(entity: new () => Row, row: QueryDeepPartialEntity<Row>): Promise<void> {
    await this.dataSource.createQueryBuilder().insert().into(entity).values(row).orIgnore().execute();
  }
}

/** The projection lists every open task: the others of the episode are done. */
async function replaceOpenTasks(tx: EntityManager, episodeId: string, openTasks: EpisodeTask[]): Promise<void> {
  const rows = openTasks.map(({ kind, role, dueAt }) => ({ episodeId, kind, role, dueAt: new Date(dueAt), status: 'open' as const }));
  if (rows.length) await tx.upsert(EpisodeTaskEntity, rows, ['episodeId', 'kind']);
  await tx
    .createQueryBuilder()
    .update(EpisodeTaskEntity)
    .set({ status: 'done', assignee: null, assignedAt: null })
    .where('episode_id = :episodeId AND status = :open', { episodeId, open: 'open' })
    .andWhere(rows.length ? 'kind NOT IN (:...stillOpen)' : 'TRUE', { stillOpen: rows.map((row) => row.kind) })
    .execute();
}
