/**
 * The one catalogue of rule codes. Sections live in ./catalogue/ by area; this module joins them so that
 * everything (acknowledgements, docs, tests) reads a single vocabulary.
 */
import type { RuleDefinition } from './rule.js';
import { CONTROL_RULES } from './catalogue/control.js';
import { DOCUMENT_RULES } from './catalogue/document.js';
import { FRAME_RULES } from './catalogue/frame.js';
import { LIFECYCLE_RULES } from './catalogue/lifecycle.js';
import { OPERATION_RULES } from './catalogue/operation.js';
import { SIGNATURE_RULES } from './catalogue/signature.js';
import { WIRE_RULES } from './catalogue/wire.js';

export const RULES = Object.freeze({
  ...WIRE_RULES,
  ...FRAME_RULES,
  ...OPERATION_RULES,
  ...DOCUMENT_RULES,
  ...SIGNATURE_RULES,
  ...LIFECYCLE_RULES,
  ...CONTROL_RULES,
});

export type RuleCode = keyof typeof RULES;

/** Every rule, for documentation and for the README's rule table. */
export function allRules(): RuleDefinition[] {
  return Object.values(RULES);
}
