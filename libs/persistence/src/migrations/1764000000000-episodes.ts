import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The episode read model (issue 6): one row per incapacity episode, its open tasks, the notices
 * its tasks sent, and the non-cooperation it recorded (D12). Episodes are not cases, so none of
 * these reference case_file; see the entities for why tasks have a table of their own.
 */
export class Episodes1764000000000 implements MigrationInterface {
  name = 'Episodes1764000000000';

  async up(db: QueryRunner): Promise<void> {
    // The projection's version is the scheduling instant and sequence of the activity that wrote
    // it; '-infinity' lets the first projection win over the row the API registered.
    await db.query(`
      CREATE TABLE episode (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES insured_person(id),
        workflow_id varchar(64) NOT NULL UNIQUE,
        incapacity_start_date date NOT NULL,
        status varchar(16) NOT NULL,
        phase varchar(16) NOT NULL,
        category smallint,
        next_deadline_kind varchar(48),
        next_deadline_due_date date,
        next_deadline_at timestamptz,
        next_deadline_rule varchar(96),
        projection_scheduled_at timestamptz NOT NULL DEFAULT '-infinity',
        projection_sequence integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX episode_status_deadline ON episode (status, next_deadline_at)`);
    await db.query(`CREATE INDEX episode_person ON episode (person_id)`);
    await db.query(`
      CREATE TABLE episode_task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        episode_id uuid NOT NULL REFERENCES episode(id),
        kind varchar(48) NOT NULL,
        role varchar(32) NOT NULL,
        due_at timestamptz NOT NULL,
        status varchar(8) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT episode_task_kind UNIQUE (episode_id, kind)
      )`);
    await db.query(`CREATE INDEX episode_task_inbox ON episode_task (role, status, due_at)`);
    await db.query(`
      CREATE TABLE episode_task_notice (
        id bigserial PRIMARY KEY,
        idempotency_key varchar(160) NOT NULL UNIQUE,
        episode_id uuid NOT NULL REFERENCES episode(id),
        kind varchar(48) NOT NULL,
        role varchar(32) NOT NULL,
        stage varchar(16) NOT NULL,
        due_at timestamptz NOT NULL,
        rule_id varchar(96) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX episode_task_notice_feed ON episode_task_notice (role, created_at)`);
    await db.query(`
      CREATE TABLE episode_non_cooperation (
        id bigserial PRIMARY KEY,
        idempotency_key varchar(160) NOT NULL UNIQUE,
        episode_id uuid NOT NULL REFERENCES episode(id),
        kind varchar(32) NOT NULL,
        occurred_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX episode_non_cooperation_feed ON episode_non_cooperation (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE episode_non_cooperation`);
    await db.query(`DROP TABLE episode_task_notice`);
    await db.query(`DROP TABLE episode_task`);
    await db.query(`DROP TABLE episode`);
  }
}
