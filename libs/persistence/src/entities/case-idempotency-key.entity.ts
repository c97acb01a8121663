import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A client's Idempotency-Key on POST /cases and the case it claimed (migration
 * 1764150000000-case-idempotency-keys). Written and read by CaseRegistry with SQL of its own.
 */
@Entity('case_idempotency_key')
export class CaseIdempotencyKeyEntity {
  /** The caller: the access token's subject. A key is the caller's own. */
  @PrimaryColumn({ type: 'text' })
  subject!: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 255 })
  idempotencyKey!: string;

  /** HMAC-SHA-256 of the canonical request body; never the body, which holds a national number. */
  @Column({ name: 'request_hash', type: 'bytea' })
  requestHash!: Buffer;

  @Column({ name: 'case_id', type: 'uuid', unique: true })
  caseId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
