/** Structured "why" of every computed deadline or decision, readable by auditors and staff. */

/** Where a rule comes from: the DOMAIN.md rule number and the source behind it. */
export interface Citation {
  domainRule: string;
  source: string;
}

export type ExplanationValue =
  string | number | boolean | null | readonly ExplanationValue[] | { readonly [key: string]: ExplanationValue };

export interface RuleReference {
  ruleId: string;
  citation: Citation;
}

export interface Explanation extends RuleReference {
  /** What the rule was applied to. Never personal identifiers. */
  inputs: Record<string, ExplanationValue>;
  result: ExplanationValue;
  /** One line in English. */
  text: string;
  /** Further rules the result depends on (e.g. the working week behind a working-day deadline). */
  alsoApplied?: RuleReference[];
}

export interface Refusal extends RuleReference {
  message: string;
}

export type EligibilityDecision = { eligible: true; explanation: Explanation } | { eligible: false; reason: Refusal };
