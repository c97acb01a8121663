import { Column, Entity } from 'typeorm';
import { CaseRecordColumns } from './case-record-columns';

/** Append-only (a trigger refuses UPDATE and DELETE): who did what on which case, and why. */
@Entity('audit_log')
export class AuditEntryEntity extends CaseRecordColumns {
  @Column({ name: 'actor_id', type: 'varchar', length: 64 })
  actorId!: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 32 })
  actorRole!: string;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
