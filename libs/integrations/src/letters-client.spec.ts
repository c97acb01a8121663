import { randomUUID } from 'node:crypto';
import { LettersClient, type SendLetterRequest } from './letters-client';
import { startPartnerSimulators, type PartnerSimulators } from './testing/partner-simulators';

// Serial numbers (digits 7-9): 124 is even, so the simulator's rule says eBox; 033 is odd, paper.
const EBOX_USER = '65041212436';
const PAPER_USER = '85073003328';

describe('LettersClient against the letters simulator', () => {
  let partners: PartnerSimulators;
  let letters: LettersClient;

  beforeAll(async () => {
    partners = await startPartnerSimulators();
    letters = new LettersClient(partners.url);
  });
  afterEach(() => partners.call('POST', '/_admin/reset'));
  afterAll(() => partners.close());

  const letter = (overrides: Partial<SendLetterRequest> = {}): SendLetterRequest => ({
    caseId: randomUUID(),
    nationalNumber: EBOX_USER,
    language: 'nl',
    kind: 'invitation',
    registered: false,
    ...overrides,
  });

  it('sends to the eBox of a person who activated it, and on paper otherwise', async () => {
    expect(await letters.send(letter(), 'k1')).toEqual({
      letterId: expect.any(String),
      channel: 'ebox',
      registered: false,
      sentAt: expect.any(String),
    });
    expect(await letters.send(letter({ nationalNumber: PAPER_USER }), 'k2')).toMatchObject({ channel: 'paper' });
  });

  it('sends a registered letter by registered paper mail with a tracking number', async () => {
    expect(await letters.send(letter({ registered: true }), 'k1')).toMatchObject({
      channel: 'paper',
      registered: true,
      trackingNumber: 'RR000000001BE',
    });
  });

  it("lets the admin route override a person's eBox activation", async () => {
    await partners.call('PUT', '/_admin/letters/ebox', { nationalNumber: EBOX_USER, activated: false });
    await partners.call('PUT', '/_admin/letters/ebox', { nationalNumber: PAPER_USER, activated: true });
    expect(await letters.send(letter(), 'k1')).toMatchObject({ channel: 'paper' });
    expect(await letters.send(letter({ nationalNumber: PAPER_USER }), 'k2')).toMatchObject({ channel: 'ebox' });
  });

  it('sends one letter per idempotency key', async () => {
    const request = letter();
    await letters.send(request, 'same-key');
    await letters.send(request, 'same-key');
    await letters.send(request, 'other-key');
    expect((await partners.call('GET', `/_admin/letters?caseId=${request.caseId}`)).body).toHaveLength(2);
  });

  it('lists the letters of a case without national numbers', async () => {
    const request = letter({ kind: 'trainingProjectDecision', registered: true, language: 'fr' });
    const sent = await letters.send(request, 'k1');
    await letters.send(letter(), 'k2');

    const { body } = await partners.call('GET', `/_admin/letters?caseId=${request.caseId}`);
    expect(body).toEqual([{ ...sent, caseId: request.caseId, language: 'fr', kind: 'trainingProjectDecision' }]);
    expect(JSON.stringify(body)).not.toContain(EBOX_USER);
  });

  it.each([
    ['language', { language: 'en' }],
    ['nationalNumber', { nationalNumber: '85.07.30-033.28' }],
    ['caseId', { caseId: 'case-1' }],
    ['registered', { registered: 'yes' }],
  ])('refuses a bad %s with 400 naming the field, and sends nothing', async (field, overrides) => {
    const { status, body } = await partners.call('POST', '/letters', { ...letter(), ...overrides }, { 'idempotency-key': 'k1' });
    expect(status).toBe(400);
    expect(body.violations).toContainEqual(expect.objectContaining({ field }));
    expect((await partners.call('GET', '/_admin/letters')).body).toEqual([]);
  });

  it('fails with a PartnerHttpError that is not retryable on a bad body', async () => {
    await expect(letters.send(letter({ kind: '' }), 'k1')).rejects.toMatchObject({
      partner: 'letters',
      status: 400,
      retryable: false,
    });
  });

  it('refuses a letter without an Idempotency-Key', async () => {
    expect((await partners.call('POST', '/letters', letter())).status).toBe(400);
  });
});
