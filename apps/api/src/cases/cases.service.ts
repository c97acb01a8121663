import { Injectable, NotFoundException, ServiceUnavailableException, UnprocessableEntityException } from '@nestjs/common';
import {
  trajectoryStateQuery,
  trajectoryWorkflowId,
  TRAJECTORY_WORKFLOW,
  type TrajectoryInput,
  type TrajectoryState,
} from '@tnw/contracts';
import { checkNationalNumber } from '@tnw/domain';
import { CaseList, CaseReadModel, CaseRegistry } from '@tnw/persistence';
import { PinoLogger } from 'nestjs-pino';
import { TemporalClientHolder } from '../temporal-client.provider';
import { invalidRequest } from '../../../shared/request-validation';
import type { StartCaseDto } from './case.dto';
import type { CaseListQueryDto } from './case-list.dto';
import { checkStartCase } from './start-case-rules';

@Injectable()
export class CasesService {
  constructor(
    private readonly registry: CaseRegistry,
    private readonly readModel: CaseReadModel,
    private readonly caseList: CaseList,
    private readonly temporal: TemporalClientHolder,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext(CasesService.name);
  }

  async start(dto: StartCaseDto, today: string) {
    const check = checkStartCase(dto, today);
    if (check.kind === 'invalid') throw invalidRequest(check.violations);
    if (check.kind === 'refused') {
      throw new UnprocessableEntityException({ statusCode: 422, error: 'Not eligible', ...check.refusal });
    }
    const registered = await this.registry.register({
      nationalNumber: check.nationalNumber,
      language: dto.language,
      postalCode: dto.postalCode,
      route: dto.route,
      incapacityStartDate: dto.incapacityStartDate,
      referralDate: dto.referralDate,
      employmentService: check.employmentService,
      workflowIdFor: trajectoryWorkflowId,
    });
    const input: TrajectoryInput = {
      caseId: registered.caseId,
      personId: registered.personId,
      route: dto.route,
      incapacityStartDate: dto.incapacityStartDate,
      referralDate: dto.referralDate,
      employmentService: check.employmentService,
      regime: dto.regime,
      contract: dto.contract,
    };
    try {
      await this.temporal.client.workflow.start(TRAJECTORY_WORKFLOW, {
        workflowId: registered.workflowId,
        taskQueue: this.temporal.taskQueue,
        args: [input],
      });
    } catch (error) {
      this.logger.error({ err: error, caseId: registered.caseId }, 'trajectory could not be started; registration withdrawn');
      await this.registry.withdraw(registered.caseId);
      throw new ServiceUnavailableException('The workflow engine did not accept the case; nothing was recorded. Try again.');
    }
    this.logger.info({ caseId: registered.caseId, route: dto.route }, 'trajectory started');
    return { caseId: registered.caseId, workflowId: registered.workflowId, status: 'registered' };
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
