/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by the scenarios */
import { randomUUID } from 'node:crypto';
import { accessToken, PARTNER_GATEWAY, STAFF } from '../../support/api-client';
import type { Random } from './random';

/** A development user by role, or the partners' system client. */
export type Staff = keyof typeof STAFF | 'partner';

export interface CallStats {
  requests: number;
  /** Answers 5xx or no answer at all (network error, time-out), each followed by a retry. */
  retried: number;
  /**
   * A POST /cases whose answer was lost, after which the retry with the same Idempotency-Key
   * answered the case the lost attempt had registered (`Idempotent-Replayed: true`).
   */
  startsAdopted: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The back-office staff of the fault suite: they call any API replica, and when an answer is
 * lost (5xx, connection refused, time-out) they retry as a careful client does, checking first
 * whether the step took effect, so that a retry never records a decision twice.
 */
export class Driver {
  readonly stats: CallStats = { requests: 0, retried: 0, startsAdopted: 0 };
  private next = 0;

  constructor(
    private readonly apiUrls: string[],
    private readonly issuer: string,
    private readonly patienceMs = 15 * 60_000,
  ) {}

  /** One HTTP call to one replica (round robin), without retry. */
  async raw(
    method: string,
    path: string,
    body?: unknown,
    as: Staff = 'coordinator',
    init: { rawBody?: string; headers?: Record<string, string> } = {},
  ) {
    const url = this.apiUrls[this.next++ % this.apiUrls.length];
    this.stats.requests++;
    const token = await accessToken(this.issuer, as === 'partner' ? PARTNER_GATEWAY.clientId : STAFF[as]);
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...init.headers },
      body: init.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: response.status, body: json, headers: Object.fromEntries(response.headers) };
  }

  /** Retries lost answers until one arrives that is not a 5xx. */
  async call(
    method: string,
    path: string,
    body?: unknown,
    as: Staff = 'coordinator',
  ): Promise<{ status: number; body: any; retries: number }> {
    const deadline = Date.now() + this.patienceMs;
    for (let retries = 0; ; retries++) {
      try {
        const answer = await this.raw(method, path, body, as);
        if (answer.status < 500) return { ...answer, retries };
        if (Date.now() > deadline)
          throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      this.stats.retried++;
      await sleep(Math.min(5000, 250 * 2 ** Math.min(retries, 5)));
    }
  }

  /**
   * POST /cases with an Idempotency-Key of its own: a lost answer is retried with the same key, so
   * that the person gets one case (and one workflow) whichever attempts reached the API.
   */
  async startCase(body: Record<string, unknown>): Promise<string> {
    const deadline = Date.now() + this.patienceMs;
    const headers = { 'idempotency-key': randomUUID() };
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await this.raw('POST', '/cases', body, 'coordinator', { headers });
        if (answer.status === 201) {
          if (answer.headers['idempotent-replayed'] === 'true') this.stats.startsAdopted++;
          return answer.body.caseId;
        }
        if (answer.status < 500) throw new Error(`POST /cases answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('POST /cases answered')) throw error;
        if (Date.now() > deadline) throw error;
      }
      this.stats.retried++;
      await sleep(Math.min(5000, 250 * 2 ** Math.min(attempt, 5)));
    }
  }

  /**
   * A human step. A 409 after a lost answer means the first attempt was recorded: the caller's
   * next wait confirms it. A 409 at the first attempt is a refusal.
   */
  async step(caseId: string, path: string, body: unknown, as: Staff): Promise<void> {
    const answer = await this.call('POST', `/cases/${caseId}/${path}`, body, as);
    if (answer.status === 200) return;
    if (answer.status === 409 && answer.retries > 0) return;
    throw new Error(`${path} of ${caseId}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  }

  async caseView(caseId: string): Promise<any> {
    const answer = await this.call('GET', `/cases/${caseId}`);
    if (answer.status !== 200) throw new Error(`GET /cases/${caseId}: ${answer.status}`);
    return answer.body;
  }

  /** Polls the case (read model and live state) until the check holds. */
  async until(caseId: string, what: string, check: (view: any) => boolean, timeoutMs = this.patienceMs): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    let last: any;
    for (;;) {
      last = await this.caseView(caseId);
      if (check(last)) return last;
      if (Date.now() > deadline) {
        throw new Error(
          `case ${caseId} never reached ${what} (status ${last?.status}, live ${last?.live?.status}, tasks ${last?.openTasks?.map((t: any) => t.kind)})`,
        );
      }
      await sleep(400);
    }
  }
}

const hasTask = (kind: string) => (view: any) => view.openTasks?.some((task: { kind: string }) => task.kind === kind);

export const TRAINING = {
  title: 'Logistics planner',
  provider: 'VDAB competence centre',
  startsOn: '2026-04-01',
  endsOn: '2026-10-30',
  submittedBy: 'insured',
};

/** A route A case referred on 2026-02-20 for the person; dates as in test/e2e/trajectory-steps.e2e.ts. */
export function newCaseBody(nationalNumber: string, random: Random) {
  return {
    nationalNumber,
    route: 'A',
    incapacityStartDate: '2025-10-20',
    referralDate: '2026-02-20',
    regime: 'employee',
    contract: 'underContract',
    postalCode: random.pick(['9000', '2000', '3000', '8000']),
    language: 'nl',
  };
}

export interface TrajectoryRun {
  caseId: string;
  nationalNumber: string;
  ms: number;
}

/**
 * A whole trajectory through the API, every partner involved once: the membership check and
 * the start letter, a registration at the employment service, a training reviewed and approved
 * (the RIZIV dossier, the mutuality's payment, the registered decision letter), then the outcome.
 */
export async function runTrajectory(driver: Driver, nationalNumber: string, random: Random): Promise<TrajectoryRun> {
  const started = Date.now();
  const caseId = await driver.startCase(newCaseBody(nationalNumber, random));
  await driver.until(caseId, 'first contact due', (v) => ['awaitingFirstContact', 'firstContactOverdue'].includes(v.status));
  await driver.step(caseId, 'first-contact', { heldOn: '2026-03-02' }, 'coordinator');
  await driver.until(caseId, 'active', (v) => v.status === 'active');
  await driver.step(caseId, 'employment-service-referral', { summary: 'wants to explore logistics' }, 'coordinator');
  await driver.until(caseId, 'registered at the employment service', (v) => v.live?.employmentReferral?.status === 'registered');
  await driver.step(caseId, 'engagement-declaration', { signedOn: '2026-03-09' }, 'coordinator');
  await driver.step(caseId, 'training-requests', TRAINING, 'coordinator');
  await driver.until(caseId, 'training advice task', hasTask('trainingAdvice'));
  await driver.step(caseId, 'training-review/physician-advice', { advice: 'favourable' }, 'advisingPhysician');
  await driver.until(caseId, 'RIZIV examination task', hasTask('rizivExamination'));
  await driver.step(caseId, 'training-review/riziv-examination', { advice: 'favourable' }, 'rizivReviewer');
  await driver.until(caseId, 'HCGRI decision task', hasTask('hcgriDecision'));
  await driver.step(caseId, 'training-review/hcgri-decision', { decision: 'approved' }, 'hcgriMember');
  await driver.until(caseId, 'training outcome task', hasTask('trainingOutcome'));
  await driver.step(caseId, 'training-outcome', { result: 'passed', on: '2026-10-30' }, 'coordinator');
  await driver.until(caseId, 'training passed', (v) => v.live?.training?.status === 'passed');
  await driver.step(caseId, 'outcome', { outcome: 'workResumedOtherEmployer', on: '2026-11-16' }, 'coordinator');
  await driver.until(caseId, 'completed', (v) => v.status === 'completed');
  return { caseId, nationalNumber, ms: Date.now() - started };
}

/** Runs the jobs with at most `limit` at a time; every job's outcome is kept. */
export async function pool<T>(
  count: number,
  limit: number,
  job: (index: number) => Promise<T>,
): Promise<Array<PromiseSettledResult<T>>> {
  const results: Array<PromiseSettledResult<T>> = new Array(count);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, count) }, async () => {
    while (next < count) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await job(index) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  });
  await Promise.all(lanes);
  return results;
}
