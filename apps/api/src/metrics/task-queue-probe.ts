import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { temporal } from '@temporalio/proto';
import { TemporalClientHolder } from '../temporal-client.provider';

const { TaskQueueType, TaskQueueKind } = temporal.api.enums.v1;

export interface TaskQueueSide {
  /** Pollers Temporal saw within the last `maxPollAgeSeconds`. */
  activePollers: number;
  /** Pollers Temporal still lists (it forgets them after 5 minutes). */
  listedPollers: number;
  /** Tasks waiting for a worker, and how long the oldest has waited; undefined when the server does not say. */
  backlog?: number;
  backlogAgeSeconds?: number;
}

export interface TaskQueueState {
  taskQueue: string;
  workflow: TaskQueueSide;
  activity: TaskQueueSide;
  observedAt: number;
}

/**
 * What Temporal's matching service knows of the cases' task queue (DescribeTaskQueue): who
 * polls it and how much waits in it. The API's /health uses it to turn red when no worker has
 * polled lately (a worker that cannot reach Temporal, or none running), and /metrics exports it.
 * A poll is a long poll of up to a minute, so an idle healthy worker is seen at least once a minute.
 */
@Injectable()
export class TaskQueueProbe {
  readonly maxPollAgeSeconds = Number(process.env.HEALTH_WORKER_POLL_MAX_AGE_S ?? 75);
  private last?: Promise<TaskQueueState>;
  private lastAt = 0;

  constructor(private readonly moduleRef: ModuleRef) {}

  /** The state, asked at most once a second however many probes and scrapes ask. */
  state(): Promise<TaskQueueState> {
    if (!this.last || Date.now() - this.lastAt > 1000) {
      this.lastAt = Date.now();
      this.last = this.describe();
      this.last.catch(() => (this.lastAt = 0));
    }
    return this.last;
  }

  private async describe(): Promise<TaskQueueState> {
    const holder = this.moduleRef.get(TemporalClientHolder, { strict: false });
    const { connection, options } = holder.client;
    const taskQueue = holder.taskQueue;
    const side = async (taskQueueType: number): Promise<TaskQueueSide> => {
      const response = await connection.withDeadline(Date.now() + 2000, () =>
        connection.workflowService.describeTaskQueue({
          namespace: options.namespace,
          taskQueue: { name: taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
          taskQueueType,
          reportStats: true,
        }),
      );
      const now = Date.now();
      const pollers = response.pollers ?? [];
      const seconds = (t?: { seconds?: unknown; nanos?: number | null } | null) =>
        t ? Number(t.seconds ?? 0) + (t.nanos ?? 0) / 1e9 : undefined;
      const activePollers = pollers.filter((p) => {
        const at = seconds(p.lastAccessTime);
        return at !== undefined && now / 1000 - at <= this.maxPollAgeSeconds;
      }).length;
      const stats = response.stats;
      return {
        activePollers,
        listedPollers: pollers.length,
        backlog: stats ? Number(stats.approximateBacklogCount ?? 0) : undefined,
        backlogAgeSeconds: stats ? (seconds(stats.approximateBacklogAge) ?? 0) : undefined,
      };
    };
    const [workflow, activity] = await Promise.all([
      side(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW),
      side(TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY),
    ]);
    return { taskQueue, workflow, activity, observedAt: Date.now() };
  }
}
