/**
 * Where the worker exports the Temporal SDK Core's metrics in Prometheus format (docs/reliability.md):
 * WORKER_METRICS_PORT (and WORKER_METRICS_HOST, 127.0.0.1 unless set) turn the exporter on; each
 * metric carries the worker's instance name (WORKER_INSTANCE, else host:port) as `instance_name`.
 *
 * What it serves, among others (durations in seconds):
 * - temporal_workflow_endtoend_latency_seconds: a workflow's run from start to completion;
 * - temporal_workflow_task_schedule_to_start_latency_seconds, temporal_activity_schedule_to_start_latency_seconds:
 *   how long tasks wait in the task queue for a worker (the backlog as a worker feels it);
 * - temporal_activity_execution_latency_seconds, temporal_activity_succeed_endtoend_latency_seconds;
 * - temporal_activity_execution_failed_total, temporal_workflow_failed_total, temporal_workflow_completed_total;
 * - temporal_num_pollers, temporal_worker_task_slots_available, temporal_long_request_failure_total.
 * The task queue's own backlog is the API's tnw_task_queue_backlog (it asks Temporal).
 */
export interface WorkerMetricsSettings {
  bindAddress: string;
  tags: Record<string, string>;
}

export function workerMetricsSettings(env: NodeJS.ProcessEnv = process.env): WorkerMetricsSettings | undefined {
  const port = env.WORKER_METRICS_PORT;
  if (!port) return undefined;
  const bindAddress = `${env.WORKER_METRICS_HOST ?? '127.0.0.1'}:${Number(port)}`;
  return { bindAddress, tags: { instance_name: env.WORKER_INSTANCE ?? bindAddress } };
}
