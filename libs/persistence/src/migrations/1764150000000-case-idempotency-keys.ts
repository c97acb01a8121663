import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys of POST /cases (issue 10; the IETF draft "The Idempotency-Key HTTP Header
 * Field"): a client's key, scoped by the caller (the access token's subject), claims one case.
 * The request is kept only as a keyed hash of its canonical body (HMAC-SHA-256 under a key
 * derived from TNW_MASTER_KEY): the body holds a national number, which a plain hash would
 * not hide (there are few enough of them to try all). The claim is inserted by the statement
 * that registers the case (CaseRegistry.registerOnce), so that a key claims exactly one case;
 * it goes with its case (a withdrawn registration), and the API deletes the claims older than a
 * week (CaseRegistry.forgetIdempotencyKeys, hourly).
 */
export class CaseIdempotencyKeys1764150000000 implements MigrationInterface {
  name = 'CaseIdempotencyKeys1764150000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_idempotency_key (
        subject text NOT NULL,
        idempotency_key varchar(255) NOT NULL,
        request_hash bytea NOT NULL,
        case_id uuid NOT NULL UNIQUE REFERENCES case_file(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subject, idempotency_key)
      )`);
    await db.query(`CREATE INDEX case_idempotency_key_created ON case_idempotency_key (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_idempotency_key`);
  }
}
