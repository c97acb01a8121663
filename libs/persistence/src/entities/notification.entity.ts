import { Column, CreateDateColumn, Entity } from 'typeorm';
import { CaseRecordColumns } from './case-record-columns';

/** Something a role is told about a case without having to act (route C steps, D15). */
@Entity('notification')
export class NotificationEntity extends CaseRecordColumns {
  @Column({ name: 'recipient_role', type: 'varchar', length: 32 })
  recipientRole!: string;

  @Column({ type: 'varchar', length: 48 })
  step!: string;

  @Column({ type: 'text' })
  message!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
