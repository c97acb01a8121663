import { randomUUID } from 'node:crypto';
import { EmployerClient } from './employer-client';
import { INBOUND_PATHS } from './inbound-events';
import {
  startCallbackTarget,
  startPartnerSimulators,
  type CallbackTarget,
  type PartnerSimulators,
} from './testing/partner-simulators';

describe("EmployerClient against the employer's prevention service simulator", () => {
  let partners: PartnerSimulators;
  let api: CallbackTarget;
  let employer: EmployerClient;

  beforeAll(async () => {
    [partners, api] = await Promise.all([startPartnerSimulators(), startCallbackTarget()]);
    employer = new EmployerClient(partners.url);
  });
  afterEach(() => partners.call('POST', '/_admin/reset'));
  afterAll(() => Promise.all([partners.close(), api.close()]));

  const request = () => ({ caseId: randomUUID(), nationalNumber: '85073003328', requestedOn: '2026-03-02' });

  it('receives a reintegration request', async () => {
    expect(await employer.requestReintegration(request(), 'k1')).toEqual({ requestId: expect.any(String) });
  });

  it('refuses a request without a date with 400 naming the field', async () => {
    const answer = await partners.call(
      'POST',
      '/employer/reintegration-requests',
      { ...request(), requestedOn: undefined },
      { 'idempotency-key': 'k1' },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.violations).toContainEqual(expect.objectContaining({ field: 'requestedOn' }));
  });

  it("calls in with the occupational physician's decision, its event ID as Idempotency-Key", async () => {
    const body = request();
    const { requestId } = await employer.requestReintegration(body, 'k1');
    await partners.call('PUT', '/_admin/callback', { url: api.url });

    const path = `/_admin/employer/reintegration-requests/${requestId}/events`;
    const triggered = await partners.call('POST', path, { event: 'assessment', decision: 'A', occurredOn: '2026-04-15' });

    const { eventId } = triggered.body;
    expect(triggered.body).toMatchObject({ status: 200, attempts: 1 });
    expect(api.received).toEqual([
      {
        path: INBOUND_PATHS.employerReintegrationEvents,
        idempotencyKey: eventId,
        body: { eventId, requestId, caseId: body.caseId, event: 'assessment', decision: 'A', occurredOn: '2026-04-15' },
      },
    ]);
    const missingDecision = await partners.call('POST', path, { event: 'assessment', occurredOn: '2026-04-15' });
    expect(missingDecision.body.violations).toEqual([expect.objectContaining({ field: 'decision' })]);
  });

  it('answers 409 to a trigger while no callback URL is set', async () => {
    const { requestId } = await employer.requestReintegration(request(), 'k1');
    const answer = await partners.call('POST', `/_admin/employer/reintegration-requests/${requestId}/events`, {
      event: 'plan',
      occurredOn: '2026-05-01',
    });
    expect(answer.status).toBe(409);
  });
});
