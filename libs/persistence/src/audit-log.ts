import type { AuditEntry } from '@tnw/contracts';
import type { DataSource } from 'typeorm';
import { AuditEntryEntity } from './entities/audit-entry.entity';

export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends once per idempotency key: a retried activity does not write a second entry. */
  async append(entry: AuditEntry, idempotencyKey: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(AuditEntryEntity)
      .values({
        idempotencyKey,
        caseId: entry.caseId,
        actorId: entry.actor.id,
        actorRole: entry.actor.role,
        action: entry.action,
        reason: entry.reason ?? null,
        occurredAt: new Date(entry.occurredAt),
      })
      .orIgnore()
      .execute();
  }

  async forCase(caseId: string): Promise<AuditEntryEntity[]> {
    return this.dataSource.getRepository(AuditEntryEntity).find({ where: { caseId }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }
}
