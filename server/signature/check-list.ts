/**
 * Collects one signature's checks for the report panel together with the violations and warnings they
 * produce, so that the panel and the acknowledgement can never disagree.
 */
import type { RuleViolation } from '../rules/rule.js';
import type { SignatureCheck, SignatureCheckName } from './signature-types.js';

export class CheckList {
  readonly checks: SignatureCheck[] = [];
  readonly violations: RuleViolation[] = [];
  readonly warnings: RuleViolation[] = [];

  pass(name: SignatureCheckName, detail?: string): void {
    this.checks.push(detail === undefined ? { name, ok: true } : { name, ok: true, detail });
  }

  /** Records a failed check; `found` must not be empty. Returns false for `if (!list.fail(...))` flows. */
  fail(name: SignatureCheckName, found: readonly RuleViolation[]): false {
    const first = found[0];
    if (first) {
      const detail = found.map((v) => v.detail ?? v.rule.en).join('; ');
      this.checks.push({ name, ok: false, rule: first.rule, detail });
      this.violations.push(...found);
    }
    return false;
  }

  /** Passes when `found` is empty, fails otherwise; returns whether it passed. */
  judge(name: SignatureCheckName, found: readonly RuleViolation[], passDetail?: string): boolean {
    if (found.length === 0) {
      this.pass(name, passDetail);
      return true;
    }
    return this.fail(name, found);
  }

  /** Accepted with a note (e.g. untrusted chain in lenient mode). */
  warn(name: SignatureCheckName, warning: RuleViolation): void {
    this.checks.push({
      name,
      ok: true,
      rule: warning.rule,
      ...(warning.detail ? { detail: warning.detail } : {}),
    });
    this.warnings.push(warning);
  }

  skip(name: SignatureCheckName, why: string): void {
    this.checks.push({ name, ok: false, skipped: true, detail: `not checked: ${why}` });
  }

  get failed(): boolean {
    return this.violations.length > 0;
  }
}
