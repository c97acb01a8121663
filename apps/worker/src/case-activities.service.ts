import { Injectable } from '@nestjs/common';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { AuditEntry, CaseActivities, CaseProjection, MembershipCheck, MembershipResult } from '@tnw/contracts';
import { MutualityClient, PartnerHttpError } from '@tnw/integrations';
import { AuditLog, CaseReadModel, CaseRegistry } from '@tnw/persistence';

/**
 * The case workflows' activities. Each is idempotent: partners and the audit log receive a key
 * made of the workflow run and the activity ID, which stays the same across retries.
 */
@Injectable()
export class CaseActivitiesService implements CaseActivities {
  constructor(
    private readonly registry: CaseRegistry,
    private readonly readModel: CaseReadModel,
    private readonly auditLog: AuditLog,
    private readonly mutuality: MutualityClient,
  ) {}

  async verifyMembership(check: MembershipCheck): Promise<MembershipResult> {
    const nationalNumber = await this.registry.nationalNumberOf(check.personId);
    return failWithRetryability(() => this.mutuality.lookUpMember(nationalNumber, idempotencyKey()));
  }

  async projectCase(projection: CaseProjection): Promise<void> {
    await this.readModel.project(projection);
  }

  async appendAuditEntry(entry: AuditEntry): Promise<void> {
    await this.auditLog.append(entry, idempotencyKey());
  }
}

/** The run ID is part of the key because activity IDs restart after continue-as-new. */
function idempotencyKey(): string {
  const { workflowExecution, activityId } = Context.current().info;
  if (!workflowExecution) throw new Error('case activities run only on behalf of a workflow');
  return `${workflowExecution.workflowId}/${workflowExecution.runId}/${activityId}`;
}

/** A partner's refusal of the request is final; its outages and time-outs are retried. */
async function failWithRetryability<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof PartnerHttpError && !error.retryable) {
      throw ApplicationFailure.nonRetryable(error.message, 'PartnerRefused');
    }
    throw error;
  }
}
