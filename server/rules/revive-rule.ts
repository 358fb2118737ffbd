/**
 * Rule violations that crossed a thread boundary (structured clone) carry copies of their rule
 * definitions; callers compare `v.rule === RULES.X`, so the copies are swapped back for the catalogue's
 * own objects. A code the catalogue does not know keeps its copy.
 */
import { RULES } from './catalogue.js';
import type { RuleDefinition } from './rule.js';

const BY_CODE: ReadonlyMap<string, RuleDefinition> = new Map(
  Object.values(RULES).map((r: RuleDefinition) => [r.code, r]),
);

export function reviveViolation<V extends { readonly rule: RuleDefinition }>(v: V): V {
  return { ...v, rule: BY_CODE.get(v.rule.code) ?? v.rule };
}
