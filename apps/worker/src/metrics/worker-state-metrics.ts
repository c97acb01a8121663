import type { MetricMeter } from '@temporalio/common';
import type { SupervisedWorkerState } from '../worker-supervisor';

/**
 * The worker's own view of its link to Temporal, exported beside the SDK Core's metrics (same
 * Prometheus endpoint, same `instance_name`), because the SDK's do not show an outage: its
 * polls retry quietly and `temporal_num_pollers` keeps counting them.
 *
 * - `tnw_worker_polling` (gauge, `task_queue`): 1 while an SDK worker runs and polls, 0 while the
 *   worker starts, waits to reconnect, or has stopped;
 * - `tnw_worker_temporal_reachable` (gauge): 1 when the last probe (DescribeNamespace, every 10 s
 *   while polling) answered, 0 when it did not or no worker runs;
 * - `tnw_worker_reconnects_total` (counter): attempts to connect again after Temporal was unavailable.
 */
export interface WorkerStateMetrics {
  state(state: SupervisedWorkerState): void;
  reachable(reachable: boolean): void;
  reconnectAttempt(): void;
}

export function workerStateMetrics(meter: MetricMeter, taskQueue: string): WorkerStateMetrics {
  const tagged = meter.withTags({ task_queue: taskQueue });
  const polling = tagged.createGauge(
    'tnw_worker_polling',
    'int',
    '',
    'Whether an SDK worker is running and polling the task queue (1) or not (0)',
  );
  const reachable = tagged.createGauge(
    'tnw_worker_temporal_reachable',
    'int',
    '',
    'Whether Temporal answered for the namespace at the last probe of the polling worker (1) or not (0)',
  );
  const reconnects = tagged.createCounter(
    'tnw_worker_reconnects',
    '',
    'Attempts to connect again after Temporal was unavailable',
  );
  polling.set(0);
  reachable.set(0);
  return {
    state: (state) => {
      polling.set(state === 'polling' ? 1 : 0);
      if (state !== 'polling') reachable.set(0);
    },
    reachable: (up) => reachable.set(up ? 1 : 0),
    reconnectAttempt: () => reconnects.add(1),
  };
}
