/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are inspected loosely */
import { brusselsDateOf, subtractPeriod } from '@tnw/domain';
import { newCaseBody, type Staff } from '../support/driver';
import { activityAttempts, workflowCounts } from '../support/ledger';
import { nationalNumber, withWrongCheckDigits } from '../support/random';
import type { Context, Scenario } from '../support/scenario';

interface Probe {
  category: string;
  method: string;
  path: string;
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  as?: Staff;
  /** The status expected; any other 4xx is reported, a 5xx or 2xx fails. */
  status: number;
  /** For a 400: the field its violations must name. */
  field?: string;
}

const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '2026-02-29',
  '2026-13-01',
  '2025-00-10',
  '2025-04-31',
  '20-10-2025',
  '2025/10/20',
  'yesterday',
  '',
  '2025-10-20T00:00:00Z',
];
const BAD_ROUTES: unknown[] = ['D', 'a', 'AB', '', 'route A', 1, null, true, ['A']];
const BAD_POSTAL_CODES = ['99999', 'abcd', '0999', '123', ''];

/**
 * 200+ requests that must each be refused with a 4xx naming what is wrong, starting nothing:
 * afterwards the namespace has exactly the workflows of the few valid cases this scenario made,
 * none failed, and those cases have not moved.
 */
export const malformedRequests: Scenario = {
  name: 'malformed',
  title: 'malformed requests: a 4xx naming the field, nothing started, no workflow failed',
  async run({ cluster, driver, random, flags }: Context) {
    const figures: string[] = [];
    const failures: string[] = [];
    const before = await workflowCounts(cluster.temporalAddress, 'WorkflowType = "trajectoryWorkflow"');

    // The cases that wrong-state decisions are aimed at: awaiting their first contact. Referred a
    // week before the run, so that their first contact (due a month after) is ahead whatever the day.
    const referralDate = subtractPeriod(brusselsDateOf(new Date().toISOString()), { amount: 7, unit: 'days' });
    const targets: string[] = [];
    for (let i = 0; i < 5; i++)
      targets.push(
        await driver.startCase({
          ...newCaseBody(nationalNumber(random), random),
          referralDate,
          incapacityStartDate: subtractPeriod(referralDate, { amount: 6, unit: 'months' }),
        }),
      );
    for (const caseId of targets)
      await driver.until(caseId, 'awaiting first contact', (v) => v.status === 'awaitingFirstContact');

    const valid = () => newCaseBody(nationalNumber(random), random);
    const probes: Probe[] = [];
    const add = (probe: Probe) => probes.push(probe);
    const startWith = (category: string, change: Record<string, unknown>, field: string, status = 400) =>
      add({ category, method: 'POST', path: '/cases', body: { ...valid(), ...change }, status, field });

    for (let i = 0; i < 60; i++)
      startWith(
        'national number: wrong check digits',
        { nationalNumber: withWrongCheckDigits(nationalNumber(random), random) },
        'nationalNumber',
      );
    for (const bad of ['8507300332', '850730033288', '85.07.30-033.2X', 'abcdefghijk', '', '85133003312']) {
      startWith('national number: not a national number', { nationalNumber: bad }, 'nationalNumber');
    }
    for (const bad of BAD_ROUTES) startWith('unknown route', { route: bad }, 'route');
    for (const field of ['regime', 'contract', 'language'])
      for (const bad of ['xx', 'EMPLOYEE', 7]) startWith(`unknown ${field}`, { [field]: bad }, field);
    startWith('unknown exclusion', { exclusion: 'holiday' }, 'exclusion');
    for (const bad of BAD_POSTAL_CODES) startWith('postal code', { postalCode: bad }, 'postalCode');
    for (const field of ['incapacityStartDate', 'referralDate'])
      for (const bad of IMPOSSIBLE_DATES) startWith(`impossible date (${field})`, { [field]: bad }, field);
    startWith('referral before incapacity', { incapacityStartDate: '2026-03-01', referralDate: '2026-02-20' }, 'referralDate');
    startWith('date in the future', { referralDate: '2099-01-01' }, 'referralDate');
    startWith('date in the future', { incapacityStartDate: '2099-01-01', referralDate: '2099-02-01' }, 'incapacityStartDate');
    for (const field of [
      'nationalNumber',
      'route',
      'incapacityStartDate',
      'referralDate',
      'regime',
      'contract',
      'postalCode',
      'language',
    ]) {
      const body: Record<string, unknown> = valid();
      delete body[field];
      add({ category: 'missing field', method: 'POST', path: '/cases', body, status: 400, field });
    }
    for (const extra of ['foo', 'caseId', 'status', 'workflowId']) startWith('unknown field', { [extra]: 'x' }, extra);
    for (const raw of [
      '{',
      '{"route": }',
      '{"nationalNumber": "85.07.30-033.28",}',
      "{'route': 'A'}",
      'nationalNumber=85073003328',
      '[]',
      '"A"',
      'null',
    ]) {
      add({ category: 'malformed JSON', method: 'POST', path: '/cases', rawBody: raw, status: 400 });
    }
    add({
      category: 'oversized body',
      method: 'POST',
      path: '/cases',
      rawBody: JSON.stringify({ ...valid(), padding: 'x'.repeat(200_000) }),
      status: 413,
    });
    add({
      category: 'oversized body',
      method: 'POST',
      path: '/cases',
      rawBody: JSON.stringify({ ...valid(), padding: 'x'.repeat(5_000_000) }),
      status: 413,
    });
    add({
      category: 'oversized body',
      method: 'POST',
      path: `/cases/${targets[0]}/first-contact`,
      rawBody: JSON.stringify({ heldOn: referralDate, reason: 'y'.repeat(300_000) }),
      status: 413,
    });
    add({
      category: 'wrong content type',
      method: 'POST',
      path: '/cases',
      rawBody: JSON.stringify(valid()),
      contentType: 'text/plain',
      status: 400,
      field: 'nationalNumber',
    });

    // Decisions in the wrong state, on cases that await their first contact.
    const wrongState: Array<[string, unknown, Staff]> = [
      ['training-review/physician-advice', { advice: 'favourable' }, 'advisingPhysician'],
      ['training-review/riziv-examination', { advice: 'favourable' }, 'rizivReviewer'],
      ['training-review/hcgri-decision', { decision: 'approved' }, 'hcgriMember'],
      ['training-outcome', { result: 'passed', on: '2026-11-10' }, 'coordinator'],
      ['partial-resumption/decision', { authorised: true }, 'advisingPhysician'],
      ['advising-physician-agreement', { agrees: true }, 'advisingPhysician'],
      ['engagement-declaration', { signedOn: '2026-11-10' }, 'coordinator'],
      [
        'training-requests',
        { title: 'Welding', provider: 'VDAB', startsOn: '2026-12-01', endsOn: '2027-03-01', submittedBy: 'insured' },
        'coordinator',
      ],
      ['employment-service-referral', { summary: 'too early' }, 'coordinator'],
      ['follow-ups', { heldOn: '2026-11-10' }, 'advisingPhysician'],
      ['rtw-fund-voucher', { provider: 'Jobcoach', issuedOn: '2026-11-10' }, 'coordinator'],
    ];
    for (const caseId of targets)
      for (const [step, body, as] of wrongState)
        add({ category: 'decision in the wrong state', method: 'POST', path: `/cases/${caseId}/${step}`, body, as, status: 409 });
    for (const caseId of targets) {
      for (const bad of ['2026-02-30', '2026-11-31', 'soon'])
        add({
          category: 'impossible date (step)',
          method: 'POST',
          path: `/cases/${caseId}/first-contact`,
          body: { heldOn: bad },
          status: 400,
          field: 'heldOn',
        });
      add({
        category: 'date before the referral (step)',
        method: 'POST',
        path: `/cases/${caseId}/first-contact`,
        body: { heldOn: subtractPeriod(referralDate, { amount: 1, unit: 'months' }) },
        status: 409,
      });
      add({
        category: 'date in the future (step)',
        method: 'POST',
        path: `/cases/${caseId}/first-contact`,
        body: { heldOn: '2099-01-01' },
        status: 409,
      });
      add({
        category: 'unknown field (step)',
        method: 'POST',
        path: `/cases/${caseId}/first-contact`,
        body: { heldOn: referralDate, by: 'me' },
        status: 400,
        field: 'by',
      });
      add({ category: 'unknown step', method: 'POST', path: `/cases/${caseId}/teleport`, body: {}, status: 404 });
    }
    for (let i = 0; i < 5; i++) {
      add({
        category: 'unknown case',
        method: 'POST',
        path: `/cases/${cryptoUuid(random)}/first-contact`,
        body: { heldOn: referralDate },
        status: 404,
      });
      add({ category: 'unknown case', method: 'GET', path: `/cases/${cryptoUuid(random)}`, status: 404 });
    }
    for (const bad of ['abc', '123', 'trajectory-x', '%27%20OR%201%3D1'])
      add({ category: 'case ID not a UUID', method: 'GET', path: `/cases/${bad}`, status: 400 });
    for (const path of ['/case', '/casez', '/admin', '/cases/search/all'])
      add({ category: 'unknown route', method: 'GET', path, status: 404 });
    add({
      category: 'inbound event malformed',
      method: 'POST',
      path: '/inbound/employment-services/events',
      body: { eventId: 'e-1' },
      as: 'partner',
      status: 400,
      field: 'caseId',
    });
    add({
      category: 'inbound event malformed',
      method: 'POST',
      path: '/inbound/employer/reintegration-events',
      body: { caseId: 'x' },
      as: 'partner',
      status: 400,
      field: 'caseId',
    });

    const selected = flags.malformed < probes.length ? random.shuffle([...probes]).slice(0, flags.malformed) : probes;
    const byCategory = new Map<string, { n: number; ok: number }>();
    const statusCounts = new Map<number, number>();
    for (const probe of random.shuffle([...selected])) {
      const answer = await send(driver, probe);
      statusCounts.set(answer.status, (statusCounts.get(answer.status) ?? 0) + 1);
      const problem = judge(probe, answer);
      const tally = byCategory.get(probe.category) ?? { n: 0, ok: 0 };
      tally.n++;
      if (problem) failures.push(`${probe.category}: ${probe.method} ${probe.path.slice(0, 60)} ${problem}`);
      else tally.ok++;
      byCategory.set(probe.category, tally);
    }
    figures.push(
      `${selected.length} malformed requests, answered ${[...statusCounts]
        .sort()
        .map(([s, n]) => `${s} x${n}`)
        .join(', ')}`,
    );
    figures.push(`by category (as expected/sent): ${[...byCategory].map(([c, t]) => `${c} ${t.ok}/${t.n}`).join('; ')}`);

    // Nothing started that should not have been, nothing failed, nothing moved.
    const after = await workflowCounts(cluster.temporalAddress, 'WorkflowType = "trajectoryWorkflow"');
    const started =
      after.running +
      after.completed +
      after.failed +
      after.terminated -
      (before.running + before.completed + before.failed + before.terminated);
    figures.push(
      `trajectory workflows started during the scenario: ${started} (the ${targets.length} valid cases it made itself); failed ${after.failed - before.failed}`,
    );
    if (started !== targets.length) failures.push(`${started} trajectories started, ${targets.length} expected`);
    if (after.failed > before.failed) failures.push(`${after.failed - before.failed} trajectory workflows failed`);
    for (const caseId of targets) {
      const view = await driver.caseView(caseId);
      if (view.status !== 'awaitingFirstContact' || view.live?.status !== 'awaitingFirstContact')
        failures.push(`case ${caseId} moved to ${view.status}/${view.live?.status}`);
    }
    const attempts = await activityAttempts(
      cluster.temporalAddress,
      targets.map((id) => `trajectory-${id}`),
    );
    figures.push(
      `the ${targets.length} targeted cases: still awaiting their first contact; workflow tasks failed ${attempts.workflowTaskFailures} (refused updates never reach the history)`,
    );
    if (attempts.workflowTaskFailures)
      failures.push(`${attempts.workflowTaskFailures} workflow task failures in the targeted cases`);
    return { figures, failures, gaps: [] };
  },
};

async function send(driver: Context['driver'], probe: Probe) {
  try {
    return await driver.raw(probe.method, probe.path, probe.body, probe.as ?? 'coordinator', {
      rawBody: probe.rawBody,
      headers: probe.contentType ? { 'content-type': probe.contentType } : undefined,
    });
  } catch (error) {
    return { status: 0, body: String(error) };
  }
}

function judge(probe: Probe, answer: { status: number; body: any }): string | undefined {
  if (answer.status < 400 || answer.status >= 500)
    return `answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`;
  if (answer.status !== probe.status)
    return `answered ${answer.status}, expected ${probe.status}: ${JSON.stringify(answer.body).slice(0, 200)}`;
  const body = answer.body ?? {};
  if (probe.field) {
    const fields: string[] = (body.violations ?? []).map((v: { field: string }) => v.field);
    const named =
      fields.some((f) => f === probe.field || f.startsWith(`${probe.field}.`)) ||
      String(body.message ?? '').includes(probe.field);
    if (!named) return `did not name ${probe.field}: ${JSON.stringify(body).slice(0, 200)}`;
  } else if (!body.message) {
    return `has no message: ${JSON.stringify(body).slice(0, 200)}`;
  }
  return undefined;
}

function cryptoUuid(random: Context['random']): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}
