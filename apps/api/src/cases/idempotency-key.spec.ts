import { BadRequestException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { canonicalJson, parseIdempotencyKey, RequestFingerprints } from './idempotency-key';

describe('the Idempotency-Key header of POST /cases', () => {
  it('takes a bare key or a structured-field string, and no header as no key', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(parseIdempotencyKey('"say \\"hi\\""')).toBe('say "hi"');
    expect(parseIdempotencyKey('k'.repeat(255))).toHaveLength(255);
  });

  it.each([[''], ['   '], ['""'], ['k'.repeat(256)], ['clé'], ['tab\there']])(
    'refuses %j with a 400 naming the header',
    (header) => {
      let thrown: unknown;
      try {
        parseIdempotencyKey(header);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(BadRequestException);
      expect((thrown as BadRequestException).getResponse()).toMatchObject({
        violations: [
          { field: 'Idempotency-Key', rule: 'isIdempotencyKey', message: expect.stringContaining('Idempotency-Key header') },
        ],
      });
    },
  );

  it('recognises a body whatever the order of its fields, and only with the master key it was made with', () => {
    const masterKey = randomBytes(32);
    const fingerprints = new RequestFingerprints(masterKey);
    const body = { route: 'A', nationalNumber: '85073003328', exclusion: undefined, postalCode: '9000' };
    const reordered = { postalCode: '9000', nationalNumber: '85073003328', route: 'A' };
    expect(canonicalJson(body)).toBe('{"nationalNumber":"85073003328","postalCode":"9000","route":"A"}');
    expect(fingerprints.of(body).equals(fingerprints.of(reordered))).toBe(true);
    expect(fingerprints.of(body).equals(fingerprints.of({ ...body, postalCode: '1000' }))).toBe(false);
    expect(fingerprints.of(body).equals(new RequestFingerprints(randomBytes(32)).of(body))).toBe(false);
    expect(fingerprints.of(body).toString('hex')).not.toContain('85073003328');
  });
});
