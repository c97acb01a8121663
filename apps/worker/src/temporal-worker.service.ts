import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { CaseActivities, EpisodeActivities, ReportActivities } from '@tnw/contracts';
import { ensureMonthlyReportSchedule, installTemporalRuntime, productionDataConverter, type ProductionDataConverter } from '@tnw/temporal';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { computePartialResumptionDeadline } from './calendar-activities';
import { CaseActivitiesService } from './case-activities.service';
import { EpisodeActivitiesService } from './episode-activities.service';
import { PartnerActivitiesService } from './partner-activities.service';
import { ReportActivitiesService } from './report-activities.service';
import { WORKER_OPTIONS, type WorkerAppOptions } from './worker-options';

/** Owns the Temporal worker: created on bootstrap, drained on application shutdown. */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private connection?: NativeConnection;
  private dataConverter?: ProductionDataConverter;
  private worker?: Worker;
  private running?: Promise<void>;

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

  async onApplicationBootstrap(): Promise<void> {
    const { metrics } = this.options;
    installTemporalRuntime(this.logger.logger, metrics && { prometheusBindAddress: metrics.bindAddress, metricTags: metrics.tags });
    const { address, namespace, taskQueue } = this.options.temporal;
    this.connection = await NativeConnection.connect({ address });
    // Payloads encrypted with the key of their person (docs/decisions/0004), read from this
    // worker's database; TNW_MASTER_KEY unwraps them.
    this.dataConverter = productionDataConverter({ dataSource: this.dataSource });
    // Function names are the activity types, so each is listed by name; the type checks that
    // every activity the workflows declare is provided.
    const activities: CaseActivities & EpisodeActivities & ReportActivities = {
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
    this.worker = await Worker.create({
      connection: this.connection,
      namespace,
      taskQueue,
      workflowBundle: this.options.workflowBundle,
      dataConverter: this.dataConverter,
      activities,
    });
    // The worker creates the Schedule: it knows the task queue the report must run on, and a
    // Schedule only makes sense where a worker polls that queue. Every worker may try; one creates it.
    const schedule = await ensureMonthlyReportSchedule(
      new Client({ connection: this.connection, namespace, dataConverter: this.dataConverter }),
      taskQueue,
    );
    this.logger.info({ schedule }, 'monthly funding report schedule');
    this.running = this.worker.run().then(
      () => this.logger.info('worker stopped'),
      (error: unknown) => {
        this.logger.error({ err: error }, 'worker failed');
        this.options.onFatalError(error);
      },
    );
    this.logger.info({ taskQueue, namespace, address }, 'worker polling');
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
    await this.running;
    await this.connection?.close();
    await this.dataConverter?.close();
  }
}
