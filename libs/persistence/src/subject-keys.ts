import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** A subject key row as the payload codec needs it; the crypto lives in libs/temporal/src/codec. */
export interface StoredSubjectKey {
  keyId: string;
  /** Null: the system key. */
  personId: string | null;
  /** The data key wrapped by the master key; null once erased. */
  wrappedKey: Buffer | null;
  erasedAt: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A subject_key row as PostgreSQL answers it (the registrations read one back too). */
export interface SubjectKeyRow {
  key_id: string;
  person_id: string | null;
  wrapped_key: Buffer | null;
  erased_at: Date | null;
}

export const toStoredSubjectKey = (row: SubjectKeyRow | undefined): StoredSubjectKey | null =>
  row?.key_id ? { keyId: row.key_id, personId: row.person_id, wrappedKey: row.wrapped_key, erasedAt: row.erased_at } : null;

/**
 * The rows behind payload encryption (docs/decisions/0004): which person a workflow's case or
 * episode belongs to, and each person's wrapped data key. Never holds a key in the clear.
 */
export class SubjectKeys {
  constructor(private readonly dataSource: DataSource) {}

  /** The person of a registered case, or null when there is no such case. */
  async personOfCase(caseId: string): Promise<string | null> {
    if (!UUID.test(caseId)) return null;
    const rows: Array<{ person_id: string }> = await this.dataSource.query(`SELECT person_id FROM case_file WHERE id = $1`, [caseId]);
    return rows[0]?.person_id ?? null;
  }

  /** The person of a registered incapacity episode, or null when there is no such episode. */
  async personOfEpisode(episodeId: string): Promise<string | null> {
    if (!UUID.test(episodeId)) return null;
    const rows: Array<{ person_id: string }> = await this.dataSource.query(`SELECT person_id FROM episode WHERE id = $1`, [episodeId]);
    return rows[0]?.person_id ?? null;
  }

  /** The key of a person (null: the system key), erased or not; null when they have none yet. */
  async keyOfSubject(personId: string | null): Promise<StoredSubjectKey | null> {
    const rows: SubjectKeyRow[] =
      personId === null
        ? await this.dataSource.query(`SELECT * FROM subject_key WHERE person_id IS NULL`)
        : await this.dataSource.query(`SELECT * FROM subject_key WHERE person_id = $1`, [personId]);
    return toStoredSubjectKey(rows[0]);
  }

  async keyById(keyId: string): Promise<StoredSubjectKey | null> {
    if (!UUID.test(keyId)) return null;
    const rows: SubjectKeyRow[] = await this.dataSource.query(`SELECT * FROM subject_key WHERE key_id = $1`, [keyId]);
    return toStoredSubjectKey(rows[0]);
  }

  /**
   * Stores a new key unless the subject already has one (made meanwhile by another process, or
   * erased): the caller then reads the subject's key again and uses whichever is stored.
   */
  async insertKeyIfAbsent(key: { keyId: string; personId: string | null; wrappedKey: Buffer }): Promise<void> {
    await this.dataSource.query(`INSERT INTO subject_key (key_id, person_id, wrapped_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      key.keyId,
      key.personId,
      key.wrappedKey,
    ]);
  }

  /**
   * Erases a person's key (crypto-shredding): every payload encrypted for them becomes unreadable,
   * and no new key is made for them. Returns the erased key's ID. A person without a key gets a
   * tombstone, so that none is made later either.
   */
  async erase(personId: string): Promise<string> {
    const rows: Array<{ key_id: string }> = await this.dataSource.query(
      `INSERT INTO subject_key (key_id, person_id, wrapped_key, erased_at) VALUES ($1, $2, NULL, now())
       ON CONFLICT (person_id) WHERE person_id IS NOT NULL
       DO UPDATE SET wrapped_key = NULL, erased_at = COALESCE(subject_key.erased_at, now())
       RETURNING key_id`,
      [randomUUID(), personId],
    );
    return rows[0].key_id;
  }
}
