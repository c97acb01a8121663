import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Something a role is told about a case without having to act (route C steps, D15). */
@Entity('notification')
export class NotificationEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  /** Workflow run plus activity ID: a retried activity notifies once. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 160, unique: true })
  idempotencyKey!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'recipient_role', type: 'varchar', length: 32 })
  recipientRole!: string;

  @Column({ type: 'varchar', length: 48 })
  step!: string;

  @Column({ type: 'text' })
  message!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
