import type { CaseProjection, CoordinatorNotice, OpenTask } from '@tnw/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { CaseFileEntity } from './entities/case-file.entity';
import { NotificationEntity } from './entities/notification.entity';
import { TaskEntity, type TaskScope } from './entities/task.entity';

export interface CaseView {
  case: CaseFileEntity;
  openTasks: TaskEntity[];
  notifications: NotificationEntity[];
}

/** Writes the projections that workflows send and answers the API's reads. */
export class CaseReadModel {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes the case and its trajectory tasks, unless a newer projection is already stored. */
  async project(projection: CaseProjection): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const deadline = projection.nextDeadline;
      const updated = await tx
        .createQueryBuilder()
        .update(CaseFileEntity)
        .set({
          status: projection.status,
          mutuality: projection.mutuality ?? null,
          nextDeadlineKind: deadline?.kind ?? null,
          nextDeadlineDueDate: deadline?.dueDate ?? null,
          nextDeadlineExpiresAt: deadline ? new Date(deadline.expiresAt) : null,
          nextDeadlineRule: deadline?.ruleId ?? null,
          projectionVersion: projection.version,
        })
        .where('id = :id AND projection_version < :version', { id: projection.caseId, version: projection.version })
        .execute();
      if (updated.affected) {
        await replaceOpenTasks(tx, projection.caseId, 'trajectory', projection.openTasks);
      } else if (!(await tx.existsBy(CaseFileEntity, { id: projection.caseId }))) {
        throw new Error(`case ${projection.caseId} is not registered in the read model`);
      }
    });
  }

  /** Replaces the open tasks of one scope (a child workflow's), leaving the others alone. */
  async replaceTasks(caseId: string, scope: TaskScope, openTasks: OpenTask[]): Promise<void> {
    await this.dataSource.transaction((tx) => replaceOpenTasks(tx, caseId, scope, openTasks));
  }

  /** Records a notification once per idempotency key. */
  async notify(notice: CoordinatorNotice, recipientRole: string, idempotencyKey: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values({ idempotencyKey, caseId: notice.caseId, recipientRole, step: notice.step, message: notice.message })
      .orIgnore()
      .execute();
  }

  async find(caseId: string): Promise<CaseView | null> {
    const found = await this.dataSource.getRepository(CaseFileEntity).findOneBy({ id: caseId });
    if (!found) return null;
    const openTasks = await this.dataSource
      .getRepository(TaskEntity)
      .find({ where: { caseId, status: 'open' }, order: { dueAt: { direction: 'ASC', nulls: 'LAST' }, kind: 'ASC' } });
    const notifications = await this.dataSource.getRepository(NotificationEntity).find({ where: { caseId }, order: { id: 'ASC' } });
    return { case: found, openTasks, notifications };
  }
}

async function replaceOpenTasks(tx: EntityManager, caseId: string, scope: TaskScope, openTasks: OpenTask[]): Promise<void> {
  for (const task of openTasks) {
    await tx
      .createQueryBuilder()
      .insert()
      .into(TaskEntity)
      .values({ caseId, scope, kind: task.kind, role: task.role, dueAt: task.dueAt ? new Date(task.dueAt) : null, status: 'open' })
      .orUpdate(['role', 'due_at', 'status', 'scope'], ['case_id', 'kind'])
      .execute();
  }
  const stillOpen = openTasks.map((task) => task.kind);
  await tx
    .createQueryBuilder()
    .update(TaskEntity)
    .set({ status: 'done', assignee: null, assignedAt: null })
    .where('case_id = :caseId AND scope = :scope AND status = :open', { caseId, scope, open: 'open' })
    .andWhere(stillOpen.length ? 'kind NOT IN (:...stillOpen)' : 'TRUE', { stillOpen })
    .execute();
}
