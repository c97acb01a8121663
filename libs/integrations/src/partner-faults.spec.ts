import { LettersClient } from './letters-client';
import { MutualityClient } from './mutuality-client';
import { PartnerHttpError } from './partner-http';
import { startPartnerSimulators, type PartnerSimulators } from './testing/partner-simulators';

const MEMBER = '85073003328';
const letter = {
  caseId: '9b2f4a52-2f7e-4c1e-9d55-3b8e1f0a6c11',
  nationalNumber: MEMBER,
  language: 'nl',
  kind: 'invitation',
  registered: false,
} as const;

describe('fault injection in the partner simulators', () => {
  let partners: PartnerSimulators;
  let mutuality: MutualityClient;
  let letters: LettersClient;

  beforeAll(async () => {
    partners = await startPartnerSimulators();
    mutuality = new MutualityClient(partners.url);
    letters = new LettersClient(partners.url);
  });
  afterEach(() => partners.call('POST', '/_admin/reset'));
  afterAll(() => partners.close());

  it('fails every partner call with a retryable 503, before any effect, when failureRate is 1', async () => {
    const faults = await partners.call('PUT', '/_admin/faults', { failureRate: 1, latencyMs: 0 });
    expect(faults.body).toEqual({ failureRate: 1, latencyMs: 0, duplicateRate: 0 });

    const failure = await mutuality.lookUpMember(MEMBER, 'k1').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PartnerHttpError);
    expect(failure).toMatchObject({ partner: 'mutuality', status: 503, retryable: true });
    await expect(letters.send(letter, 'k2')).rejects.toMatchObject({ status: 503 });

    expect((await partners.call('GET', '/_admin/effects')).body).toEqual([]);
  });

  it("applies a partner's override to that partner only", async () => {
    const override = await partners.call('PUT', '/_admin/faults/letters', { failureRate: 1, latencyMs: 0 });
    expect(override.status).toBe(200);

    await expect(letters.send(letter, 'k1')).rejects.toMatchObject({ partner: 'letters', status: 503 });
    expect(await mutuality.lookUpMember(MEMBER, 'k2')).toMatchObject({ member: true });
  });

  it('lets a partner override win over the global settings', async () => {
    await partners.call('PUT', '/_admin/faults', { failureRate: 1, latencyMs: 0 });
    await partners.call('PUT', '/_admin/faults/mutuality', { failureRate: 0, latencyMs: 0 });
    expect(await mutuality.lookUpMember(MEMBER, 'k1')).toMatchObject({ member: true });
  });

  it('delays partner calls by latencyMs', async () => {
    await partners.call('PUT', '/_admin/faults/mutuality', { failureRate: 0, latencyMs: 200 });
    const started = Date.now();
    await mutuality.lookUpMember(MEMBER, 'k1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('never injects faults into /_admin routes or /docs', async () => {
    await partners.call('PUT', '/_admin/faults', { failureRate: 1, latencyMs: 0 });
    expect((await partners.call('GET', '/_admin/effects')).status).toBe(200);
    expect((await partners.call('GET', '/_admin/letters')).status).toBe(200);
    expect((await fetch(`${partners.url}/docs`)).status).toBe(200);
  });

  it('refuses an unknown partner and out-of-range settings with 400 naming the field', async () => {
    const unknown = await partners.call('PUT', '/_admin/faults/bpost', { failureRate: 1, latencyMs: 0 });
    expect(unknown.body.violations).toEqual([expect.objectContaining({ field: 'partner', rule: 'isIn' })]);
    const outOfRange = await partners.call('PUT', '/_admin/faults', { failureRate: 0, latencyMs: 0, duplicateRate: 2 });
    expect(outOfRange.body.violations).toEqual([expect.objectContaining({ field: 'duplicateRate', rule: 'max' })]);
  });

  it('forgets faults, overrides and effects on reset', async () => {
    await mutuality.lookUpMember(MEMBER, 'k1');
    await partners.call('PUT', '/_admin/faults', { failureRate: 1, latencyMs: 0 });
    await partners.call('PUT', '/_admin/faults/letters', { failureRate: 1, latencyMs: 0 });

    expect((await partners.call('POST', '/_admin/reset')).status).toBe(204);

    expect((await partners.call('GET', '/_admin/effects')).body).toEqual([]);
    expect(await letters.send(letter, 'k1')).toMatchObject({ channel: 'paper' });
  });
});
