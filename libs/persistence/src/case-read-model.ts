import type { CaseProjection } from '@tnw/contracts';
import type { DataSource } from 'typeorm';
import { CaseFileEntity } from './entities/case-file.entity';
import { TaskEntity } from './entities/task.entity';

export interface CaseView {
  case: CaseFileEntity;
  openTasks: TaskEntity[];
}

/** Writes the projections that workflows send and answers the API's reads. */
export class CaseReadModel {
  constructor(private readonly dataSource: DataSource) {}

  async project(projection: CaseProjection): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const deadline = projection.nextDeadline;
      const updated = await tx.update(CaseFileEntity, projection.caseId, {
        status: projection.status,
        mutuality: projection.mutuality ?? null,
        nextDeadlineKind: deadline?.kind ?? null,
        nextDeadlineDueDate: deadline?.dueDate ?? null,
        nextDeadlineExpiresAt: deadline ? new Date(deadline.expiresAt) : null,
        nextDeadlineRule: deadline?.ruleId ?? null,
      });
      if (!updated.affected) throw new Error(`case ${projection.caseId} is not registered in the read model`);
      for (const task of projection.openTasks) {
        await tx
          .createQueryBuilder()
          .insert()
          .into(TaskEntity)
          .values({ caseId: projection.caseId, kind: task.kind, role: task.role, dueAt: new Date(task.dueAt), status: 'open' })
          .orUpdate(['role', 'due_at', 'status'], ['case_id', 'kind'])
          .execute();
      }
      const stillOpen = projection.openTasks.map((task) => task.kind);
      await tx
        .createQueryBuilder()
        .update(TaskEntity)
        .set({ status: 'done' })
        .where('case_id = :caseId AND status = :open', { caseId: projection.caseId, open: 'open' })
        .andWhere(stillOpen.length ? 'kind NOT IN (:...stillOpen)' : 'TRUE', { stillOpen })
        .execute();
    });
  }

  async find(caseId: string): Promise<CaseView | null> {
    const found = await this.dataSource.getRepository(CaseFileEntity).findOneBy({ id: caseId });
    if (!found) return null;
    const openTasks = await this.dataSource
      .getRepository(TaskEntity)
      .find({ where: { caseId, status: 'open' }, order: { dueAt: 'ASC' } });
    return { case: found, openTasks };
  }
}
