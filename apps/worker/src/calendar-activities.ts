import type { ComputedDeadline } from '@tnw/contracts';
import { deadlines } from '@tnw/domain';
import { belgianHolidayCalendar } from '@tnw/domain/belgian-holidays';

const holidays = belgianHolidayCalendar();

/**
 * D23: the working day before a partial resumption. Computed in an activity because the Belgian
 * holiday calendar stays out of the workflow bundle; the result is recorded in the history.
 */
export async function computePartialResumptionDeadline({ resumesOn }: { resumesOn: string }): Promise<ComputedDeadline> {
  const due = deadlines.partialResumptionRequestDue(resumesOn, holidays);
  return { date: due.date, ruleId: due.explanation.ruleId, explanation: due.explanation.text };
}
