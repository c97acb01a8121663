import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { AuditLog, CaseFileEntity, EpisodeEntity } from '@tnw/persistence';
import {
  buildTimeline,
  collectHistories,
  SubjectNotFoundError,
  toHistoryExport,
  type AuditSubject,
  type HistoryExport,
  type Timeline,
  type WorkflowRunHistory,
} from '@tnw/temporal';
import { DataSource } from 'typeorm';
import { DATA_CONVERTER, type ApiDataConverter } from '../data-converter.provider';
import { TemporalClientHolder } from '../temporal-client.provider';

/** The auditors' reads of one case or episode: its histories as Temporal keeps them, and its timeline. */
@Injectable()
export class AuditService {
  private readonly auditLog: AuditLog;

  constructor(
    private readonly temporal: TemporalClientHolder,
    private readonly dataSource: DataSource,
    @Inject(DATA_CONVERTER) private readonly dataConverter: ApiDataConverter,
  ) {
    this.auditLog = new AuditLog(dataSource);
  }

  async history(subject: AuditSubject): Promise<HistoryExport> {
    return toHistoryExport(subject, this.temporal.client.options.namespace, await this.runsOf(subject));
  }

  async timeline(subject: AuditSubject): Promise<Timeline> {
    const runs = await this.runsOf(subject);
    return buildTimeline({
      subject,
      namespace: this.temporal.client.options.namespace,
      runs,
      auditEntries: await this.auditLog.forCase(subject.id),
      dataConverter: this.dataConverter,
    });
  }

  /** 404 for an ID the read model does not know, or whose workflow Temporal no longer keeps. */
  async runsOf(subject: AuditSubject): Promise<WorkflowRunHistory[]> {
    await this.assertKnown(subject);
    try {
      return await collectHistories(this.temporal.client, subject);
    } catch (error) {
      if (error instanceof SubjectNotFoundError) {
        throw new NotFoundException(
          `${subject.kind} ${subject.id} has no workflow history in Temporal (its retention may have passed)`,
        );
      }
      throw error;
    }
  }

  async assertKnown(subject: AuditSubject): Promise<void> {
    const entity = subject.kind === 'case' ? CaseFileEntity : EpisodeEntity;
    if (!(await this.dataSource.getRepository(entity).existsBy({ id: subject.id }))) {
      throw new NotFoundException(`no ${subject.kind} ${subject.id}`);
    }
  }
}
