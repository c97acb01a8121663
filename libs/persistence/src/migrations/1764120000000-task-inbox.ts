import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The task inbox (issue 7; tasks are already indexed by role, status and due date): who holds a task, and an append-only record of every claim, release
 * and assignment (who, role, which task, when, why), kept apart from audit_log, which the
 * workflows write about case decisions.
 */
export class TaskInbox1764120000000 implements MigrationInterface {
  name = 'TaskInbox1764120000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of ['task', 'episode_task']) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN assignee varchar(64), ADD COLUMN assigned_at timestamptz`);
    }
    await db.query(`
      CREATE TABLE task_assignment_log (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL,
        actor_id varchar(64) NOT NULL,
        actor_role varchar(32) NOT NULL,
        action varchar(16) NOT NULL,
        assignee varchar(64),
        reason text,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX task_assignment_log_task ON task_assignment_log (task_id, occurred_at)`);
    await db.query(`
      CREATE TRIGGER task_assignment_log_append_only BEFORE UPDATE OR DELETE ON task_assignment_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE task_assignment_log`);
    for (const table of ['task', 'episode_task']) {
      await db.query(`ALTER TABLE ${table} DROP COLUMN assignee, DROP COLUMN assigned_at`);
    }
  }
}
