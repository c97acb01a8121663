import { Inject, Injectable, NotFoundException, OnApplicationShutdown, UnprocessableEntityException } from '@nestjs/common';
import { CaseFileEntity, EpisodeEntity } from '@tnw/persistence';
import { addDays, startOfDayInBrussels } from '@tnw/domain';
import {
  collectHistories,
  installTemporalRuntime,
  replayCases,
  subjectKey,
  SubjectNotFoundError,
  type AuditSubject,
  type ReplayInput,
  type ReplayVerdict,
} from '@tnw/temporal';
import { randomUUID } from 'node:crypto';
import { PinoLogger } from 'nestjs-pino';
import { Between, DataSource } from 'typeorm';
import { todayInBrussels } from '../cases/today';
import { DATA_CONVERTER, type ApiDataConverter } from '../data-converter.provider';
import { TemporalClientHolder } from '../temporal-client.provider';
import { MAX_REPLAY_SUBJECTS, type StartReplayDto } from './audit.dto';

/** A case's (or episode's) verdict: the worst of its workflows' (trajectory, training reviews, runs). */
export type SubjectVerdict = 'pending' | 'deterministic' | 'diverged' | 'failed' | 'notFound';

export interface SubjectReplay extends AuditSubject {
  verdict: SubjectVerdict;
  /** The first workflow run that diverged or failed, with the event and Temporal's message. */
  problem?: ReplayVerdict;
  workflows: ReplayVerdict[];
}

export interface ReplayJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  requestedBy?: string;
  requestedAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** Cases and episodes replayed so far, of all the job's. */
  progress: { done: number; total: number };
  summary: Record<Exclude<SubjectVerdict, 'pending'>, number>;
  error?: string;
  subjects: SubjectReplay[];
}

/** Finished jobs kept for reading; older ones are forgotten first. */
const KEPT_JOBS = 50;

/**
 * Replay jobs of the auditors, run one after the other in this API process (replay is CPU work
 * on a 2-core machine: one at a time keeps the API responsive). The jobs live in this process's
 * memory: a restart forgets them (their verdicts are cheap to compute again), and with several
 * API instances a job is read from the instance that started it.
 */
@Injectable()
export class ReplayJobs implements OnApplicationShutdown {
  private readonly jobs = new Map<string, ReplayJob>();
  private queue: Promise<void> = Promise.resolve();
  private closing = false;

  constructor(
    private readonly temporal: TemporalClientHolder,
    private readonly dataSource: DataSource,
    @Inject(DATA_CONVERTER) private readonly dataConverter: ApiDataConverter,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext(ReplayJobs.name);
  }

  /** Resolves the request to its subjects (refusing a set over the cap), then queues the job. */
  async start(request: StartReplayDto, requestedBy: string | undefined, now = new Date()): Promise<ReplayJob> {
    const subjects = await this.subjectsOf(request, now);
    if (subjects.length === 0)
      throw new UnprocessableEntityException('nothing to replay: no case or episode matches the request');
    if (subjects.length > MAX_REPLAY_SUBJECTS) {
      throw new UnprocessableEntityException(
        `the request selects ${subjects.length} cases and episodes; a replay job takes at most ${MAX_REPLAY_SUBJECTS}: narrow the dates or split the list`,
      );
    }
    const job: ReplayJob = {
      id: randomUUID(),
      status: 'queued',
      ...(requestedBy ? { requestedBy } : {}),
      requestedAt: now.toISOString(),
      progress: { done: 0, total: subjects.length },
      summary: { deterministic: 0, diverged: 0, failed: 0, notFound: 0 },
      subjects: subjects.map((subject) => ({ ...subject, verdict: 'pending', workflows: [] })),
    };
    this.jobs.set(job.id, job);
    this.forgetOldJobs();
    this.queue = this.queue.then(() => this.run(job));
    return job;
  }

  find(id: string): ReplayJob {
    const job = this.jobs.get(id);
    if (!job)
      throw new NotFoundException(`no replay job ${id} in this API process (jobs are kept in memory, the last ${KEPT_JOBS})`);
    return job;
  }

  list(): Array<Omit<ReplayJob, 'subjects'>> {
    return [...this.jobs.values()].reverse().map(({ subjects: _subjects, ...job }) => job);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    await this.queue;
  }

  private async subjectsOf(request: StartReplayDto, now: Date): Promise<AuditSubject[]> {
    const subjects = new Map<string, AuditSubject>();
    const add = (subject: AuditSubject) => subjects.set(subjectKey(subject), subject);
    request.caseIds?.forEach((id) => add({ kind: 'case', id }));
    request.episodeIds?.forEach((id) => add({ kind: 'episode', id }));
    if (request.startedFrom) {
      const until = request.startedUntil ?? todayInBrussels(now);
      if (until < request.startedFrom)
        throw new UnprocessableEntityException(`startedUntil (${until}) is before startedFrom (${request.startedFrom})`);
      const registered = Between(
        new Date(startOfDayInBrussels(request.startedFrom)),
        new Date(Date.parse(startOfDayInBrussels(addDays(until, 1))) - 1),
      );
      const episodes = request.of === 'episodes';
      const repository = this.dataSource.getRepository<{ id: string; createdAt: Date }>(
        episodes ? EpisodeEntity : CaseFileEntity,
      );
      // One more than the cap is enough to refuse the request.
      const rows = await repository.find({
        select: { id: true },
        where: { createdAt: registered },
        order: { createdAt: 'ASC' },
        take: MAX_REPLAY_SUBJECTS + 1,
      });
      rows.forEach(({ id }) => add({ kind: episodes ? 'episode' : 'case', id }));
    } else if (request.startedUntil || request.of) {
      throw new UnprocessableEntityException('startedUntil and of go with startedFrom');
    }
    if (!request.caseIds && !request.episodeIds && !request.startedFrom) {
      throw new UnprocessableEntityException('say what to replay: caseIds, episodeIds, or startedFrom (with startedUntil)');
    }
    return [...subjects.values()];
  }

  private async run(job: ReplayJob): Promise<void> {
    if (this.closing) return;
    installTemporalRuntime(this.logger.logger);
    job.status = 'running';
    job.startedAt = new Date().toISOString();
    const bySubject = new Map(job.subjects.map((subject) => [subjectKey(subject), { subject, expected: 0 }]));
    const settle = (entry: SubjectReplay, verdict: Exclude<SubjectVerdict, 'pending'>) => {
      entry.verdict = verdict;
      job.summary[verdict]++;
      job.progress.done++;
    };

    const client = this.temporal.client;
    const closing = () => this.closing;
    // Histories are fetched one case at a time, as the replay asks for them.
    async function* histories(): AsyncGenerator<ReplayInput> {
      for (const [key, state] of bySubject) {
        if (closing()) return;
        let runs;
        try {
          runs = await collectHistories(client, state.subject);
        } catch (error) {
          const notFound = error instanceof SubjectNotFoundError;
          if (!notFound) state.subject.problem = { subject: key, workflowId: '-', verdict: 'failed', message: messageOf(error) };
          settle(state.subject, notFound ? 'notFound' : 'failed');
          continue;
        }
        state.expected = runs.length;
        for (const run of runs) yield { subject: key, ...run };
      }
    }

    try {
      for await (const verdict of replayCases(histories(), { dataConverter: this.dataConverter })) {
        const state = bySubject.get(verdict.subject!)!;
        const entry = state.subject;
        entry.workflows.push(verdict);
        if (verdict.verdict === 'diverged' && entry.problem?.verdict !== 'diverged') entry.problem = verdict;
        else if (verdict.verdict === 'failed') entry.problem ??= verdict;
        if (entry.workflows.length === state.expected) {
          settle(
            entry,
            entry.workflows.some((w) => w.verdict === 'diverged') ? 'diverged' : entry.problem ? 'failed' : 'deterministic',
          );
        }
      }
      job.status = this.closing && job.progress.done < job.progress.total ? 'failed' : 'done';
      if (job.status === 'failed') job.error = 'the API shut down during the replay';
    } catch (error) {
      job.status = 'failed';
      job.error = messageOf(error);
      this.logger.error({ err: error, jobId: job.id }, 'replay job failed');
    } finally {
      job.finishedAt = new Date().toISOString();
      this.logger.info({ jobId: job.id, summary: job.summary, progress: job.progress }, 'replay job finished');
    }
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((job) => job.status === 'done' || job.status === 'failed');
    for (const job of finished.slice(0, Math.max(0, this.jobs.size - KEPT_JOBS))) this.jobs.delete(job.id);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
