import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '@tnw/contracts';

/**
 * The activities of the case workflows, with one retry policy: partners' outages are retried
 * with backoff up to 5 minutes apart, for as long as it takes; their refusals fail at once.
 */
export const caseActivities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes' },
});
