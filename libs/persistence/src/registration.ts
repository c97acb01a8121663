import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { toStoredSubjectKey, type StoredSubjectKey, type SubjectKeyRow } from './subject-keys';

export interface NewPerson {
  nationalNumber: string;
  language: string;
  postalCode: string;
}

/**
 * The payload keys' side of a registration (docs/decisions/0004), implemented by libs/temporal's
 * SubjectKeyStore: a data key for the person, made and wrapped by the master key before the
 * statement (stored only if the person is new), and, after it, what the codec needs to encrypt
 * the workflow's start input without a query of its own.
 */
export interface RegistrationKeys {
  newSubjectKey(personId: string): { keyId: string; wrappedKey: Buffer };
  registered(workflowId: string, personId: string, key: StoredSubjectKey | null): void;
}

/** A column, its value and its PostgreSQL type (parameters of INSERT ... SELECT need an explicit type). */
export type RegistrationColumn = readonly [name: string, value: unknown, type: string];

export interface Registration {
  person: NewPerson;
  /** The case's or episode's table; its `id`, `person_id`, `workflow_id` and `status` (`registered`) are filled in. */
  table: string;
  /** Its other columns. */
  columns: readonly RegistrationColumn[];
  workflowIdFor(id: string): string;
  /**
   * A row inserted first, ON CONFLICT DO NOTHING (an idempotency key, given the new ID): when it
   * conflicts, nothing at all is written and registerWithPerson answers null.
   */
  claim?(id: string): { table: string; columns: readonly RegistrationColumn[] };
  keys?: RegistrationKeys;
}

export interface Registered {
  /** The new case's or episode's pseudonymous ID. */
  id: string;
  personId: string;
  workflowId: string;
}

/**
 * Registers a case or an episode with its person and the person's payload key in one statement,
 * one round trip to PostgreSQL (null: the claim conflicted, nothing was written). The person is
 * found by national number or created under a new random ID, which is all a workflow sees; an
 * existing person keeps their language and postal code.
 *
 * - The person's upsert is `ON CONFLICT DO UPDATE` (a no-op update) rather than `DO NOTHING`: it
 *   returns the person's ID even when a concurrent registration created them after this
 *   statement's snapshot was taken, where a `SELECT` in the same statement would see nothing.
 * - The key offered by `keys` is wrapped for the new person's ID, so it is stored only when this
 *   statement created the person (the returned ID is the one it offered): two first registrations
 *   of one person at once store exactly one key, the winner's; the other finds no key in its
 *   snapshot and the codec reads it later, as it does for people registered before the keys.
 * - Otherwise the person's stored key (or its erasure tombstone) is read back in the same statement.
 *
 * Foreign keys (the case's person, the key's person, the claim's case) are checked at the end of
 * the statement, so the order of the inserts does not matter to them.
 */
export async function registerWithPerson(dataSource: DataSource, registration: Registration): Promise<Registered | null> {
  const { person, keys } = registration;
  const id = randomUUID();
  const workflowId = registration.workflowIdFor(id);
  const claim = registration.claim?.(id);
  const record: readonly RegistrationColumn[] = [
    ['id', id, 'uuid'],
    ['workflow_id', workflowId, 'varchar'],
    ['status', 'registered', 'varchar'],
    ...registration.columns,
  ];
  const parameters: unknown[] = [];
  const param = (value: unknown, type: string) => `$${parameters.push(value)}::${type}`;
  const names = (columns: readonly RegistrationColumn[]) => columns.map(([name]) => name).join(', ');
  const values = (columns: readonly RegistrationColumn[]) => columns.map(([, value, type]) => param(value, type)).join(', ');

  const personId = randomUUID();
  const offered = keys?.newSubjectKey(personId);
  const statements: string[] = [];
  if (claim) {
    statements.push(
      `claim AS (INSERT INTO ${claim.table} (${names(claim.columns)}) VALUES (${values(claim.columns)}) ON CONFLICT DO NOTHING RETURNING 1)`,
    );
  }
  const newPersonId = param(personId, 'uuid');
  statements.push(`person AS (
      INSERT INTO insured_person (id, national_number, language, postal_code)
      SELECT ${newPersonId}, ${param(person.nationalNumber, 'varchar')}, ${param(person.language, 'varchar')}, ${param(person.postalCode, 'varchar')}
      ${claim ? 'FROM claim' : ''}
      ON CONFLICT (national_number) DO UPDATE SET national_number = EXCLUDED.national_number
      RETURNING id)`);
  if (offered) {
    statements.push(`new_key AS (
      INSERT INTO subject_key (key_id, person_id, wrapped_key)
      SELECT ${param(offered.keyId, 'uuid')}, id, ${param(offered.wrappedKey, 'bytea')} FROM person WHERE id = ${newPersonId}
      RETURNING key_id, wrapped_key)`);
  }
  statements.push(`registered AS (
      INSERT INTO ${registration.table} (person_id, ${names(record)})
      SELECT person.id, ${values(record)} FROM person
      RETURNING person_id)`);
  const rows: SubjectKeyRow[] = await dataSource.query(
    `WITH ${statements.join(',\n    ')}
    SELECT registered.person_id,
      ${offered ? 'COALESCE(new_key.key_id, stored.key_id)' : 'stored.key_id'} AS key_id,
      ${offered ? 'COALESCE(new_key.wrapped_key, stored.wrapped_key)' : 'stored.wrapped_key'} AS wrapped_key,
      stored.erased_at
    FROM registered
    ${offered ? 'LEFT JOIN new_key ON true' : ''}
    LEFT JOIN subject_key stored ON stored.person_id = registered.person_id`,
    parameters,
  );
  const row = rows[0];
  if (!row) return null;
  const registered = { id, personId: row.person_id!, workflowId };
  keys?.registered(workflowId, registered.personId, toStoredSubjectKey(row));
  return registered;
}
