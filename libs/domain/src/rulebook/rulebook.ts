import { assertIsoDate } from '../calendar/dates';
import { InvalidRulebookError, RuleNotInForceError, UnknownRuleError } from '../errors';
import type { Citation } from '../explanation';
import type { IsoDate } from '../types';
import { ruleDefinitions } from './rules';
import type { RuleDefinitions, RuleId, RuleValues, RuleVersion } from './rule-values';

export interface RulebookConfig {
  /** D24: first day the yearly invalidity renewal applies. Absent: not in force on any date. */
  invalidityRenewalFrom?: IsoDate;
}

/** The version of a rule in force on a date, with everything needed to cite it. */
export interface ResolvedRule<Id extends RuleId> {
  id: Id;
  governs: string;
  value: RuleValues[Id];
  from: IsoDate;
  to?: IsoDate;
  citation: Citation;
}

export interface Rulebook {
  /** The version in force on `onDate`; throws `RuleNotInForceError` outside every interval. */
  rule<Id extends RuleId>(id: Id, onDate: IsoDate): ResolvedRule<Id>;
  /** Whether some version is in force on `onDate`. */
  inForce(id: RuleId, onDate: IsoDate): boolean;
  /** All versions of a rule, oldest first, for listings and audits. */
  versions<Id extends RuleId>(id: Id): readonly RuleVersion<RuleValues[Id]>[];
  /** What the rule governs, also when no version is in force yet. */
  governs(id: RuleId): string;
  ids(): RuleId[];
}

/** Versions must be well-formed intervals, oldest first, without overlap. */
export function assertWellFormedVersions(id: string, versions: readonly RuleVersion<unknown>[]): void {
  versions.forEach((version, index) => {
    assertIsoDate(version.from);
    if (version.to !== undefined && assertIsoDate(version.to) < version.from) {
      throw new InvalidRulebookError(`Rule ${id}: version ending ${version.to} starts after it ends (${version.from})`);
    }
    const previous = versions[index - 1];
    if (previous && (previous.to === undefined || previous.to >= version.from)) {
      throw new InvalidRulebookError(`Rule ${id}: version from ${version.from} overlaps the one from ${previous.from}`);
    }
  });
}

export function createRulebook(config: RulebookConfig = {}): Rulebook {
  const definitions: RuleDefinitions = ruleDefinitions(config);
  const ids = Object.keys(definitions) as RuleId[];
  ids.forEach((id) => assertWellFormedVersions(id, definitions[id].versions));

  function definition<Id extends RuleId>(id: Id): RuleDefinitions[Id] {
    if (!Object.prototype.hasOwnProperty.call(definitions, id)) throw new UnknownRuleError(id);
    return definitions[id];
  }

  function find<Id extends RuleId>(id: Id, onDate: IsoDate): RuleVersion<RuleValues[Id]> | undefined {
    assertIsoDate(onDate);
    const versions = definition(id).versions as readonly RuleVersion<RuleValues[Id]>[];
    return versions.find((v) => v.from <= onDate && (v.to === undefined || onDate <= v.to));
  }

  return {
    rule(id, onDate) {
      const version = find(id, onDate);
      if (!version) {
        const intervals = definition(id).versions.map(({ from, to }) => ({ from, to }));
        throw new RuleNotInForceError(id, onDate, intervals);
      }
      const { governs } = definition(id);
      return { id, governs, value: version.value, from: version.from, to: version.to, citation: version.citation };
    },
    inForce: (id, onDate) => find(id, onDate) !== undefined,
    governs: (id) => definition(id).governs,
    versions: (id) => definition(id).versions as readonly RuleVersion<RuleValues[typeof id]>[],
    ids: () => [...ids],
  };
}

/** The rulebook with D24 not yet in force. */
export const defaultRulebook: Rulebook = createRulebook();
