import type { IncapacityEpisode } from '../types';
import { decideRtwFundEligibility } from './rtw-fund';

const longTerm: IncapacityEpisode = { start: '2023-01-10', regime: 'employee', contract: 'noContract' };
const forceMajeure: IncapacityEpisode = { start: '2024-09-02', regime: 'employee', contract: 'endedForMedicalForceMajeure' };

describe('D17d: return-to-work fund', () => {
  it.each<[string, IncapacityEpisode, string, boolean, string[] | string]>([
    ['before the fund opened', forceMajeure, '2024-03-31', false, 'rtwFund.eligibleGroups'],
    ['force majeure when it opened', { ...forceMajeure, start: '2023-06-01' }, '2024-04-01', true, ['medicalForceMajeure']],
    ['over one year, before the extension', longTerm, '2025-03-31', false, 'rtwFund.eligibleGroups'],
    ['over one year, from the extension', longTerm, '2025-04-01', true, ['incapacityOverOneYear']],
    ['force majeure in primary incapacity', forceMajeure, '2025-06-02', true, ['medicalForceMajeure']],
    ['force majeure and over one year', forceMajeure, '2025-09-02', true, ['medicalForceMajeure', 'incapacityOverOneYear']],
    [
      'under contract in the first year',
      { ...longTerm, start: '2024-10-01', contract: 'underContract' },
      '2025-06-02',
      false,
      'rtwFund.eligibleGroups',
    ],
    ['one day before invalidity', { ...longTerm, start: '2024-06-03' }, '2025-06-02', false, 'rtwFund.eligibleGroups'],
    ['incapacity ended', { ...longTerm, end: '2025-01-31' }, '2025-06-02', false, 'scope.recognisedIncapacity'],
  ])('%s', (_case, episode, onDate, eligible, expected) => {
    const decision = decideRtwFundEligibility(episode, onDate);
    expect(decision.eligible).toBe(eligible);
    if (decision.eligible) {
      expect(decision.explanation).toMatchObject({
        ruleId: 'rtwFund.eligibleGroups',
        citation: { domainRule: 'D17d' },
        result: expected,
      });
    } else {
      expect(decision.reason.ruleId).toBe(expected);
    }
  });
});
