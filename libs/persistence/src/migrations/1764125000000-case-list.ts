import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case list (issue 9): the employment service a case belongs to (D18, fixed at registration
 * from the residence), and indexes for the list's default order (the next deadline; status and
 * deadline are indexed already) and for finding a person's cases.
 */
export class CaseList1764125000000 implements MigrationInterface {
  name = 'CaseList1764125000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE case_file ADD COLUMN employment_service varchar(16)`);
    await db.query(`CREATE INDEX case_file_next_deadline ON case_file (next_deadline_expires_at, id)`);
    await db.query(`CREATE INDEX case_file_person ON case_file (person_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX case_file_person`);
    await db.query(`DROP INDEX case_file_next_deadline`);
    await db.query(`ALTER TABLE case_file DROP COLUMN employment_service`);
  }
}
