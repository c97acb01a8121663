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
 * its idempotency key). Then one partner that never answers: what does the case do?
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
    const gaps: string[] = [];
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
    figures.push(
      `never-succeeding partner: after ${flags.hopelessSeconds} s registerAtEmploymentService is at attempt ${registration?.attempt ?? '?'} (${registration ? temporal.api.enums.v1.PendingActivityState[registration.state] : '?'}, next attempt ${registration?.nextAttemptScheduleTime ? new Date(Number(registration.nextAttemptScheduleTime.seconds) * 1000).toISOString() : '-'}, last failure "${String(registration?.lastFailure?.message ?? '').slice(0, 80)}"); the case shows status ${view.status}, referral ${view.live?.employmentReferral?.status ?? 'none'}, open tasks [${tasks.join(', ')}]`,
    );
    const personTask = tasks.some((kind: string) => /employment|registration|partner|manual/i.test(kind));
    if (!registration)
      failures.push('the registration activity is not pending: it either succeeded against a dead partner or was dropped');
    if (!personTask) {
      gaps.push(
        'an activity that can never succeed is retried for ever (workflows/case-activities.ts: no maximumAttempts, no scheduleToCloseTimeout) and no task for a person appears; the workflow would need a bounded retry policy (e.g. maximumAttempts or scheduleToCloseTimeout of a day) and a catch that opens a task (workflows/ is not changed here)',
      );
    }
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
      `the partner back: registered ${seconds(Date.now() - healed)} later, at the next scheduled attempt (the interval doubles from 1 s up to 5 minutes)`,
    );
    await driver.step(caseId, 'stop', { reason: 'fault suite' }, 'coordinator');
    return { figures, failures, gaps };
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
