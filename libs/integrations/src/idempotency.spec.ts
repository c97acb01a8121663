import { randomUUID } from 'node:crypto';
import { EmployerClient } from './employer-client';
import { EmploymentServiceClient } from './employment-service-client';
import { LettersClient } from './letters-client';
import { MutualityClient } from './mutuality-client';
import { RizivClient } from './riziv-client';
import { startPartnerSimulators, type PartnerSimulators } from './testing/partner-simulators';

const NATIONAL_NUMBER = '65041212436';
const caseId = randomUUID();

describe('every effectful partner call honours its Idempotency-Key', () => {
  let partners: PartnerSimulators;

  beforeAll(async () => {
    partners = await startPartnerSimulators();
  });
  afterEach(() => partners.call('POST', '/_admin/reset'));
  afterAll(() => partners.close());

  type Call = (baseUrl: string, key: string) => Promise<unknown>;
  const calls: Array<[string, Call]> = [
    ['mutuality lookUpMember', (url, key) => new MutualityClient(url).lookUpMember(NATIONAL_NUMBER, key)],
    [
      'mutuality confirmInvalidity',
      (url, key) => new MutualityClient(url).confirmInvalidity({ nationalNumber: NATIONAL_NUMBER, onDate: '2026-03-02' }, key),
    ],
    [
      'mutuality payTrainingIntervention',
      (url, key) =>
        new MutualityClient(url).payTrainingIntervention({ caseId, nationalNumber: NATIONAL_NUMBER, dossierId: 'd-1' }, key),
    ],
    [
      'letters send',
      (url, key) =>
        new LettersClient(url).send(
          { caseId, nationalNumber: NATIONAL_NUMBER, language: 'de', kind: 'invitation', registered: true },
          key,
        ),
    ],
    [
      'riziv registerTrainingDossier',
      (url, key) =>
        new RizivClient(url).registerTrainingDossier(
          { caseId, title: 'Welding', provider: 'ZAWM', startsOn: '2026-09-01', endsOn: '2027-06-30' },
          key,
        ),
    ],
    [
      'employment service register',
      (url, key) =>
        new EmploymentServiceClient(url).register(
          'adg',
          { caseId, nationalNumber: NATIONAL_NUMBER, language: 'de', form: {} },
          key,
        ),
    ],
    [
      'employer requestReintegration',
      (url, key) =>
        new EmployerClient(url).requestReintegration({ caseId, nationalNumber: NATIONAL_NUMBER, requestedOn: '2026-03-02' }, key),
    ],
  ];

  it.each(calls)(
    '%s: the same key gets the first answer and has no second effect; another key has its own',
    async (_name, call) => {
      const first = await call(partners.url, 'key-1');
      expect(await call(partners.url, 'key-1')).toEqual(first);
      await call(partners.url, 'key-2');

      const { body: effects } = await partners.call('GET', '/_admin/effects');
      expect(effects.map((effect: { idempotencyKey: string }) => effect.idempotencyKey)).toEqual(['key-1', 'key-2']);
    },
  );
});
