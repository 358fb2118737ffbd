/**
 * One verification job as plain data, shared by the verification pool and its workers: what crosses the
 * thread boundary (the XML text and the context without the trust store) and how a result that crossed it
 * is made whole again (rule definitions are matched back to the catalogue's own objects, so that callers
 * may keep comparing `v.rule === RULES.X`).
 */
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleDefinition, type RuleViolation } from '../rules/rule.js';
import type { CertificateTrust } from '../pki/trust-types.js';
import { parseDom } from '../xml/dom.js';
import type { SignatureReport, SignatureVerification, VerifyContext } from './signature-types.js';
import { verifyDocumentSignatures } from './verify-signatures.js';

/** VerifyContext without the trust store: the pool's workers hold their own copy of it. */
export type PlainVerifyContext = Omit<VerifyContext, 'trust'>;

export interface VerifyJob {
  readonly id: number;
  readonly xml: string;
  readonly ctx: PlainVerifyContext;
}

export type VerifyJobAnswer =
  | { readonly id: number; readonly result: SignatureVerification }
  | { readonly id: number; readonly error: string };

/**
 * Parses `xml` and verifies its signatures: verifyDocumentSignatures for a caller that has only the text.
 * The caller has already parsed the same text once, so a parse failure here cannot normally happen; it is
 * still answered as a malformed document rather than thrown.
 */
export function verifyDocumentText(xml: string, ctx: VerifyContext): SignatureVerification {
  const dom = parseDom(xml);
  if (!dom.ok) {
    return {
      ok: false,
      violations: [violation(RULES.CDA_MALFORMED, '/ClinicalDocument', dom.message)],
      signatures: [],
      hints: [],
    };
  }
  return verifyDocumentSignatures(xml, dom.doc, ctx);
}

/** Binds a plain context to a trust store. */
export function withTrust(ctx: PlainVerifyContext, trust: CertificateTrust): VerifyContext {
  return { ...ctx, trust };
}

const BY_CODE: ReadonlyMap<string, RuleDefinition> = new Map(
  Object.values(RULES).map((r: RuleDefinition) => [r.code, r]),
);

/** The catalogue's own definition for a structured-clone copy (unknown codes keep the copy). */
function ruleOf(copy: RuleDefinition): RuleDefinition {
  return BY_CODE.get(copy.code) ?? copy;
}

function rehydrateViolation(v: RuleViolation): RuleViolation {
  return { ...v, rule: ruleOf(v.rule) };
}

function rehydrateReport(r: SignatureReport): SignatureReport {
  return { ...r, checks: r.checks.map((c) => (c.rule ? { ...c, rule: ruleOf(c.rule) } : c)) };
}

/** Makes a result that crossed a thread boundary reference the catalogue's rule objects again. */
export function rehydrate(result: SignatureVerification): SignatureVerification {
  const signatures = result.signatures.map(rehydrateReport);
  return result.ok
    ? { ...result, signatures, warnings: result.warnings.map(rehydrateViolation) }
    : { ...result, signatures, violations: result.violations.map(rehydrateViolation) };
}
