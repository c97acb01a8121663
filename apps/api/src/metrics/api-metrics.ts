import { Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { TaskQueueProbe } from './task-queue-probe';

/**
 * The API's Prometheus metrics (GET /metrics, docs/reliability.md):
 * - tnw_http_request_duration_seconds{method,route,status}: every request, by route pattern
 *   (never a case ID), including those refused by validation or access;
 * - tnw_case_deadlines_missed{kind}: cases whose next legal deadline has passed, from the read model;
 * - tnw_tasks_overdue{kind,role}: open tasks past their due date, from the read model;
 * - tnw_task_queue_backlog{type}, tnw_task_queue_backlog_age_seconds{type}, tnw_task_queue_pollers{type}:
 *   the cases' task queue as Temporal sees it (DescribeTaskQueue), type = workflow | activity;
 * - tnw_metrics_source_up{source}: 0 when the read model or Temporal could not be asked at scrape time;
 * - the Node.js process metrics of prom-client (tnw_api_ prefix).
 */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly logger = new Logger(ApiMetrics.name);

  constructor(dataSource: DataSource, probe: TaskQueueProbe) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'tnw_api_' });
    this.httpDuration = new Histogram({
      name: 'tnw_http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    const sourceUp = new Gauge({
      name: 'tnw_metrics_source_up',
      help: '1 when the source answered at the last scrape',
      labelNames: ['source'],
      registers,
    });
    const deadlinesMissed = new Gauge({
      name: 'tnw_case_deadlines_missed',
      help: 'Cases whose next legal deadline has expired, by kind of deadline (read model)',
      labelNames: ['kind'],
      registers,
    });
    const tasksOverdue = new Gauge({
      name: 'tnw_tasks_overdue',
      help: 'Open tasks past their due date, by kind and role (read model)',
      labelNames: ['kind', 'role'],
      registers,
    });
    const queue = (name: string, help: string) => new Gauge({ name, help, labelNames: ['type'], registers });
    const backlog = queue(
      'tnw_task_queue_backlog',
      'Tasks waiting in the cases task queue (approximate, Temporal DescribeTaskQueue)',
    );
    const backlogAge = queue('tnw_task_queue_backlog_age_seconds', 'Age of the oldest task waiting in the cases task queue');
    const pollers = queue('tnw_task_queue_pollers', 'Workers that polled the cases task queue recently');

    const guarded = async (source: string, collect: () => Promise<void>) => {
      try {
        await collect();
        sourceUp.set({ source }, 1);
      } catch (error) {
        sourceUp.set({ source }, 0);
        this.logger.warn(`metrics: ${source} did not answer: ${String(error)}`);
      }
    };
    this.sources = [
      () =>
        guarded('readModel', async () => {
          const rows: Array<{ kind: string; n: string }> = await dataSource.query(
            `SELECT coalesce(next_deadline_kind, 'unknown') AS kind, count(*) AS n FROM case_file WHERE next_deadline_expires_at < now() GROUP BY 1`,
          );
          deadlinesMissed.reset();
          for (const row of rows) deadlinesMissed.set({ kind: row.kind }, Number(row.n));
        }),
      () =>
        guarded('readModelTasks', async () => {
          const rows: Array<{ kind: string; role: string; n: string }> = await dataSource.query(
            `SELECT kind, role, count(*) AS n FROM task WHERE due_at < now() GROUP BY 1, 2`,
          );
          tasksOverdue.reset();
          for (const row of rows) tasksOverdue.set({ kind: row.kind, role: row.role }, Number(row.n));
        }),
      () =>
        guarded('temporal', async () => {
          const state = await probe.state();
          for (const gauge of [backlog, backlogAge, pollers]) gauge.reset();
          for (const type of ['workflow', 'activity'] as const) {
            const side = state[type];
            if (side.backlog !== undefined) backlog.set({ type }, side.backlog);
            if (side.backlogAgeSeconds !== undefined) backlogAge.set({ type }, side.backlogAgeSeconds);
            pollers.set({ type }, side.activePollers);
          }
        }),
    ];
  }

  private readonly sources: Array<() => Promise<void>>;

  /** Asks the read model and Temporal (each bounded by its own time-out), then renders every metric. */
  async scrape(): Promise<string> {
    await Promise.all(this.sources.map((collect) => collect()));
    return this.registry.metrics();
  }
}
