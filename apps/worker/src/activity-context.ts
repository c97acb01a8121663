import { ApplicationFailure, Context } from '@temporalio/activity';
import { PartnerHttpError } from '@tnw/integrations';

/**
 * Idempotency key of the running activity: partners and our own tables receive it, so a retried
 * activity has one effect. The run ID is part of it because activity IDs restart after
 * continue-as-new.
 */
export function idempotencyKey(): string {
  const { workflowExecution, activityId } = Context.current().info;
  if (!workflowExecution) throw new Error('case activities run only on behalf of a workflow');
  return `${workflowExecution.workflowId}/${workflowExecution.runId}/${activityId}`;
}

/** A partner's refusal of the request is final; its outages and time-outs are retried. */
export async function failWithRetryability<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof PartnerHttpError && !error.retryable) {
      throw ApplicationFailure.nonRetryable(error.message, 'PartnerRefused');
    }
    throw error;
  }
}
