import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * For the full trajectory: statuses get longer names (awaitingAdvisingPhysicianAgreement),
 * projections are versioned (activities can complete out of order),
 * tasks belong to a scope (the trajectory or a child review) and may have no legal due date,
 * and the coordinator gets a feed of notifications (route C: informed of every step, D15).
 */
export class TrajectoryPhases1763990000000 implements MigrationInterface {
  name = 'TrajectoryPhases1763990000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE case_file ADD COLUMN projection_version integer NOT NULL DEFAULT 0`);
    await db.query(`ALTER TABLE case_file ALTER COLUMN status TYPE varchar(48)`);
    await db.query(`ALTER TABLE task ADD COLUMN scope varchar(24) NOT NULL DEFAULT 'trajectory'`);
    await db.query(`ALTER TABLE task ALTER COLUMN due_at DROP NOT NULL`);
    await db.query(`
      CREATE TABLE notification (
        id bigserial PRIMARY KEY,
        idempotency_key varchar(160) NOT NULL UNIQUE,
        case_id uuid NOT NULL REFERENCES case_file(id),
        recipient_role varchar(32) NOT NULL,
        step varchar(48) NOT NULL,
        message text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX notification_feed ON notification (recipient_role, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification`);
    await db.query(`DELETE FROM task WHERE due_at IS NULL`);
    await db.query(`ALTER TABLE task ALTER COLUMN due_at SET NOT NULL`);
    await db.query(`ALTER TABLE task DROP COLUMN scope`);
    await db.query(`ALTER TABLE case_file ALTER COLUMN status TYPE varchar(32)`);
    await db.query(`ALTER TABLE case_file DROP COLUMN projection_version`);
  }
}
