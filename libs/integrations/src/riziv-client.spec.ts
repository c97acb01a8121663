import { randomUUID } from 'node:crypto';
import { RizivClient, type TrainingDossierRequest } from './riziv-client';
import { startPartnerSimulators, type PartnerSimulators } from './testing/partner-simulators';

describe('RizivClient against the RIZIV simulator', () => {
  let partners: PartnerSimulators;
  let riziv: RizivClient;

  beforeAll(async () => {
    partners = await startPartnerSimulators();
    riziv = new RizivClient(partners.url);
  });
  afterEach(() => partners.call('POST', '/_admin/reset'));
  afterAll(() => partners.close());

  const dossier = (overrides: Partial<TrainingDossierRequest> = {}): TrainingDossierRequest => ({
    caseId: randomUUID(),
    title: 'Bachelor in accountancy',
    provider: 'HoGent',
    startsOn: '2026-09-21',
    endsOn: '2027-06-30',
    ...overrides,
  });

  it('registers a training dossier', async () => {
    expect(await riziv.registerTrainingDossier(dossier(), 'k1')).toEqual({ dossierId: expect.any(String) });
    expect((await partners.call('GET', '/_admin/effects')).body).toEqual([
      expect.objectContaining({ partner: 'riziv', operation: 'training-dossiers' }),
    ]);
  });

  it.each([
    ['endsOn', { endsOn: '2026-09-20' }],
    ['title', { title: '' }],
    ['startsOn', { startsOn: '21/09/2026' }],
  ])('refuses a bad %s with 400 naming the field', async (field, overrides) => {
    const answer = await partners.call('POST', '/riziv/training-dossiers', dossier(overrides), { 'idempotency-key': 'k1' });
    expect(answer.status).toBe(400);
    expect(answer.body.violations).toContainEqual(expect.objectContaining({ field }));
  });
});
