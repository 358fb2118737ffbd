/**
 * The real Kanta samples: their signatures must verify cryptographically (the DVV TEST CAs are not
 * shipped, so trust is exercised in both modes), a one-character change in the body must break them, and
 * the published (re-indented) forms must fail with a diagnosis that says why. Conformance data: skipped
 * where the optional corpus is absent (see test/support/requirements.ts).
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../server/rules/catalogue.js';
import { WHITESPACE_DIAGNOSIS_SENTENCE } from '../../server/signature/whitespace-diagnosis.js';
import {
  CLIENT_PLAN,
  CLIENT_RELATIONSHIP,
  codesOf,
  contextFor,
  readSample,
  verifyText,
} from './support/documents.js';
import { TRUST_NOTHING } from './support/test-ca.js';
import { KANTA_SAMPLES } from '../support/requirements.js';

const SAMPLES = [
  { name: 'client plan (2 professional signatures)', info: CLIENT_PLAN, count: 2, type: 'professional' },
  {
    name: 'client-relationship document (system signature)',
    info: CLIENT_RELATIONSHIP,
    count: 1,
    type: 'system',
  },
] as const;

/** Changes one Base64 character inside nonXMLBody/text. */
function tamperBody(xml: string): string {
  const start = /representation="B64">(?:<!--[\s\S]*?-->)?\s*/.exec(xml);
  expect(start).not.toBeNull();
  const at = (start?.index ?? 0) + (start?.[0].length ?? 0) + 40;
  const ch = xml[at];
  expect(ch).toMatch(/[A-Za-z0-9+/]/);
  return xml.slice(0, at) + (ch === 'A' ? 'B' : 'A') + xml.slice(at + 1);
}

describe.skipIf(!KANTA_SAMPLES.available).each(SAMPLES)('real sample: $name', ({ info, count, type }) => {
  it('verifies in lenient mode with an untrusted-but-accepted warning per signature', () => {
    const result = verifyText(readSample(info.signed), contextFor(info, TRUST_NOTHING, 'lenient'));
    expect(codesOf(result)).toEqual([]);
    if (!result.ok) {
      return;
    }
    expect(result.signatures).toHaveLength(count);
    expect(result.warnings.map((w) => w.rule)).toEqual(Array(count).fill(RULES.SIG_CERT_UNTRUSTED_ACCEPTED));
    expect(result.signedBodyXml.startsWith('<nonXMLBody xmlns="urn:hl7-org:v3" ID="OID')).toBe(true);
    for (const s of result.signatures) {
      expect(s.type).toBe(type);
      const failed = s.checks.filter((c) => !c.ok);
      expect(failed).toEqual([]);
      expect(s.checks.find((c) => c.name === 'digests')?.ok).toBe(true);
      expect(s.checks.find((c) => c.name === 'signature-value')?.ok).toBe(true);
    }
  });

  it('is refused in strict mode because the DVV TEST chain is not trusted', () => {
    const result = verifyText(readSample(info.signed), contextFor(info, TRUST_NOTHING, 'strict'));
    expect(codesOf(result)).toEqual(Array(count).fill(RULES.SIG_CERT_UNTRUSTED.code));
  });

  it('fails with SIG_DIGEST_MISMATCH after one character of the body changes', () => {
    const result = verifyText(
      tamperBody(readSample(info.signed)),
      contextFor(info, TRUST_NOTHING, 'lenient'),
    );
    expect(codesOf(result)).toContain(RULES.SIG_DIGEST_MISMATCH.code);
    expect(codesOf(result)).not.toContain(RULES.SIG_VALUE_INVALID.code);
    if (!result.ok) {
      const digest = result.violations.find((v) => v.rule === RULES.SIG_DIGEST_MISMATCH);
      expect(digest?.detail).toContain(`#OID${info.documentId}`);
      expect(digest?.location).toMatch(/\/ds:SignedInfo\/ds:Reference(\[\d\])?$/);
      expect(result.hints).toEqual([]);
    }
  });

  it('as published (re-indented) fails with a digest mismatch that names the re-indentation', () => {
    const result = verifyText(readSample(info.published), contextFor(info, TRUST_NOTHING, 'lenient'));
    expect(result.ok).toBe(false);
    if (result.ok) {
      return;
    }
    const digests = result.violations.filter((v) => v.rule === RULES.SIG_DIGEST_MISMATCH);
    expect(digests).toHaveLength(count);
    for (const d of digests) {
      expect(d.detail).toContain(WHITESPACE_DIAGNOSIS_SENTENCE);
    }
    expect(result.hints).toEqual(['whitespace-reindented']);
    const digestChecks = result.signatures.map((s) => s.checks.find((c) => c.name === 'digests'));
    expect(digestChecks.every((c) => c?.hint === 'whitespace-reindented')).toBe(true);
  });
});

describe.skipIf(!KANTA_SAMPLES.available)('real sample details', () => {
  it('judges the SP1 system certificate at signing time (2026-07-17), although it expired 2026-10-09', () => {
    const result = verifyText(
      readSample(CLIENT_RELATIONSHIP.signed),
      contextFor(CLIENT_RELATIONSHIP, TRUST_NOTHING, 'lenient', { now: new Date('2026-12-31T00:00:00Z') }),
    );
    expect(result.ok).toBe(true);
    const signer = result.signatures[0]?.signer;
    expect(signer?.serialNumber).toBe('1.2.246.10.32213561.10.0');
    expect(signer?.notAfter).toBe('2026-10-09T20:59:59.000Z');
    expect(result.signatures[0]?.timestamp).toBe('2026-07-17T10:06:56.4257383Z');
  });

  it('reads the professional registration number from the client plan certificates', () => {
    const result = verifyText(
      readSample(CLIENT_PLAN.signed),
      contextFor(CLIENT_PLAN, TRUST_NOTHING, 'lenient'),
    );
    expect(result.signatures.map((s) => s.signer?.serialNumber)).toEqual(['25104559650', '25104559650']);
  });

  it('refuses the client plan when the header names another signer', () => {
    const result = verifyText(
      readSample(CLIENT_PLAN.signed),
      contextFor(CLIENT_PLAN, TRUST_NOTHING, 'lenient', { headerSignerRegNos: ['99999999999'] }),
    );
    expect(codesOf(result)).toEqual([
      RULES.SIG_PROFESSIONAL_MISMATCH.code,
      RULES.SIG_PROFESSIONAL_MISMATCH.code,
    ]);
  });

  it('refuses the SP1 system signature for a sender and register keeper it does not name', () => {
    const result = verifyText(
      readSample(CLIENT_RELATIONSHIP.signed),
      contextFor(CLIENT_RELATIONSHIP, TRUST_NOTHING, 'lenient', {
        senderOid: '1.2.246.10.2012566.10.40',
        custodianOid: '1.2.246.10.2012566.10.40',
      }),
    );
    expect(codesOf(result)).toEqual([RULES.SIG_SYSTEM_OID_MISMATCH.code]);
  });

  it('accepts the system signature when only the register keeper matches', () => {
    const result = verifyText(
      readSample(CLIENT_RELATIONSHIP.signed),
      contextFor(CLIENT_RELATIONSHIP, TRUST_NOTHING, 'lenient', { senderOid: '1.2.246.10.1.10.0' }),
    );
    expect(result.ok).toBe(true);
  });
});
