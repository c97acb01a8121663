import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseReadModel1763900000000 implements MigrationInterface {
  name = 'CaseReadModel1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE insured_person (
        id uuid PRIMARY KEY,
        national_number varchar(11) NOT NULL UNIQUE,
        language varchar(2) NOT NULL,
        postal_code varchar(4) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE case_file (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES insured_person(id),
        workflow_id varchar(64) NOT NULL UNIQUE,
        route varchar(1) NOT NULL,
        status varchar(32) NOT NULL,
        mutuality varchar(16),
        incapacity_start_date date NOT NULL,
        referral_date date NOT NULL,
        next_deadline_kind varchar(48),
        next_deadline_due_date date,
        next_deadline_expires_at timestamptz,
        next_deadline_rule varchar(96),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX case_file_status_deadline ON case_file (status, next_deadline_expires_at)`);
    await db.query(`
      CREATE TABLE task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file(id),
        kind varchar(48) NOT NULL,
        role varchar(32) NOT NULL,
        due_at timestamptz NOT NULL,
        status varchar(8) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT task_case_kind UNIQUE (case_id, kind)
      )`);
    await db.query(`CREATE INDEX task_inbox ON task (role, status, due_at)`);
    await db.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        idempotency_key varchar(160) NOT NULL UNIQUE,
        case_id uuid NOT NULL,
        actor_id varchar(64) NOT NULL,
        actor_role varchar(32) NOT NULL,
        action varchar(64) NOT NULL,
        reason text,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX audit_log_case ON audit_log (case_id, occurred_at)`);
    await db.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
    await db.query(`DROP FUNCTION audit_log_is_append_only`);
    await db.query(`DROP TABLE task`);
    await db.query(`DROP TABLE case_file`);
    await db.query(`DROP TABLE insured_person`);
  }
}
