import { ServiceUnavailableException } from '@nestjs/common';
import { isGrpcServiceError, ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';

/** The gRPC status codes Temporal answers with here (grpc/doc/statuscodes.md). */
const GRPC = { DEADLINE_EXCEEDED: 4, FAILED_PRECONDITION: 9, UNAVAILABLE: 14 } as const;

/**
 * What the API answers when the workflow engine, not the request, kept a step or a query from a
 * case: 503 with what happened to the step, instead of a bare 500. Anything else is undefined and
 * stays the caller's to handle.
 */
export function workflowUnavailable(error: unknown): ServiceUnavailableException | undefined {
  const grpc = error instanceof ServiceError && isGrpcServiceError(error.cause) ? error.cause : undefined;
  if (grpc?.code === GRPC.FAILED_PRECONDITION && /workflow task in failed state/i.test(grpc.details)) {
    return unavailable('the case cannot take steps: its workflow is failing and needs an operator; nothing was recorded');
  }
  // Which of the calls timed out is not known here: an update may already be in the case.
  if (
    error instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
    grpc?.code === GRPC.DEADLINE_EXCEEDED ||
    grpc?.code === GRPC.UNAVAILABLE
  ) {
    return unavailable(
      'the workflow engine did not answer in time; the step may still be recorded: look at the case before sending it again',
    );
  }
  return undefined;
}

function unavailable(message: string): ServiceUnavailableException {
  return new ServiceUnavailableException({ statusCode: 503, error: 'Service Unavailable', message });
}
