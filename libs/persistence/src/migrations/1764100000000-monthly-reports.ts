import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monthly funding report (issue 6): one row per month and mutuality, replaced when the month
 * is computed again. The report reads the audit log by action and time, hence the index.
 */
export class MonthlyReports1764100000000 implements MigrationInterface {
  name = 'MonthlyReports1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE monthly_report (
        month varchar(7) NOT NULL,
        mutuality varchar(16) NOT NULL,
        first_contacts integer NOT NULL,
        first_contacts_within_deadline integer NOT NULL,
        trajectories_started integer NOT NULL,
        returns_to_work integer NOT NULL,
        computed_at timestamptz NOT NULL,
        PRIMARY KEY (month, mutuality)
      )`);
    await db.query(`CREATE INDEX audit_log_action_time ON audit_log (action, occurred_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX audit_log_action_time`);
    await db.query(`DROP TABLE monthly_report`);
  }
}
