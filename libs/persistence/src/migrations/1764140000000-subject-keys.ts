import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payload encryption with a key per person (issue 7, docs/decisions/0004): one wrapped data key
 * per person, plus one system key (person_id null) for payloads of no person. A person's key is
 * made on the first payload of theirs that is encrypted; erasing them destroys it (a tombstone
 * row with wrapped_key null remains, so that no new key is made for them).
 */
export class SubjectKeys1764140000000 implements MigrationInterface {
  name = 'SubjectKeys1764140000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE subject_key (
        key_id uuid PRIMARY KEY,
        person_id uuid REFERENCES insured_person(id),
        wrapped_key bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz,
        CONSTRAINT subject_key_erased_has_no_key CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX subject_key_person ON subject_key (person_id) WHERE person_id IS NOT NULL`);
    // At most one system key.
    await db.query(`CREATE UNIQUE INDEX subject_key_system ON subject_key ((person_id IS NULL)) WHERE person_id IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE subject_key`);
  }
}
