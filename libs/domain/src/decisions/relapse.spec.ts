import { decideRelapse } from './relapse';
import { incapacityPhaseOn } from './incapacity-phase';

describe('D5: relapse', () => {
  it.each([
    // episode start, previous end, new start, same episode?, window rule
    ['2025-01-06', '2025-03-31', '2025-04-14', true, 'relapse.primaryWindow'], // 14th day after the end
    ['2025-01-06', '2025-03-31', '2025-04-15', false, 'relapse.primaryWindow'],
    ['2025-01-06', '2025-03-31', '2025-04-01', true, 'relapse.primaryWindow'],
    ['2023-01-10', '2025-01-31', '2025-04-30', true, 'relapse.invalidityWindow'], // 31 Jan + 3 months clamps to 30 Apr
    ['2023-01-10', '2025-01-31', '2025-05-01', false, 'relapse.invalidityWindow'],
    ['2023-01-10', '2024-01-10', '2024-04-10', true, 'relapse.invalidityWindow'], // ended on the first day of invalidity
    ['2023-01-10', '2024-01-09', '2024-01-24', false, 'relapse.primaryWindow'], // ended on the last day of primary incapacity
  ] as const)('episode %s, ended %s, new incapacity %s: same episode %s', (episodeStart, previousEnd, newStart, same, ruleId) => {
    const decision = decideRelapse({ episodeStart, previousEnd, newStart });
    expect(decision.sameEpisode).toBe(same);
    expect(decision.explanation).toMatchObject({ ruleId, citation: { domainRule: 'D5' } });
    if (decision.sameEpisode) expect(decision.episodeStart).toBe(episodeStart);
  });

  it('rejects a new incapacity that does not start after the previous one', () => {
    expect(() => decideRelapse({ episodeStart: '2025-01-06', previousEnd: '2025-03-31', newStart: '2025-03-31' })).toThrow(
      RangeError,
    );
  });
});

describe('D1: incapacity phase', () => {
  it.each([
    ['2025-10-20', '2025-10-20', 'primary'],
    ['2025-10-20', '2026-10-19', 'primary'],
    ['2025-10-20', '2026-10-20', 'invalidity'],
    ['2024-02-29', '2025-02-28', 'invalidity'],
  ])('incapacity from %s is on %s in %s', (start, onDate, phase) => {
    expect(incapacityPhaseOn(start, onDate)).toMatchObject({
      phase,
      explanation: { ruleId: 'invalidity.startsAfter', result: phase },
    });
  });

  it('has no phase before the start', () => {
    expect(() => incapacityPhaseOn('2025-10-20', '2025-10-19')).toThrow(RangeError);
  });
});
