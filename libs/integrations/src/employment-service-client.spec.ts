import { randomUUID } from 'node:crypto';
import {
  EMPLOYMENT_SERVICES,
  EmploymentServiceClient,
  type EmploymentServiceRegistrationRequest,
} from './employment-service-client';
import { INBOUND_PATHS } from './inbound-events';
import {
  startCallbackTarget,
  startPartnerSimulators,
  type CallbackTarget,
  type PartnerSimulators,
} from './testing/partner-simulators';

describe('EmploymentServiceClient against the VDAB, Forem, Actiris and ADG simulators', () => {
  let partners: PartnerSimulators;
  let api: CallbackTarget;
  let services: EmploymentServiceClient;

  beforeAll(async () => {
    [partners, api] = await Promise.all([startPartnerSimulators(), startCallbackTarget()]);
    services = new EmploymentServiceClient(partners.url);
  });
  beforeEach(() => partners.call('PUT', '/_admin/callback', { url: api.url }));
  afterEach(async () => {
    await partners.call('POST', '/_admin/reset');
    api.received.length = 0;
  });
  afterAll(() => Promise.all([partners.close(), api.close()]));

  const registration = (): EmploymentServiceRegistrationRequest => ({
    caseId: randomUUID(),
    nationalNumber: '85073003328',
    language: 'nl',
    form: { summary: 'wants to retrain as an accountant' },
  });

  const reportEvent = (registrationId: string, event: Record<string, unknown>) =>
    partners.call('POST', `/_admin/employment-services/registrations/${registrationId}/events`, event);

  it.each(EMPLOYMENT_SERVICES)('registers at %s', async (service) => {
    expect(await services.register(service, registration(), 'k1')).toEqual({ registrationId: expect.any(String), service });
  });

  it('refuses an unknown service, and a bad form, with 400 naming the field', async () => {
    const unknown = await partners.call('POST', '/employment-services/le-forem/registrations', registration(), {
      'idempotency-key': 'k1',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.violations).toEqual([expect.objectContaining({ field: 'service', rule: 'isIn' })]);

    const badForm = { ...registration(), form: { summary: 42 } };
    const refused = await partners.call('POST', '/employment-services/vdab/registrations', badForm, { 'idempotency-key': 'k2' });
    expect(refused.status).toBe(400);
    expect(refused.body.violations).toContainEqual(expect.objectContaining({ field: 'form.summary', rule: 'isString' }));
  });

  it('calls in to our API with the event, its ID as Idempotency-Key', async () => {
    const request = registration();
    const { registrationId } = await services.register('forem', request, 'k1');

    const triggered = await reportEvent(registrationId, {
      event: 'outcome',
      outcome: 'workResumedOtherEmployer',
      occurredOn: '2026-06-30',
    });

    expect(triggered.body).toEqual({ eventId: expect.any(String), status: 200, attempts: 1, duplicated: false });
    const { eventId } = triggered.body;
    expect(api.received).toEqual([
      {
        path: INBOUND_PATHS.employmentServiceEvents,
        idempotencyKey: eventId,
        body: {
          eventId,
          service: 'forem',
          registrationId,
          caseId: request.caseId,
          event: 'outcome',
          outcome: 'workResumedOtherEmployer',
          occurredOn: '2026-06-30',
        },
      },
    ]);
  });

  it('delivers every event twice with the same ID when duplicateRate is 1', async () => {
    await partners.call('PUT', '/_admin/faults', { failureRate: 0, latencyMs: 0, duplicateRate: 1 });
    const { registrationId } = await services.register('vdab', registration(), 'k1');

    const { body } = await reportEvent(registrationId, { event: 'trajectoryStarted', occurredOn: '2026-04-01' });

    expect(body).toMatchObject({ status: 200, duplicated: true });
    expect(api.received.map((callback) => callback.idempotencyKey)).toEqual([body.eventId, body.eventId]);
  });

  it('retries a callback answered 503 with the same event ID, a bounded number of times', async () => {
    const { registrationId } = await services.register('actiris', registration(), 'k1');

    api.answerNext(503);
    const retried = await reportEvent(registrationId, { event: 'progress', occurredOn: '2026-05-01' });
    expect(retried.body).toMatchObject({ status: 200, attempts: 2 });
    expect(api.received.map((callback) => callback.idempotencyKey)).toEqual([retried.body.eventId, retried.body.eventId]);

    api.answerNext(503, 503, 503, 503);
    const givenUp = await reportEvent(registrationId, { event: 'progress', occurredOn: '2026-05-02' });
    expect(givenUp.body).toMatchObject({ status: 503, attempts: 4 });
  });

  it('does not retry a callback our API refuses with a 4xx', async () => {
    const { registrationId } = await services.register('adg', registration(), 'k1');
    api.answerNext(422);
    expect((await reportEvent(registrationId, { event: 'progress', occurredOn: '2026-05-01' })).body).toMatchObject({
      status: 422,
      attempts: 1,
    });
  });

  it('refuses an outcome event without its outcome, and an unknown registration', async () => {
    const { registrationId } = await services.register('vdab', registration(), 'k1');
    const missing = await reportEvent(registrationId, { event: 'outcome', occurredOn: '2026-06-30' });
    expect(missing.status).toBe(400);
    expect(missing.body.violations).toEqual([expect.objectContaining({ field: 'outcome' })]);

    expect((await reportEvent(randomUUID(), { event: 'progress', occurredOn: '2026-06-30' })).status).toBe(404);
    expect(api.received).toEqual([]);
  });
});
