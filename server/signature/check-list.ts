/**
 * Collects one signature's checks for the report panel together with the violations and warnings they
 * produce, so that the panel and the acknowledgement can never disagree.
 */
import type { RuleViolation } from '../rules/rule.js';
import type {
  SignatureCheck,
  SignatureCheckName,
  SignatureCheckNote,
  SkipReason,
} from './signature-types.js';

const SKIP_TEXT: Record<SkipReason, string> = {
  'profile-failed': 'the profile checks above failed',
  'digest-failed': 'a digest failed',
  unprocessable: 'the signature could not be processed',
  'no-certificate': 'no readable certificate',
  'no-signing-time': 'no valid signing time',
  'unknown-type': 'unknown signature type',
};

/** The English sentence of a note, kept as `detail` for the JSON and CLI answers. */
export function noteDetail(note: SignatureCheckNote): string {
  switch (note.code) {
    case 'references-match':
      return `${note.count} references match`;
    case 'verifies-with-keyinfo-key':
      return 'verifies with the KeyInfo certificate key';
    case 'chains-to-trusted-ca':
      return 'chains to a trusted CA at signing time';
    case 'valid-at':
      return `valid at ${note.at}`;
    case 'signature-type':
      return note.type;
    case 'signed-at':
      return note.at;
    case 'body-id':
    case 'signer-id':
      return note.id;
    case 'certificate-subject':
      return note.subject;
    case 'skipped':
      return `not checked: ${SKIP_TEXT[note.why]}`;
  }
}

export class CheckList {
  readonly checks: SignatureCheck[] = [];
  readonly violations: RuleViolation[] = [];
  readonly warnings: RuleViolation[] = [];

  pass(name: SignatureCheckName, note?: SignatureCheckNote): void {
    this.checks.push(
      note === undefined ? { name, ok: true } : { name, ok: true, note, detail: noteDetail(note) },
    );
  }

  /** Records a failed check; `found` must not be empty. Returns false for `if (!list.fail(...))` flows. */
  fail(name: SignatureCheckName, found: readonly RuleViolation[]): false {
    const first = found[0];
    if (first) {
      const detail = found.map((v) => v.detail ?? v.rule.en).join('; ');
      this.checks.push({ name, ok: false, rule: first.rule, detail, location: first.location });
      this.violations.push(...found);
    }
    return false;
  }

  /** Passes when `found` is empty, fails otherwise; returns whether it passed. */
  judge(name: SignatureCheckName, found: readonly RuleViolation[], passNote?: SignatureCheckNote): boolean {
    if (found.length === 0) {
      this.pass(name, passNote);
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
      location: warning.location,
      ...(warning.detail ? { detail: warning.detail } : {}),
    });
    this.warnings.push(warning);
  }

  skip(name: SignatureCheckName, why: SkipReason): void {
    const note: SignatureCheckNote = { code: 'skipped', why };
    this.checks.push({ name, ok: false, skipped: true, note, detail: noteDetail(note) });
  }

  get failed(): boolean {
    return this.violations.length > 0;
  }
}
