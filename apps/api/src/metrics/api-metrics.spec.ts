import type { DataSource } from 'typeorm';
import { ApiMetrics } from './api-metrics';
import type { TaskQueueProbe, TaskQueueState } from './task-queue-probe';

const state: TaskQueueState = {
  taskQueue: 'tnw-cases',
  workflow: { activePollers: 2, listedPollers: 2, backlog: 3, backlogAgeSeconds: 1.5 },
  activity: { activePollers: 2, listedPollers: 2, backlog: 0, backlogAgeSeconds: 0 },
  observedAt: 0,
};

function metricsWith(query: (sql: string) => Promise<unknown[]>, probe: () => Promise<TaskQueueState> = async () => state) {
  return new ApiMetrics({ query } as unknown as DataSource, { state: probe } as unknown as TaskQueueProbe);
}

describe('ApiMetrics', () => {
  it('exports missed deadlines, overdue tasks and the task queue, each source marked up, at the first scrape', async () => {
    const metrics = metricsWith(async (sql) =>
      sql.includes('case_file') ? [{ kind: 'firstContact', n: '4' }] : [{ kind: 'followUp', role: 'advisingPhysician', n: '2' }],
    );
    const text = await metrics.scrape();
    expect(text).toContain('tnw_case_deadlines_missed{kind="firstContact"} 4');
    expect(text).toContain('tnw_tasks_overdue{kind="followUp",role="advisingPhysician"} 2');
    expect(text).toContain('tnw_task_queue_backlog{type="workflow"} 3');
    expect(text).toContain('tnw_task_queue_pollers{type="activity"} 2');
    expect(text).toContain('tnw_metrics_source_up{source="readModel"} 1');
    expect(text).toContain('tnw_metrics_source_up{source="temporal"} 1');
  });

  it('marks a source down, and still answers, when it fails', async () => {
    const metrics = metricsWith(
      async () => {
        throw new Error('connection refused');
      },
      async () => {
        throw new Error('unavailable');
      },
    );
    const text = await metrics.scrape();
    expect(text).toContain('tnw_metrics_source_up{source="readModel"} 0');
    expect(text).toContain('tnw_metrics_source_up{source="temporal"} 0');
  });

  it('times requests by route pattern', async () => {
    const metrics = metricsWith(async () => []);
    metrics.httpDuration.observe({ method: 'GET', route: '/cases/:caseId', status: '200' }, 0.02);
    expect(await metrics.scrape()).toContain(
      'tnw_http_request_duration_seconds_count{method="GET",route="/cases/:caseId",status="200"} 1',
    );
  });
});
