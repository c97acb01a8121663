import { type Rulebook, type RuleId } from '@tnw/domain';
import type { TimelineRule } from './timeline-model';
import { scrub } from './timeline-text';

/**
 * The explanation of a rule that fits the hint best: one rule may give several deadlines at once
 * (the contact moments of months 4, 7 and 11), told apart by their kind, which the timer's
 * summary names; otherwise the latest one computed.
 */
export function explanationOf(explanations: Explanations, ruleId: string, hint: string): string | undefined {
  const known = explanations.get(ruleId);
  if (!known?.length) return undefined;
  const normal = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const wanted = normal(hint);
  const fitting = known
    .filter((k) => k.kind && wanted.includes(normal(k.kind)))
    .sort((a, b) => normal(b.kind!).length - normal(a.kind!).length)[0];
  return (fitting ?? known[known.length - 1]).text;
}

/** The version of the rule in force on the day (or the nearest one), with its citation. */
export function resolveRule(rulebook: Rulebook, id: string, onDate: string, explanation?: string): TimelineRule {
  const withExplanation = (rule: TimelineRule) => (explanation ? { ...rule, explanation: scrub(explanation) } : rule);
  if (!rulebook.ids().includes(id as RuleId)) {
    return withExplanation({
      id,
      text: 'not a rule of the current rulebook',
      citation: { domainRule: '-', source: '-' },
      version: { from: '-' },
    });
  }
  const ruleId = id as RuleId;
  if (rulebook.inForce(ruleId, onDate)) {
    const rule = rulebook.rule(ruleId, onDate);
    return withExplanation({
      id,
      text: rule.governs,
      citation: rule.citation,
      version: { from: rule.from, ...(rule.to ? { to: rule.to } : {}) },
    });
  }
  const versions = rulebook.versions(ruleId);
  const version = [...versions].reverse().find((v) => v.from <= onDate) ?? versions[0];
  const governs = rulebook.rule(ruleId, version.from).governs;
  return withExplanation({
    id,
    text: `${governs} (not in force on ${onDate}: the version shown is the nearest one)`,
    citation: version.citation,
    version: { from: version.from, ...(version.to ? { to: version.to } : {}) },
  });
}

export type Explanations = Map<string, Array<{ kind?: string; text: string }>>;

/** Remembers every `{ ruleId, explanation }` a value holds (deadline views, refusals, computed deadlines). */
export function collectExplanations(value: unknown, into: Explanations, depth = 0): void {
  if (!value || typeof value !== 'object' || depth > 6) return;
  if (Array.isArray(value)) {
    value.forEach((item) => collectExplanations(item, into, depth + 1));
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.ruleId === 'string') {
    const text =
      typeof record.explanation === 'string'
        ? record.explanation
        : typeof record.message === 'string'
          ? record.message
          : undefined;
    if (text) {
      const known = into.get(record.ruleId) ?? [];
      const kind = typeof record.kind === 'string' ? record.kind : undefined;
      into.set(record.ruleId, [...known.filter((k) => k.kind !== kind), { kind, text }]);
    }
  }
  Object.values(record).forEach((item) => collectExplanations(item, into, depth + 1));
}
