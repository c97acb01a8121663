import { randomUUID } from 'node:crypto';
import { MutualityClient } from './mutuality-client';
import { startPartnerSimulators, type PartnerSimulators } from './testing/partner-simulators';

// Born 1965-04-12 and 1985-07-30 (valid check digits); the simulator's serial 999 is not a member.
const BORN_1965 = '65041212436';
const BORN_1985 = '85073003328';
const NOT_A_MEMBER = '79032299921';

describe('MutualityClient against the mutuality simulator', () => {
  let partners: PartnerSimulators;
  let mutuality: MutualityClient;

  beforeAll(async () => {
    partners = await startPartnerSimulators();
    mutuality = new MutualityClient(partners.url);
  });
  afterEach(() => partners.call('POST', '/_admin/reset'));
  afterAll(() => partners.close());

  it('still looks up members, and marks a repeated lookup as replayed', async () => {
    expect(await mutuality.lookUpMember(BORN_1985, 'k1')).toEqual({ member: true, mutuality: '500' });
    expect(await mutuality.lookUpMember(NOT_A_MEMBER, 'k2')).toEqual({ member: false });
    const repeat = await partners.call(
      'POST',
      '/mutuality/members/lookup',
      { nationalNumber: BORN_1985 },
      { 'idempotency-key': 'k1' },
    );
    expect(repeat).toMatchObject({ status: 200, body: { member: true, mutuality: '500' } });
    expect(repeat.headers.get('idempotent-replayed')).toBe('true');
  });

  it('confirms invalidity since 2020-01-01 for people born before 1970, and not for others', async () => {
    expect(await mutuality.confirmInvalidity({ nationalNumber: BORN_1965, onDate: '2026-03-02' }, 'k1')).toEqual({
      inInvalidity: true,
      since: '2020-01-01',
    });
    expect(await mutuality.confirmInvalidity({ nationalNumber: BORN_1965, onDate: '2019-12-31' }, 'k2')).toEqual({
      inInvalidity: false,
    });
    expect(await mutuality.confirmInvalidity({ nationalNumber: BORN_1985, onDate: '2026-03-02' }, 'k3')).toEqual({
      inInvalidity: false,
    });
  });

  it('lets the admin route set or clear invalidity for one person', async () => {
    await partners.call('PUT', '/_admin/mutuality/invalidity', { nationalNumber: BORN_1985, since: '2025-06-01' });
    await partners.call('PUT', '/_admin/mutuality/invalidity', { nationalNumber: BORN_1965, since: null });
    expect(await mutuality.confirmInvalidity({ nationalNumber: BORN_1985, onDate: '2026-03-02' }, 'k1')).toEqual({
      inInvalidity: true,
      since: '2025-06-01',
    });
    expect(await mutuality.confirmInvalidity({ nationalNumber: BORN_1965, onDate: '2026-03-02' }, 'k2')).toEqual({
      inInvalidity: false,
    });
  });

  it('pays the training intervention', async () => {
    const paid = await mutuality.payTrainingIntervention(
      { caseId: randomUUID(), nationalNumber: BORN_1985, dossierId: 'dossier-1' },
      'k1',
    );
    expect(paid).toEqual({ paymentId: expect.any(String), paidOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('refuses an idempotency key reused for another operation with 409', async () => {
    await mutuality.lookUpMember(BORN_1985, 'k1');
    await expect(mutuality.confirmInvalidity({ nationalNumber: BORN_1985, onDate: '2026-03-02' }, 'k1')).rejects.toMatchObject({
      status: 409,
      retryable: false,
    });
  });

  it.each([
    ['/mutuality/invalidity/confirm', { nationalNumber: BORN_1965, onDate: '2026-02-30' }, 'onDate'],
    ['/mutuality/invalidity/confirm', { nationalNumber: BORN_1965 }, 'onDate'],
    ['/mutuality/payments/training-intervention', { caseId: randomUUID(), nationalNumber: BORN_1965 }, 'dossierId'],
    [
      '/mutuality/payments/training-intervention',
      { caseId: randomUUID(), nationalNumber: '123', dossierId: 'd' },
      'nationalNumber',
    ],
  ])('refuses a bad body on %s with 400 naming %s', async (path, body, field) => {
    const answer = await partners.call('POST', path, body, { 'idempotency-key': 'k1' });
    expect(answer.status).toBe(400);
    expect(answer.body.violations).toContainEqual(expect.objectContaining({ field }));
  });
});
