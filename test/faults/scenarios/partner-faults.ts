/* eslint-disable @typescript-eslint/no-explicit-any -- Temporal's descriptions are read loosely */
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { newCaseBody } from '../support/driver';
import { trajectoriesUnder, verifyBatch } from '../support/batch';
import { nationalNumber } from '../support/random';
import { clearFaults, seconds, setFaults, sleep, type Context, type Scenario } from '../support/scenario';

const PARTNERS = ['mutuality', 'letters', 'riziv', 'employment-services'] as const;

/**
 * Every partner fails 20% of its calls with a 503, with latency spikes of up to 5 s on one
 * partner at a time and, once, a spike longer than the activities' 1-minute start-to-close
 * time-out (the partner then acts after the activity gave up: the retry must find the effect by
 * its idempotency key). Then one partner that never answers: its call must be retried within a
 * bound (the pending activity's expiration), past which the coordinator gets a task; the suite
 * cannot wait the day the bound lasts, so it checks the bound itself (the task at the bound's
 * instant is test/workflows/partner-calls.test.ts).
 */
export const partnerFaults: Scenario = {
  name: 'partners',
  title: 'partners answering 20% 5xx with latency spikes',
  async run(context: Context) {
    const { cluster, driver, random, flags, say } = context;
    const partnersUrl = cluster.partnersUrl;
    let spikes = 0;
    let longSpikes = 0;
    await setFaults(partnersUrl, { failureRate: 0.2, latencyMs: 0 });
    const outcome = await trajectoriesUnder(context, flags.partnerCases, async (signal) => {
      let longSpikeDone = flags.longSpikeMs <= 0;
      while (!signal.aborted) {
        await sleep(random.int(1000, 4000));
        if (signal.aborted) break;
        const partner = random.pick(PARTNERS);
        const long = !longSpikeDone && spikes >= 3;
        const latencyMs = long ? flags.longSpikeMs : random.int(500, 5000);
        await setFaults(partnersUrl, { failureRate: 0.2, latencyMs }, partner);
        spikes++;
        if (long) {
          longSpikeDone = true;
          longSpikes++;
          say(`  ${partner} answers after ${seconds(latencyMs)} for the next 5 s (longer than the 1-minute activity time-out)`);
        }
        await sleep(long ? 5000 : random.int(1000, 3000));
        await setFaults(partnersUrl, { failureRate: 0.2, latencyMs: 0 }, partner);
      }
    });
    await clearFaults(partnersUrl);
    const { figures, failures } = await verifyBatch(context, outcome, flags.partnerCases, { attempts: true });
    figures.unshift(
      `faults: 20% 503 on every partner; ${spikes} latency spikes of 0.5-5 s on one partner for 1-3 s${longSpikes ? `, one of ${seconds(flags.longSpikeMs)}` : ''}`,
    );

    // One partner that never succeeds: the employment service answers 503 to every call.
    const caseId = await driver.startCase({ ...newCaseBody(nationalNumber(random), random) });
    await driver.until(caseId, 'first contact due', (v) => ['awaitingFirstContact', 'firstContactOverdue'].includes(v.status));
    await driver.step(caseId, 'first-contact', { heldOn: '2026-03-02' }, 'coordinator');
    await driver.until(caseId, 'active', (v) => v.status === 'active');
    await setFaults(partnersUrl, { failureRate: 1, latencyMs: 0 }, 'employment-services');
    await driver.step(caseId, 'employment-service-referral', { summary: 'the service is down for good' }, 'coordinator');
    say(`  employment service down for good; watching case ${caseId} for ${flags.hopelessSeconds} s`);
    await sleep(flags.hopelessSeconds * 1000);
    const pending = await pendingActivities(cluster.temporalAddress, `trajectory-${caseId}`);
    const view = await driver.caseView(caseId);
    const registration = pending.find((activity) => activity.activityType?.name === 'registerAtEmploymentService');
    const tasks = (view.openTasks ?? []).map((task: { kind: string }) => task.kind);
    // The bound (workflows/case-activities.ts, PARTNER_CALL_BOUND): the server stops retrying at the
    // activity's expiration, schedule-to-close after it was scheduled; past it, the workflow opens the
    // coordinator a task (partnerUnreachable-employmentService) and waits for retry-partner-call.
    const at = (time: any) =>
      time?.seconds != null ? Number(time.seconds) * 1000 + Math.floor(Number(time.nanos ?? 0) / 1e6) : undefined;
    const scheduledAt = at(registration?.scheduledTime);
    const expiresAt = at(registration?.expirationTime);
    const boundMs = scheduledAt !== undefined && expiresAt !== undefined ? expiresAt - scheduledAt : undefined;
    figures.push(
      `never-succeeding partner: after ${flags.hopelessSeconds} s registerAtEmploymentService is at attempt ${registration?.attempt ?? '?'} (${registration ? temporal.api.enums.v1.PendingActivityState[registration.state] : '?'}, next attempt ${registration?.nextAttemptScheduleTime ? new Date(at(registration.nextAttemptScheduleTime)!).toISOString() : '-'}, retried until ${expiresAt ? new Date(expiresAt).toISOString() : 'never'}${boundMs !== undefined ? `, a bound of ${seconds(boundMs)}` : ''}, last failure "${String(registration?.lastFailure?.message ?? '').slice(0, 80)}"); the case shows status ${view.status}, referral ${view.live?.employmentReferral?.status ?? 'none'}, open tasks [${tasks.join(', ')}]; past the bound the coordinator gets task partnerUnreachable-employmentService`,
    );
    if (!registration)
      failures.push('the registration activity is not pending: it either succeeded against a dead partner or was dropped');
    else if (boundMs === undefined || !Number.isFinite(boundMs) || boundMs <= 0 || boundMs > 7 * 24 * 3600_000)
      failures.push(
        `registerAtEmploymentService has no bounded retry (scheduled ${scheduledAt ? new Date(scheduledAt).toISOString() : '?'}, expiration ${expiresAt ? new Date(expiresAt).toISOString() : 'none'}): a partner that never answers would be retried for ever without a task for a person`,
      );
    if (tasks.some((kind: string) => kind.startsWith('partnerUnreachable')))
      failures.push(`a partnerUnreachable task opened after ${flags.hopelessSeconds} s, long before the bound`);
    // The partner comes back: the same activity succeeds and the case goes on.
    await clearFaults(partnersUrl);
    const healed = Date.now();
    await driver.until(
      caseId,
      'registered once the service is back',
      (v) => v.live?.employmentReferral?.status === 'registered',
      10 * 60_000,
    );
    figures.push(
      `the partner back: registered ${seconds(Date.now() - healed)} later, at the next scheduled attempt (the interval doubles from 1 s up to 5 minutes), within the bound: no decision needed`,
    );
    await driver.step(caseId, 'stop', { reason: 'fault suite' }, 'coordinator');
    return { figures, failures, gaps: [] };
  },
};

async function pendingActivities(address: string, workflowId: string): Promise<any[]> {
  const connection = await Connection.connect({ address });
  try {
    const description = await connection.workflowService.describeWorkflowExecution({
      namespace: 'default',
      execution: { workflowId },
    });
    return description.pendingActivities ?? [];
  } finally {
    await connection.close();
  }
}
