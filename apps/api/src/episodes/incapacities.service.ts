import { Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { episodeStateQuery, episodeWorkflowId, EPISODE_WORKFLOW, type EpisodeInput, type EpisodeState } from '@tnw/contracts';
import { checkNationalNumber, type IsoDate } from '@tnw/domain';
import { EpisodeReadModel, EpisodeRegistry, type EpisodeView } from '@tnw/persistence';
import { PinoLogger } from 'nestjs-pino';
import { invalidRequest } from '../../../shared/request-validation';
import { DATA_CONVERTER, type ApiDataConverter } from '../data-converter.provider';
import { TemporalClientHolder } from '../temporal-client.provider';
import { EPISODE_SETTINGS, type EpisodeSettings } from './episode-settings';
import type { ReportIncapacityDto } from './incapacity.dto';

/** Starts an episode workflow per reported incapacity, and reads episodes back. */
@Injectable()
export class IncapacitiesService {
  constructor(
    private readonly registry: EpisodeRegistry,
    private readonly readModel: EpisodeReadModel,
    private readonly temporal: TemporalClientHolder,
    @Inject(EPISODE_SETTINGS) private readonly settings: EpisodeSettings,
    @Inject(DATA_CONVERTER) private readonly dataConverter: ApiDataConverter,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext(IncapacitiesService.name);
  }

  async report(dto: ReportIncapacityDto, today: IsoDate) {
    if (dto.incapacityStartDate > today) {
      const message = `incapacityStartDate must not be after today (${today})`;
      throw invalidRequest([{ field: 'incapacityStartDate', rule: 'notInFuture', message }]);
    }
    // One statement, which also stores a new person's payload key and hands it to the codec.
    const registered = await this.registry.register(
      {
        nationalNumber: normalized(dto.nationalNumber),
        language: dto.language,
        postalCode: dto.postalCode,
        incapacityStartDate: dto.incapacityStartDate,
        workflowIdFor: episodeWorkflowId,
      },
      this.dataConverter.keys,
    );
    const { episodeId, workflowId } = registered;
    const input: EpisodeInput = {
      episodeId,
      personId: registered.personId,
      incapacityStartDate: dto.incapacityStartDate,
      regime: dto.regime,
      contract: dto.contract,
      language: dto.language,
      invalidityRenewalFrom: this.settings.invalidityRenewalFrom,
    };
    try {
      await this.temporal.client.workflow.start(EPISODE_WORKFLOW, { workflowId, taskQueue: this.temporal.taskQueue, args: [input] });
    } catch (error) {
      this.logger.error({ err: error, episodeId }, 'episode could not be started; registration withdrawn');
      await this.registry.withdraw(episodeId);
      throw new ServiceUnavailableException('The workflow engine did not accept the episode; nothing was recorded. Try again.');
    }
    this.logger.info({ episodeId }, 'episode started');
    return { episodeId, workflowId };
  }

  async find(episodeId: string) {
    const view = await this.readModel.find(episodeId);
    if (!view) throw new NotFoundException(`no episode ${episodeId}`);
    return { ...describe(view), live: await this.liveState(view.episode.workflowId) };
  }

  /** The workflow's own view; the read model still answers when the worker is unreachable. */
  private async liveState(workflowId: string): Promise<EpisodeState | null> {
    try {
      return await this.temporal.client.workflow.getHandle(workflowId).query(episodeStateQuery);
    } catch (error) {
      this.logger.warn({ err: error, workflowId }, 'live state unavailable');
      return null;
    }
  }
}

function normalized(nationalNumber: string): string {
  const check = checkNationalNumber(nationalNumber);
  if (!check.valid) throw new Error('the DTO validation lets only valid national numbers through');
  return check.normalized;
}

function describe({ episode, openTasks, taskNotices, nonCooperation }: EpisodeView) {
  return {
    episodeId: episode.id,
    workflowId: episode.workflowId,
    status: episode.status,
    phase: episode.phase,
    incapacityStartDate: episode.incapacityStartDate,
    category: episode.category,
    nextDeadline: episode.nextDeadlineKind
      ? { kind: episode.nextDeadlineKind, dueDate: episode.nextDeadlineDueDate, at: episode.nextDeadlineAt, ruleId: episode.nextDeadlineRule }
      : null,
    openTasks: openTasks.map(({ id, kind, role, dueAt, assignee }) => ({ id, kind, role, dueAt, assignee })),
    taskNotices: taskNotices.map(({ kind, role, stage, dueAt, ruleId, createdAt }) => ({ kind, role, stage, dueAt, ruleId, at: createdAt })),
    nonCooperation: nonCooperation.map(({ kind, occurredOn, createdAt }) => ({ kind, occurredOn, at: createdAt })),
  };
}
