import { Context } from '@temporalio/activity';
import type { CaseActivities, CaseProjection, CoordinatorNotice, InsuredLetter, ScopedTasks } from '@tnw/contracts';
import { computePartialResumptionDeadline } from '../../apps/worker/src/calendar-activities';

/** A call the workflow made, with the test server's (skipped) time at which it was scheduled. */
export interface Recorded<T> {
  at: string;
  value: T;
}

/**
 * Activities for workflow tests: they record what the workflow asked, at which instant, and
 * answer as the partners would. The real implementations are tested end to end.
 */
export class RecordingActivities {
  member = true;
  invalidity: { inInvalidity: boolean; since?: string } = { inInvalidity: true, since: '2030-01-01' };
  readonly projections: Recorded<CaseProjection>[] = [];
  readonly scopedTasks: Recorded<ScopedTasks>[] = [];
  readonly letters: Recorded<InsuredLetter>[] = [];
  readonly notices: Recorded<CoordinatorNotice>[] = [];
  readonly payments: string[] = [];
  readonly registrations: string[] = [];
  readonly audit: string[] = [];

  reset(): void {
    this.member = true;
    this.invalidity = { inInvalidity: true, since: '2030-01-01' };
    for (const list of [this.projections, this.scopedTasks, this.letters, this.notices, this.payments, this.registrations, this.audit]) {
      list.length = 0;
    }
  }

  /** The latest projection, by version as the read model keeps it. */
  latest(): CaseProjection | undefined {
    return [...this.projections].sort((a, b) => a.value.version - b.value.version).at(-1)?.value;
  }

  readonly activities: CaseActivities = {
    verifyMembership: async () => (this.member ? { member: true, mutuality: '300' } : { member: false }),
    confirmInvalidity: async () => this.invalidity,
    projectCase: async (projection) => void this.projections.push(recorded(projection)),
    replaceTasks: async (tasks) => void this.scopedTasks.push(recorded(tasks)),
    appendAuditEntry: async (entry) => void this.audit.push(`${entry.actor.role}:${entry.action}`),
    notifyCoordinator: async (notice) => void this.notices.push(recorded(notice)),
    sendInsuredLetter: async (letter) => {
      this.letters.push(recorded(letter));
      return { letterId: `letter-${this.letters.length}`, channel: 'paper' };
    },
    registerTrainingDossier: async () => ({ dossierId: 'dossier-1' }),
    registerAtEmploymentService: async ({ service }) => {
      this.registrations.push(service);
      return { registrationId: `registration-${this.registrations.length}` };
    },
    requestEmployerReintegration: async () => ({ requestId: 'reintegration-1' }),
    // The real computation: it is ours (the rulebook and the Belgian holidays), not a partner's.
    computePartialResumptionDeadline,
    payTrainingIntervention: async ({ dossierId }) => {
      this.payments.push(dossierId);
      return { paymentId: `payment-${this.payments.length}` };
    },
  };
}

function recorded<T>(value: T): Recorded<T> {
  return { at: new Date(Context.current().info.currentAttemptScheduledTimestampMs).toISOString(), value };
}

/** Polls in real time (the test clock stays put) until the check holds. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
