import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The data key that encrypts one person's workflow payloads (docs/decisions/0004), stored wrapped
 * by the master key (TNW_MASTER_KEY). `personId` null is the system key, for payloads that belong
 * to no person (the monthly report). Erasing a person destroys their key: `wrappedKey` becomes
 * null and `erasedAt` is set; the row stays as a tombstone, so that no new key is made for them
 * and a payload under the old key ID is reported as erased rather than unknown.
 */
@Entity('subject_key')
export class SubjectKeyEntity {
  /** A random UUID: it travels in every payload's metadata, so it says nothing about the person. */
  @PrimaryColumn({ name: 'key_id', type: 'uuid' })
  keyId!: string;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId!: string | null;

  /** AES-256-GCM under the master key: 12-byte IV, ciphertext, 16-byte tag. Null once erased. */
  @Column({ name: 'wrapped_key', type: 'bytea', nullable: true })
  wrappedKey!: Buffer | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;
}
