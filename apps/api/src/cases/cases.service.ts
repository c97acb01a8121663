import {
  Inject,
  Injectable,
  NotFoundException,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  trajectoryStateQuery,
  trajectoryWorkflowId,
  TRAJECTORY_WORKFLOW,
  type TrajectoryInput,
  type TrajectoryState,
} from '@tnw/contracts';
import { checkNationalNumber } from '@tnw/domain';
import { CaseList, CaseReadModel, CaseRegistry, type NewCase, type RegisteredCase } from '@tnw/persistence';
import { parseMasterKey } from '@tnw/temporal';
import { PinoLogger } from 'nestjs-pino';
import { DATA_CONVERTER, type ApiDataConverter } from '../data-converter.provider';
import { TemporalClientHolder } from '../temporal-client.provider';
import { invalidRequest } from '../../../shared/request-validation';
import type { StartCaseDto } from './case.dto';
import type { CaseListQueryDto } from './case-list.dto';
import { idempotencyKeyReused, parseIdempotencyKey, RequestFingerprints } from './idempotency-key';
import { checkStartCase } from './start-case-rules';

/** Who asks for a case to be started, and the Idempotency-Key header they sent, if any. */
export interface StartRequest {
  /** The access token's subject: idempotency keys are the caller's own. */
  subject: string;
  idempotencyKey: string | undefined;
}

export interface StartedCase {
  answer: { caseId: string; workflowId: string; status: 'registered' };
  /** The answer to an earlier request with the same Idempotency-Key, given again. */
  replayed: boolean;
}

const HOUR_MS = 3600_000;

@Injectable()
export class CasesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly fingerprints: RequestFingerprints;
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly registry: CaseRegistry,
    private readonly readModel: CaseReadModel,
    private readonly caseList: CaseList,
    private readonly temporal: TemporalClientHolder,
    @Inject(DATA_CONVERTER) private readonly dataConverter: ApiDataConverter,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext(CasesService.name);
    // The same master key as the data converter's (which refuses to start without it).
    this.fingerprints = new RequestFingerprints(parseMasterKey(process.env.TNW_MASTER_KEY));
  }

  /** Forgets the expired idempotency keys now and every hour (each replica: the delete is idempotent). */
  onApplicationBootstrap(): void {
    const sweep = () =>
      this.registry
        .forgetIdempotencyKeys()
        .then((forgotten) => forgotten && this.logger.info({ forgotten }, 'expired idempotency keys forgotten'))
        .catch((error: unknown) => this.logger.warn({ err: error }, 'expired idempotency keys could not be forgotten'));
    void sweep();
    this.sweeper = setInterval(sweep, HOUR_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  /**
   * Registers the case and starts its workflow. The registration is one statement (person, their
   * payload key, case, and the Idempotency-Key's claim), which tells the payload codec what it
   * needs to encrypt the start input.
   *
   * Without an Idempotency-Key, a start that fails withdraws the registration (503, nothing
   * recorded). With one, the case stays registered and the answer (503) asks for the request to
   * be sent again with the same key: a retry, or a concurrent duplicate, finds the case by its key
   * and starts its workflow if its read model still says `registered` (a start of a workflow that
   * exists already, running or closed, is refused by Temporal and counts as done), then answers
   * like the first request. Not withdrawing matters: a start whose answer was lost may have
   * started the workflow, and a new case for the retry would be a second one.
   */
  async start(dto: StartCaseDto, today: string, request: StartRequest): Promise<StartedCase> {
    const idempotencyKey = parseIdempotencyKey(request.idempotencyKey);
    const check = checkStartCase(dto, today);
    if (check.kind === 'invalid') throw invalidRequest(check.violations);
    if (check.kind === 'refused') {
      throw new UnprocessableEntityException({ statusCode: 422, error: 'Not eligible', ...check.refusal });
    }
    const newCase: NewCase = {
      nationalNumber: check.nationalNumber,
      language: dto.language,
      postalCode: dto.postalCode,
      route: dto.route,
      incapacityStartDate: dto.incapacityStartDate,
      referralDate: dto.referralDate,
      employmentService: check.employmentService,
      workflowIdFor: trajectoryWorkflowId,
    };
    const input = (registered: RegisteredCase): TrajectoryInput => ({
      caseId: registered.caseId,
      personId: registered.personId,
      route: dto.route,
      incapacityStartDate: dto.incapacityStartDate,
      referralDate: dto.referralDate,
      employmentService: check.employmentService,
      regime: dto.regime,
      contract: dto.contract,
    });
    const keys = this.dataConverter.keys;

    if (!idempotencyKey) {
      const registered = await this.registry.register(newCase, keys);
      try {
        await this.startTrajectory(registered, input(registered));
      } catch (error) {
        this.logger.error({ err: error, caseId: registered.caseId }, 'trajectory could not be started; registration withdrawn');
        await this.registry.withdraw(registered.caseId);
        throw new ServiceUnavailableException('The workflow engine did not accept the case; nothing was recorded. Try again.');
      }
      return { answer: answerFor(registered), replayed: false };
    }

    const requestHash = this.fingerprints.of({ ...dto, nationalNumber: check.nationalNumber });
    const registration = await this.registry.registerOnce(
      newCase,
      { subject: request.subject, key: idempotencyKey, requestHash },
      keys,
    );
    if (registration.outcome === 'keyReusedForAnotherRequest') throw idempotencyKeyReused();
    const registered = registration.case;
    const replayed = registration.outcome === 'replayed';
    // Past `registered`, the workflow has projected its state: it was started.
    if (!replayed || registration.status === 'registered') {
      try {
        await this.startTrajectory(registered, input(registered));
      } catch (error) {
        this.logger.error(
          { err: error, caseId: registered.caseId },
          'trajectory could not be started; the case stays registered for a retry with its Idempotency-Key',
        );
        throw new ServiceUnavailableException(
          'The workflow engine did not accept the case. It is registered: send the same request again with the same Idempotency-Key to start it.',
        );
      }
    }
    if (replayed) this.logger.info({ caseId: registered.caseId }, 'case start answered again for its Idempotency-Key');
    return { answer: answerFor(registered), replayed };
  }

  /** Starts the case's workflow; one that exists already (started by an earlier request) counts as started. */
  private async startTrajectory(registered: RegisteredCase, input: TrajectoryInput): Promise<void> {
    try {
      await this.temporal.client.workflow.start(TRAJECTORY_WORKFLOW, {
        workflowId: registered.workflowId,
        taskQueue: this.temporal.taskQueue,
        args: [input],
        // Never a second run for a case, even once the first has closed.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      this.logger.info({ caseId: registered.caseId, route: input.route }, 'trajectory started');
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  list(query: CaseListQueryDto, now: Date) {
    const { status, page, pageSize, ...filters } = query;
    return this.caseList.list({ ...filters, statuses: status, now, limit: pageSize, offset: (page - 1) * pageSize });
  }

  /** The DTO has checked the number; its normalized form is the one registered. */
  async search(nationalNumber: string, now: Date) {
    const checked = checkNationalNumber(nationalNumber);
    return { items: checked.valid ? await this.caseList.ofPerson(checked.normalized, now) : [] };
  }

  async find(caseId: string) {
    const view = await this.readModel.find(caseId);
    if (!view) throw new NotFoundException(`no case ${caseId}`);
    const { case: found, openTasks } = view;
    return {
      caseId: found.id,
      workflowId: found.workflowId,
      route: found.route,
      status: found.status,
      mutuality: found.mutuality,
      incapacityStartDate: found.incapacityStartDate,
      referralDate: found.referralDate,
      nextDeadline: found.nextDeadlineKind
        ? { kind: found.nextDeadlineKind, dueDate: found.nextDeadlineDueDate, expiresAt: found.nextDeadlineExpiresAt, ruleId: found.nextDeadlineRule }
        : null,
      openTasks: openTasks.map((task) => ({ id: task.id, kind: task.kind, role: task.role, dueAt: task.dueAt, assignee: task.assignee })),
      notifications: view.notifications.map((n) => ({ role: n.recipientRole, step: n.step, message: n.message, at: n.createdAt })),
      live: await this.liveState(found.workflowId),
    };
  }

  /** The workflow's own view; the read model still answers when the worker is unreachable. */
  private async liveState(workflowId: string): Promise<TrajectoryState | null> {
    try {
      return await this.temporal.client.workflow.getHandle(workflowId).query(trajectoryStateQuery);
    } catch (error) {
      this.logger.warn({ err: error, workflowId }, 'live state unavailable');
      return null;
    }
  }
}

const answerFor = (registered: RegisteredCase): StartedCase['answer'] => ({
  caseId: registered.caseId,
  workflowId: registered.workflowId,
  status: 'registered',
});
