import type { DataSource } from 'typeorm';
import { EpisodeEntity } from './entities/episode.entity';
import { registerWithPerson, type NewPerson, type RegistrationKeys } from './registration';

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
 * Registration of an incapacity the mutuality reports, before its workflow starts: the person
 * (and their payload key when they are new) as for a case, and the episode under a new
 * pseudonymous ID, which is all the workflow sees; one statement (see registerWithPerson).
 */
export class EpisodeRegistry {
  constructor(private readonly dataSource: DataSource) {}

  async register(newEpisode: NewEpisode, keys?: RegistrationKeys): Promise<RegisteredEpisode> {
    const registered = await registerWithPerson(this.dataSource, {
      person: newEpisode,
      table: 'episode',
      columns: [
        ['incapacity_start_date', newEpisode.incapacityStartDate, 'date'],
        ['phase', 'primary', 'varchar'],
      ],
      workflowIdFor: newEpisode.workflowIdFor,
      keys,
    });
    if (!registered) throw new Error('the episode was not registered');
    return { episodeId: registered.id, personId: registered.personId, workflowId: registered.workflowId };
  }

  /** Undoes a registration whose workflow could not be started, so no orphan episode remains. */
  async withdraw(episodeId: string): Promise<void> {
    await this.dataSource.getRepository(EpisodeEntity).delete({ id: episodeId, status: 'registered' });
  }
}
