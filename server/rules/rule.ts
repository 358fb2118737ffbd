/**
 * The shape of kanta-sim's rule vocabulary. Every refusal the archive gives names one rule from the
 * catalogue (server/rules/catalogue.ts), so a vendor can grep for the code and tests can assert it.
 */

/** How a failed rule answers: AE (application error) or AR (wrapper-level reject); W is a warning in an AA. */
export type RuleSeverity = 'AE' | 'AR' | 'W';

export interface RuleDefinition {
  /** Stable id: never renamed once published, vendors write it into their tests. */
  readonly code: string;
  readonly severity: RuleSeverity;
  readonly fi: string;
  readonly sv: string;
  readonly en: string;
}

/** One failed rule, as it will be rendered into an acknowledgementDetail. */
export interface RuleViolation {
  readonly rule: RuleDefinition;
  /** XPath of the offending node, in the message as the client sent it. */
  readonly location: string;
  /** What exactly was wrong in this message (English, specific: values seen and expected). */
  readonly detail?: string;
}

/** Builds a violation; the one factory every validator uses. */
export function violation(rule: RuleDefinition, location: string, detail?: string): RuleViolation {
  return detail === undefined ? { rule, location } : { rule, location, detail };
}

/** Declares a catalogue section with its codes checked against the keys at compile time. */
export function defineRules<K extends string>(rules: { readonly [P in K]: Omit<RuleDefinition, 'code'> }): {
  readonly [P in K]: RuleDefinition;
} {
  const out = {} as { [P in K]: RuleDefinition };
  for (const key of Object.keys(rules) as K[]) {
    out[key] = Object.freeze({ code: key, ...rules[key] });
  }
  return Object.freeze(out);
}
