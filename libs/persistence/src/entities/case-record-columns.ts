import { Column, PrimaryGeneratedColumn } from 'typeorm';

/** Columns of a record an activity writes about a case once, however often it is retried. */
export abstract class CaseRecordColumns {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  /** Workflow run plus activity ID: a retried activity writes the record once. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 160, unique: true })
  idempotencyKey!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;
}
