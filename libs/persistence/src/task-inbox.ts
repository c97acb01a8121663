import type { DataSource, EntityManager } from 'typeorm';

export type TaskSource = 'case' | 'episode';

export interface InboxTask {
  id: string;
  source: TaskSource;
  /** The case or the episode the task belongs to (pseudonymous IDs). */
  ownerId: string;
  kind: string;
  role: string;
  dueAt: Date | null;
  overdue: boolean;
  assignee: string | null;
  assignedAt: Date | null;
  status: 'open' | 'done';
}

export interface InboxQuery {
  roles: readonly string[];
  /** Only the tasks held by this member of staff. */
  assignee?: string;
  /** Only the tasks nobody holds yet. */
  unassigned?: boolean;
  overdueOnly?: boolean;
  /** Only the tasks of this case or episode. */
  ownerId?: string;
  now: Date;
  limit: number;
  offset: number;
}

export interface InboxPage {
  total: number;
  items: InboxTask[];
}

/** Who took a task, for the append-only task_assignment_log. */
export interface AssignmentAction {
  actorId: string;
  actorRole: string;
  action: 'claim' | 'release' | 'assign';
  assignee: string | null;
  reason?: string;
}

const TABLES: Record<TaskSource, string> = { case: 'task', episode: 'episode_task' };

// Case and episode tasks live in two tables (each with a strict owner key); the inbox reads both.
const ALL_TASKS = `(
  SELECT id, 'case' AS source, case_id AS owner_id, kind, role, due_at, assignee, assigned_at, status FROM task
  UNION ALL
  SELECT id, 'episode' AS source, episode_id AS owner_id, kind, role, due_at, assignee, assigned_at, status FROM episode_task
) AS inbox`;

interface TaskRow {
  id: string;
  source: TaskSource;
  owner_id: string;
  kind: string;
  role: string;
  due_at: Date | null;
  assignee: string | null;
  assigned_at: Date | null;
  status: 'open' | 'done';
  total?: string;
}

const toTask = (row: TaskRow, now: Date): InboxTask => ({
  id: row.id,
  source: row.source,
  ownerId: row.owner_id,
  kind: row.kind,
  role: row.role,
  dueAt: row.due_at,
  overdue: row.due_at !== null && row.due_at < now,
  assignee: row.assignee,
  assignedAt: row.assigned_at,
  status: row.status,
});

/** The open tasks of the case and episode workflows, by role, with who holds each. */
export class TaskInbox {
  constructor(private readonly dataSource: DataSource) {}

  /** Earliest deadline first, so overdue tasks lead; tasks without a legal deadline last. */
  async list(query: InboxQuery): Promise<InboxPage> {
    const conditions = [`status = 'open'`, 'role = ANY($1)'];
    const params: unknown[] = [query.roles];
    if (query.assignee) conditions.push(`assignee = $${params.push(query.assignee)}`);
    if (query.unassigned) conditions.push('assignee IS NULL');
    if (query.ownerId) conditions.push(`owner_id = $${params.push(query.ownerId)}`);
    if (query.overdueOnly) conditions.push(`due_at < $${params.push(query.now)}`);
    const limit = params.push(query.limit);
    const offset = params.push(query.offset);
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT *, count(*) OVER () AS total FROM ${ALL_TASKS} WHERE ${conditions.join(' AND ')}
       ORDER BY due_at ASC NULLS LAST, id LIMIT $${limit} OFFSET $${offset}`,
      params,
    );
    return { total: Number(rows[0]?.total ?? 0), items: rows.map((row) => toTask(row, query.now)) };
  }

  async find(taskId: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<InboxTask | null> {
    const rows: TaskRow[] = await manager.query(`SELECT * FROM ${ALL_TASKS} WHERE id = $1`, [taskId]);
    return rows[0] ? toTask(rows[0], now) : null;
  }

  /**
   * Sets who holds an open task if `expectedAssignee` still holds it (null: nobody), and logs
   * the action in the same transaction. Answers the task as it is afterwards; `changed` is false
   * when someone else changed it first, so the caller can say why.
   */
  async reassign(
    taskId: string,
    expectedAssignee: string | null,
    action: AssignmentAction,
    now: Date,
  ): Promise<{ changed: boolean; task: InboxTask | null }> {
    return this.dataSource.transaction(async (tx) => {
      const task = await this.find(taskId, now, tx);
      if (!task || task.status !== 'open' || task.assignee !== expectedAssignee) return { changed: false, task };
      // TypeORM answers an UPDATE with [rows, affected row count].
      const [, affected]: [unknown[], number] = await tx.query(
        `UPDATE ${TABLES[task.source]} SET assignee = $2, assigned_at = $3
         WHERE id = $1 AND status = 'open' AND assignee IS NOT DISTINCT FROM $4`,
        [taskId, action.assignee, action.assignee ? now : null, expectedAssignee],
      );
      if (!affected) return { changed: false, task };
      await tx.query(
        `INSERT INTO task_assignment_log (task_id, actor_id, actor_role, action, assignee, reason, occurred_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [taskId, action.actorId, action.actorRole, action.action, action.assignee, action.reason ?? null, now],
      );
      return { changed: true, task: { ...task, assignee: action.assignee, assignedAt: action.assignee ? now : null } };
    });
  }
}
