import { assertIsoDate, type IsoDate } from '@tnw/domain';

export const EPISODE_SETTINGS = Symbol('EPISODE_SETTINGS');

export interface EpisodeSettings {
  /** D24: first day of the yearly invalidity renewal; the law has not fixed it, so the operator does. */
  invalidityRenewalFrom?: IsoDate;
}

/** Reads INVALIDITY_RENEWAL_FROM (YYYY-MM-DD, optional); a malformed date stops the API at start. */
export function episodeSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): EpisodeSettings {
  const from = env.INVALIDITY_RENEWAL_FROM;
  if (!from) return {};
  try {
    return { invalidityRenewalFrom: assertIsoDate(from) };
  } catch {
    throw new Error(`INVALIDITY_RENEWAL_FROM must be a calendar date YYYY-MM-DD, not '${from}'`);
  }
}
