import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { findOrCreatePerson, type NewPerson } from './case-registry';
import { EpisodeEntity } from './entities/episode.entity';

export interface NewEpisode extends NewPerson {
  incapacityStartDate: string;
  workflowIdFor(episodeId: string): string;
}

export interface RegisteredEpisode {
  episodeId: string;
  personId: string;
  workflowId: string;
}

/**
 * Registration of an incapacity the mutuality reports, before its workflow starts: the person as
 * for a case, and the episode under a new pseudonymous ID, which is all the workflow sees.
 */
export class EpisodeRegistry {
  constructor(private readonly dataSource: DataSource) {}

  async register(newEpisode: NewEpisode): Promise<RegisteredEpisode> {
    return this.dataSource.transaction(async (tx) => {
      const person = await findOrCreatePerson(tx, newEpisode);
      const episodeId = randomUUID();
      const workflowId = newEpisode.workflowIdFor(episodeId);
      await tx.insert(EpisodeEntity, {
        id: episodeId,
        personId: person.id,
        workflowId,
        incapacityStartDate: newEpisode.incapacityStartDate,
        status: 'registered',
        phase: 'primary',
      });
      return { episodeId, personId: person.id, workflowId };
    });
  }

  /** Undoes a registration whose workflow could not be started, so no orphan episode remains. */
  async withdraw(episodeId: string): Promise<void> {
    await this.dataSource.getRepository(EpisodeEntity).delete({ id: episodeId, status: 'registered' });
  }
}
