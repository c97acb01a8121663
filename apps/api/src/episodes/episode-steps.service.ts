import { Injectable, NotFoundException } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import { episodeWorkflowId } from '@tnw/contracts';
import { EpisodeReadModel } from '@tnw/persistence';
import { refused, sendStep } from '../cases/case-steps.service';
import { TemporalClientHolder } from '../temporal-client.provider';

/** Sends the human steps of an episode to its workflow, which validates each one. */
@Injectable()
export class EpisodeStepsService {
  constructor(
    private readonly temporal: TemporalClientHolder,
    private readonly readModel: EpisodeReadModel,
  ) {}

  toEpisode<Ret, Args extends [unknown]>(episodeId: string, update: UpdateDefinition<Ret, Args>, step: Args[0]): Promise<Ret> {
    const target = { workflowId: episodeWorkflowId(episodeId), notRunning: () => this.notRunning(episodeId) };
    return sendStep(this.temporal.client, target, update, step);
  }

  /** The workflow completes once the episode is closed or the benefit ended; an unknown episode is 404. */
  private async notRunning(episodeId: string) {
    const view = await this.readModel.find(episodeId);
    if (!view) return new NotFoundException(`no episode ${episodeId}`);
    return refused(`the episode is over (${view.episode.status}); nothing was recorded`);
  }
}
