import { MONTHLY_REPORT_SCHEDULE_ID, MONTHLY_REPORT_WORKFLOW, type MonthlyReport, type MutualityIndicators } from '@tnw/contracts';
import { DateTime } from 'luxon';
import { todayInBrussels } from '../../apps/api/src/cases/today';
import { ApiClient } from '../support/api-client';
import { startE2eApps, type E2eApps } from '../support/e2e-apps';

// The mutuality simulator assigns mutuality 100 to this number (check digits 18, 18 mod 6 = 0);
// no other suite's cases are at mutuality 100, so the report's changes here are this suite's.
const NATIONAL_NUMBER = '85073004318';
const MUTUALITY = '100';

/** The monthly funding report through the API and the worker, and its Schedule on the dev server. */
describe('monthly funding report (D9, [003]) through the API, the worker and a Temporal Schedule', () => {
  let apps: E2eApps;
  let api: ApiClient;

  beforeAll(async () => {
    apps = await startE2eApps('reports');
    api = new ApiClient(apps.apiUrl);
  });
  afterAll(async () => {
    await apps?.close();
  });

  const step = async (caseId: string, path: string, body: unknown) => {
    const response = await api.post(`/cases/${caseId}/${path}`, body);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  };
  const run = async (month: string) => {
    const response = await api.as('supervisor').post(`/reports/monthly/${month}/run`, {});
    expect(response.status).toBe(200);
    return api.json(response);
  };
  const indicatorsOf = (report: MonthlyReport): MutualityIndicators =>
    report.mutualities.find((row) => row.mutuality === MUTUALITY) ?? {
      mutuality: MUTUALITY,
      firstContacts: 0,
      firstContactsWithinDeadline: 0,
      trajectoriesStarted: 0,
      returnsToWork: 0,
    };

  /** A case of mutuality 100 taken to its first contact today and to the outcome, all this month. */
  async function caseWithOutcome(referralDate: string, waitingStatus: string, outcome: string) {
    const today = todayInBrussels();
    const { caseId } = await api.startCase({ nationalNumber: NATIONAL_NUMBER, referralDate });
    const waiting = await api.caseOnce(caseId, waitingStatus);
    expect(waiting.mutuality).toBe(MUTUALITY);
    await step(caseId, 'first-contact', { heldOn: today });
    await api.caseOnce(caseId, 'active');
    await step(caseId, 'outcome', { outcome, on: today });
  }

  it('counts this month’s first contacts (within the deadline or not), trajectories started and returns to work, and stores them', async () => {
    const month = todayInBrussels().slice(0, 7);
    const before = indicatorsOf(await run(month));

    await Promise.all([
      // Referred today: the first contact is within the month D9 allows.
      caseWithOutcome(todayInBrussels(), 'awaitingFirstContact', 'workResumedOwnEmployer'),
      // Referred on 2026-02-20: the first contact comes months after the deadline.
      caseWithOutcome('2026-02-20', 'firstContactOverdue', 'selfEmployment'),
    ]);

    const after = await run(month);
    expect(indicatorsOf(after)).toEqual({
      mutuality: MUTUALITY,
      firstContacts: before.firstContacts + 2,
      firstContactsWithinDeadline: before.firstContactsWithinDeadline + 1,
      trajectoriesStarted: before.trajectoriesStarted + 2,
      returnsToWork: before.returnsToWork + 2,
    });

    const stored = await api.json(api.as('supervisor').request(`/reports/monthly?month=${month}`));
    expect(stored.month).toBe(month);
    expect(stored.mutualities).toContainEqual({ ...indicatorsOf(after), computedAt: after.computedAt });
  });

  it('refuses a month that is not YYYY-MM with 400 naming the field, and a month still to come', async () => {
    const violation = (body: { violations: Array<{ field: string; rule: string }> }) => body.violations.map((v) => `${v.field}:${v.rule}`);
    const badQuery = await api.as('supervisor').request('/reports/monthly?month=2026-13');
    expect(badQuery.status).toBe(400);
    expect(violation(await api.json(badQuery))).toEqual(['month:matches']);
    const badPath = await api.as('supervisor').post('/reports/monthly/november/run', {});
    expect(badPath.status).toBe(400);
    expect(violation(await api.json(badPath))).toEqual(['month:matches']);
    const future = await api.as('supervisor').post('/reports/monthly/2999-01/run', {});
    expect(future.status).toBe(400);
    expect(violation(await api.json(future))).toEqual(['month:notInFuture']);
  });

  it('has the Schedule the worker created: 02:00 Brussels on the 1st, next on the coming 1st, starting the report', async () => {
    const description = await apps.client.schedule.getHandle(MONTHLY_REPORT_SCHEDULE_ID).describe();
    expect(description.spec.timezone).toBe('Europe/Brussels');
    expect(description.spec.calendars).toEqual([
      expect.objectContaining({ dayOfMonth: [{ start: 1, end: 1, step: 1 }], hour: [{ start: 2, end: 2, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] }),
    ]);
    expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: MONTHLY_REPORT_WORKFLOW, args: [] });

    const now = DateTime.now().setZone('Europe/Brussels');
    const thisMonths = now.startOf('month').set({ hour: 2 });
    const next = thisMonths > now ? thisMonths : thisMonths.plus({ months: 1 });
    expect(description.info.nextActionTimes[0].toISOString()).toBe(next.toUTC().toISO());
  });
});
