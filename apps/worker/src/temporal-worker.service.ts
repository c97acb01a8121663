import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { CaseActivities, EpisodeActivities, ReportActivities } from '@tnw/contracts';
import { databaseAnswers } from '@tnw/persistence';
import {
  ensureMonthlyReportSchedule,
  installTemporalRuntime,
  productionDataConverter,
  type ProductionDataConverter,
} from '@tnw/temporal';
import { PinoLogger } from 'nestjs-pino';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { computePartialResumptionDeadline } from './calendar-activities';
import { CaseActivitiesService } from './case-activities.service';
import { EpisodeActivitiesService } from './episode-activities.service';
import { workerStateMetrics, type WorkerStateMetrics } from './metrics/worker-state-metrics';
import { PartnerActivitiesService } from './partner-activities.service';
import { ReportActivitiesService } from './report-activities.service';
import { WORKER_OPTIONS, type WorkerAppOptions } from './worker-options';
import { describeError, WorkerSupervisor, type RunningWorker, type SupervisedWorkerState } from './worker-supervisor';

/** How often a polling worker checks that Temporal serves its namespace (tnw_worker_temporal_reachable). */
const REACHABILITY_PROBE_MS = 10_000;
/** How long one such check may take. */
const PROBE_TIMEOUT_MS = 5_000;
/**
 * How long a worker in the SDK's FAILED state may take to end its run (its shutdown calls the
 * server, retried for up to 10 s) before it is given up: after a poll error, the SDK 1.24 can fail
 * without ever ending `run()` (worker-supervisor.ts).
 */
const FAILED_RUN_GRACE_MS = 15_000;
/** How often a polling worker checks that its read model answers, and a paused one whether it answers again. */
const READ_MODEL_PROBE_MS = 2_000;

/** A worker stopped on purpose because its read model did not answer (see watchReadModel). */
class ReadModelUnavailableError extends Error {
  override readonly name = 'ReadModelUnavailable';
}

let runtimePins = 0;

/**
 * Keeps the SDK's Runtime while a worker service runs. The SDK shuts its Runtime down as soon as
 * no connection or worker exists (`shutdownIfIdle`), which also stops the Prometheus exporter and
 * leaves the metrics made on its meter dead; between a lost worker and the next connection to a
 * Temporal that is away, none exists. `isIdle` is the SDK's protected hook for that decision; the
 * returned function gives the decision back (and lets an idle Runtime shut down) once the last
 * service has stopped. Without that hook (another SDK version) nothing is pinned.
 */
function pinRuntime(runtime: Runtime): () => Promise<void> {
  const internals = runtime as unknown as { isIdle?: () => boolean; shutdownIfIdle?: () => Promise<void> };
  const prototype = Object.getPrototypeOf(runtime) as typeof internals;
  if (typeof prototype.isIdle !== 'function' || typeof prototype.shutdownIfIdle !== 'function') return async () => undefined;
  if (runtimePins++ === 0) internals.isIdle = () => false;
  return async () => {
    if (--runtimePins > 0) return;
    delete internals.isIdle;
    await internals.shutdownIfIdle?.();
  };
}

/**
 * Owns the Temporal worker: started on bootstrap, made again when Temporal was unavailable
 * (WorkerSupervisor: capped exponential back-off, 1 s to 30 s), drained on application shutdown.
 * A failure that is not Temporal's absence goes to `onFatalError` (production exits non-zero).
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private dataConverter?: ProductionDataConverter;
  private supervisor?: WorkerSupervisor;
  private metrics?: WorkerStateMetrics;
  private unpinRuntime?: () => Promise<void>;
  private scheduleEnsured = false;
  /** What the last probe of the running worker found; undefined before the first, or with no worker. */
  private lastProbeReachable?: boolean;
  /** The cache size and workflow threads the SDK worker runs with (the SDK's defaults unless set), for the logs. */
  private effectiveTuning: Record<string, number> = {};
  /** The worker was stopped because the read model did not answer; it is made again once it does. */
  private pausedForReadModel = false;
  /** Aborted on shutdown: ends a wait for the read model. */
  private readonly closing = new AbortController();

  constructor(
    @Inject(WORKER_OPTIONS) private readonly options: WorkerAppOptions,
    private readonly records: CaseActivitiesService,
    private readonly partners: PartnerActivitiesService,
    private readonly episodes: EpisodeActivitiesService,
    private readonly reports: ReportActivitiesService,
    private readonly dataSource: DataSource,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext(TemporalWorkerService.name);
  }

  /** Where the worker stands: polling, reconnecting after Temporal went away, stopped or failed. */
  get state(): SupervisedWorkerState {
    return this.supervisor?.state ?? 'starting';
  }

  async onApplicationBootstrap(): Promise<void> {
    const { metrics } = this.options;
    installTemporalRuntime(
      this.logger.logger,
      metrics && { prometheusBindAddress: metrics.bindAddress, metricTags: metrics.tags },
    );
    const { address, namespace, taskQueue } = this.options.temporal;
    this.unpinRuntime = pinRuntime(Runtime.instance());
    this.metrics = workerStateMetrics(Runtime.instance().metricMeter, taskQueue);
    // Payloads encrypted with the key of their person (docs/decisions/0004), read from this
    // worker's database; TNW_MASTER_KEY unwraps them.
    this.dataConverter = productionDataConverter({ dataSource: this.dataSource });
    const { initialDelayMs, maxDelayMs } = this.options.reconnect ?? {};
    this.supervisor = new WorkerSupervisor({
      start: () => this.startWorker(),
      // A pause for the read model is waited out like Temporal's absence (start() waits for it).
      temporalUnavailable: async () =>
        this.pausedForReadModel || this.lastProbeReachable === false || !(await this.temporalServing()),
      initialDelayMs,
      maxDelayMs,
      onState: (state) => this.metrics?.state(state),
      onPolling: ({ afterFailures }) =>
        this.logger.info(
          { taskQueue, namespace, address, ...this.effectiveTuning, ...(afterFailures > 0 ? { afterFailures } : {}) },
          'worker polling',
        ),
      onUnavailable: ({ attempt, retryInMs, wasPolling, error, knownBy }) => {
        this.metrics?.reconnectAttempt();
        if (this.pausedForReadModel) {
          this.logger.warn(
            { attempt, wasPolling, error: describeError(error) },
            'read model (PostgreSQL) unavailable: the worker stopped polling; it polls again once the read model answers',
          );
          return;
        }
        this.logger.warn(
          { address, attempt, retryInMs, wasPolling, error: describeError(error), ...(knownBy === 'check' && { knownBy }) },
          wasPolling ? 'Temporal unavailable: the worker stopped polling; reconnecting' : 'Temporal unavailable; reconnecting',
        );
      },
      onFailure: (error) => {
        this.logger.error({ err: error }, 'worker failed');
        this.options.onFatalError(error);
      },
    });
    // Resolves once the worker polls or waits for Temporal; rejects on a failure of another kind
    // (e.g. a workflow bundle that does not load), and the application does not start.
    try {
      await this.supervisor.begin();
    } catch (error) {
      await this.unpinRuntime();
      this.unpinRuntime = undefined;
      throw error;
    }
  }

  /** Stops polling first (also while waiting to reconnect), before the database and the rest close. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing.abort();
    await this.supervisor?.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.supervisor?.stop();
    await this.unpinRuntime?.();
    this.unpinRuntime = undefined;
    await this.dataConverter?.close();
  }

  /** One attempt: a connection, the Schedule (once), the worker, and its run. */
  private async startWorker(): Promise<RunningWorker> {
    await this.untilReadModelAnswers();
    this.pausedForReadModel = false;
    const { address, namespace, taskQueue } = this.options.temporal;
    const connection = await NativeConnection.connect({ address });
    let worker: Worker;
    try {
      if (!this.scheduleEnsured) {
        // The worker creates the Schedule: it knows the task queue the report must run on, and a
        // Schedule only makes sense where a worker polls that queue. Every worker may try; one creates it.
        const schedule = await ensureMonthlyReportSchedule(
          new Client({ connection, namespace, dataConverter: this.dataConverter }),
          taskQueue,
        );
        this.scheduleEnsured = true;
        this.logger.info({ schedule }, 'monthly funding report schedule');
      }
      worker = await Worker.create({
        connection,
        namespace,
        taskQueue,
        workflowBundle: this.options.workflowBundle,
        dataConverter: this.dataConverter,
        activities: this.activities(),
        ...this.options.tuning,
      });
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw error;
    }
    this.effectiveTuning = {
      maxCachedWorkflows: worker.options.maxCachedWorkflows,
      workflowThreadPoolSize: worker.options.workflowThreadPoolSize,
    };
    const run = worker.run();
    const probe = this.probeReachability(connection);
    const stopWatchingReadModel = this.watchReadModel(worker);
    const { stuck, watchdog } = this.watchForStuckRun(worker);
    const ran = run.then(() => {
      // Stopped for the read model, not on request: the supervisor makes the worker again.
      if (this.pausedForReadModel) throw new ReadModelUnavailableError('the read model (PostgreSQL) did not answer');
    });
    const done = Promise.race([ran, stuck]).finally(async () => {
      // lastProbeReachable stays: the supervisor asks temporalUnavailable right after a failure.
      clearInterval(probe);
      stopWatchingReadModel();
      clearInterval(watchdog);
      // Refused while a stuck SDK worker still holds it: then it is left behind with that worker.
      await connection.close().catch(() => undefined);
    });
    return {
      done,
      shutdown: () => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
      },
    };
  }

  /**
   * While the worker polls, asks the read model every 2 s whether it answers, and stops the worker
   * (a clean shutdown: polling ends, tasks in progress finish) when it does not. Every payload is
   * encrypted with the key of its person, read from the read model and kept for a minute
   * (docs/decisions/0004): a worker without it can only fail the tasks it takes, and a failure it
   * cannot encode either (the failure converter encrypts messages too) makes the SDK give the
   * worker up, which `onFatalError` turns into an exit. That is how both workers exited during
   * the fault suite's 60 s outage, once their keys had expired. A worker that stops polling this
   * way is made again once the read model answers (untilReadModelAnswers), in the same process.
   */
  private watchReadModel(worker: Worker): () => void {
    let timer: NodeJS.Timeout | undefined;
    let watching = true;
    const check = async () => {
      const answers = await databaseAnswers(this.dataSource, PROBE_TIMEOUT_MS);
      if (!watching) return;
      if (!answers && worker.getState() === 'RUNNING') {
        this.pausedForReadModel = true;
        this.logger.warn('read model (PostgreSQL) unreachable: the worker stops polling until it answers');
        worker.shutdown();
        return;
      }
      timer = setTimeout(() => void check(), READ_MODEL_PROBE_MS);
      timer.unref();
    };
    timer = setTimeout(() => void check(), READ_MODEL_PROBE_MS);
    timer.unref();
    return () => {
      watching = false;
      clearTimeout(timer);
    };
  }

  /** Waits, before a worker is made, until the read model answers (see watchReadModel); ends, rejecting, on shutdown. */
  private async untilReadModelAnswers(): Promise<void> {
    let waited = false;
    while (!(await databaseAnswers(this.dataSource, PROBE_TIMEOUT_MS))) {
      if (!waited) this.logger.warn('read model (PostgreSQL) unreachable; the worker polls once it answers');
      waited = true;
      await sleep(READ_MODEL_PROBE_MS, undefined, { signal: this.closing.signal });
    }
    if (waited) this.logger.info('read model (PostgreSQL) answers again');
  }

  /**
   * While the worker polls, asks Temporal every 10 s whether it serves the namespace: the SDK
   * retries its polls quietly through an outage, so this is what tells the metrics (and the logs)
   * that Temporal is away, and when it is back.
   */
  private probeReachability(connection: NativeConnection): NodeJS.Timeout {
    let reachable = true;
    this.lastProbeReachable = undefined;
    this.metrics?.reachable(true);
    const { address, namespace } = this.options.temporal;
    const probe = async () => {
      const answered = await connection
        .withDeadline(Date.now() + PROBE_TIMEOUT_MS, () => connection.workflowService.describeNamespace({ namespace }))
        .then(
          () => true,
          () => false,
        );
      if (this.state !== 'polling') return;
      this.lastProbeReachable = answered;
      if (answered === reachable) return;
      reachable = answered;
      this.metrics?.reachable(answered);
      if (answered) this.logger.info({ address }, 'Temporal reachable again');
      else this.logger.warn({ address }, "Temporal unreachable; the SDK retries the worker's polls");
    };
    const timer = setInterval(() => void probe(), REACHABILITY_PROBE_MS);
    timer.unref();
    return timer;
  }

  /**
   * Rejects when the SDK worker has been FAILED for FAILED_RUN_GRACE_MS without its run ending:
   * when one of its pollers gives up while the other is still waiting, the SDK goes straight to
   * its final clean-up, which then waits for the other poller, that nobody polls any more, for ever.
   */
  private watchForStuckRun(worker: Worker): { stuck: Promise<never>; watchdog: NodeJS.Timeout } {
    let failedAt: number | undefined;
    let watchdog!: NodeJS.Timeout;
    const stuck = new Promise<never>((_, reject) => {
      watchdog = setInterval(() => {
        if (worker.getState() !== 'FAILED') return;
        failedAt ??= Date.now();
        if (Date.now() - failedAt < FAILED_RUN_GRACE_MS) return;
        clearInterval(watchdog);
        const error = new Error(`the SDK worker failed and its run did not end within ${FAILED_RUN_GRACE_MS / 1000} s`);
        error.name = 'WorkerRunStuck';
        reject(error);
      }, 1_000);
      watchdog.unref();
    });
    stuck.catch(() => undefined); // when the run ends first, nobody awaits this one
    return { stuck, watchdog };
  }

  /** Whether Temporal answers for the namespace now, on a connection of its own (within 10 s). */
  private async temporalServing(): Promise<boolean> {
    const { address, namespace } = this.options.temporal;
    let connection: NativeConnection | undefined;
    const check = (async () => {
      connection = await NativeConnection.connect({ address });
      await connection.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () =>
        connection!.workflowService.describeNamespace({ namespace }),
      );
    })();
    // Closed whenever the check ends, even after the time-out below.
    void check.catch(() => undefined).finally(() => (connection as NativeConnection | undefined)?.close().catch(() => undefined));
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer')), 2 * PROBE_TIMEOUT_MS);
    });
    try {
      await Promise.race([check, late]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Function names are the activity types, so each is listed by name; the type checks that every activity the workflows declare is provided. */
  private activities(): CaseActivities & EpisodeActivities & ReportActivities {
    return {
      verifyMembership: (check) => this.partners.verifyMembership(check),
      confirmInvalidity: (check) => this.partners.confirmInvalidity(check),
      sendInsuredLetter: (letter) => this.partners.sendInsuredLetter(letter),
      registerTrainingDossier: (dossier) => this.partners.registerTrainingDossier(dossier),
      registerAtEmploymentService: (request) => this.partners.registerAtEmploymentService(request),
      computePartialResumptionDeadline,
      requestEmployerReintegration: (request) => this.partners.requestEmployerReintegration(request),
      payTrainingIntervention: (payment) => this.partners.payTrainingIntervention(payment),
      projectCase: (projection) => this.records.projectCase(projection),
      replaceTasks: (tasks) => this.records.replaceTasks(tasks),
      notifyCoordinator: (notice) => this.records.notifyCoordinator(notice),
      appendAuditEntry: (entry) => this.records.appendAuditEntry(entry),
      sendEpisodeLetter: (letter) => this.episodes.sendEpisodeLetter(letter),
      openTask: (task) => this.episodes.openTask(task),
      projectEpisode: (projection) => this.episodes.projectEpisode(projection),
      notifyNonCooperation: (notice) => this.episodes.notifyNonCooperation(notice),
      computeMonthlyReport: (request) => this.reports.computeMonthlyReport(request),
    };
  }
}
