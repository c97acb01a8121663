import { Injectable } from '@nestjs/common';
import type { AuditEntry, CaseProjection, CoordinatorNotice, ScopedTasks } from '@tnw/contracts';
import { AuditLog, CaseReadModel } from '@tnw/persistence';
import { idempotencyKey } from './activity-context';

/** Activities that write our own records: the read model, task inboxes, notifications, audit log. */
@Injectable()
export class CaseActivitiesService {
  constructor(
    private readonly readModel: CaseReadModel,
    private readonly auditLog: AuditLog,
  ) {}

  async projectCase(projection: CaseProjection): Promise<void> {
    await this.readModel.project(projection);
  }

  async replaceTasks({ caseId, scope, openTasks }: ScopedTasks): Promise<void> {
    await this.readModel.replaceTasks(caseId, scope, openTasks);
  }

  async notifyCoordinator(notice: CoordinatorNotice): Promise<void> {
    await this.readModel.notify(notice, 'coordinator', idempotencyKey());
  }

  async appendAuditEntry(entry: AuditEntry): Promise<void> {
    await this.auditLog.append(entry, idempotencyKey());
  }
}
