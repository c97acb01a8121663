import { episodeSettingsFromEnv } from './episode-settings';

describe('episodeSettingsFromEnv', () => {
  it('leaves the yearly renewal (D24) out of force when INVALIDITY_RENEWAL_FROM is unset or empty', () => {
    expect(episodeSettingsFromEnv({})).toEqual({});
    expect(episodeSettingsFromEnv({ INVALIDITY_RENEWAL_FROM: '' })).toEqual({});
  });

  it('takes a calendar date', () => {
    expect(episodeSettingsFromEnv({ INVALIDITY_RENEWAL_FROM: '2027-01-01' })).toEqual({ invalidityRenewalFrom: '2027-01-01' });
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => episodeSettingsFromEnv({ INVALIDITY_RENEWAL_FROM: '2027-02-30' })).toThrow(
      "INVALIDITY_RENEWAL_FROM must be a calendar date YYYY-MM-DD, not '2027-02-30'",
    );
  });
});
