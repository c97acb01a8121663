import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import type {
  EpisodeActivities,
  EpisodeLetter,
  EpisodeProjection,
  EpisodeTaskNotice,
  NonCooperationNotice,
} from '@tnw/contracts';
import type { LetterLanguage } from '@tnw/domain';
import { LettersClient } from '@tnw/integrations';
import { CaseRegistry, EpisodeReadModel, type ProjectionVersion } from '@tnw/persistence';
import { failWithRetryability } from './activity-context';

/**
 * The episode workflow's own activities (`appendAuditEntry` is the shared one). The workflow
 * gives every letter and notice a key that is stable across retries and continue-as-new; it is
 * used as is, rather than the run-scoped key of activity-context, so that each is sent once.
 */
@Injectable()
export class EpisodeActivitiesService implements Omit<EpisodeActivities, 'appendAuditEntry'> {
  constructor(
    private readonly registry: CaseRegistry,
    private readonly letters: LettersClient,
    private readonly readModel: EpisodeReadModel,
  ) {}

  /** The letters partner files letters under our pseudonymous ID: for an episode, the episode ID. */
  async sendEpisodeLetter({ episodeId, personId, kind, registered, idempotencyKey }: EpisodeLetter): Promise<void> {
    // The person's language as registered now; the national number is read only to be sent.
    const { nationalNumber, language } = await this.registry.personOf(personId);
    await failWithRetryability(() =>
      this.letters.send({ caseId: episodeId, nationalNumber, language: language as LetterLanguage, kind, registered }, idempotencyKey),
    );
  }

  async openTask(notice: EpisodeTaskNotice): Promise<void> {
    await this.readModel.recordTaskNotice(notice);
  }

  async projectEpisode(projection: EpisodeProjection): Promise<void> {
    await this.readModel.project(projection, projectionVersion());
  }

  async notifyNonCooperation(notice: NonCooperationNotice): Promise<void> {
    await this.readModel.recordNonCooperation(notice);
  }
}

/**
 * EpisodeProjection carries no version: the running activity's place in its workflow gives one.
 * Activity IDs are the workflow's activity sequence numbers (the workflow sets none of its own).
 */
function projectionVersion(): ProjectionVersion {
  const { scheduledTimestampMs, activityId } = Context.current().info;
  return { scheduledAt: new Date(scheduledTimestampMs), sequence: Number(activityId) };
}
