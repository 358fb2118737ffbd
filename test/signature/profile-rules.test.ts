/**
 * The profile's non-wrapping rules, one row per rule: algorithms, signing time, signature type and the
 * certificate checks (key usage, identity, validity at signing time, key strength). Every row's
 * document is cryptographically valid; only the profile refuses it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../server/rules/catalogue.js';
import { signDocument } from '../../server/signature/sign.js';
import { codesOf, verifyText } from './support/documents.js';
import { SIGNED_AT, createScenario, type CustomOptions, type Scenario } from './support/scenario.js';
import { OWN_PLAN } from '../support/own-documents.js';
import { rsaKey } from './support/test-ca.js';

let s: Scenario;
beforeAll(() => {
  s = createScenario();
});

const ALG = {
  RSA_SHA1: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  RSA_SHA512: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
  C14N_10: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  EXC_WITH_COMMENTS: 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments',
  SHA1: 'http://www.w3.org/2000/09/xmldsig#sha1',
  EXC: 'http://www.w3.org/2001/10/xml-exc-c14n#',
};

const both = (ts: string, extra: { transforms?: string[]; digest?: string }) => [
  { xpath: `//*[@ID='OID${OWN_PLAN.documentId}']`, ...extra },
  { xpath: `//*[@ID='${ts}']`, ...extra },
];

/** One row per profile rule: signing options that break only that rule, read when the test runs. */
const ROWS: readonly { name: string; options: () => CustomOptions; rule: keyof typeof RULES }[] = [
  {
    name: 'rsa-sha1 signature method',
    options: () => ({ signatureAlgorithm: ALG.RSA_SHA1 }),
    rule: 'SIG_ALGORITHM_NOT_ALLOWED',
  },
  {
    name: 'rsa-sha512 signature method',
    options: () => ({ signatureAlgorithm: ALG.RSA_SHA512 }),
    rule: 'SIG_ALGORITHM_NOT_ALLOWED',
  },
  {
    name: 'c14n 1.0 for SignedInfo',
    options: () => ({ canonicalization: ALG.C14N_10 }),
    rule: 'SIG_ALGORITHM_NOT_ALLOWED',
  },
  {
    name: 'exc-c14n with comments for SignedInfo',
    options: () => ({ canonicalization: ALG.EXC_WITH_COMMENTS }),
    rule: 'SIG_ALGORITHM_NOT_ALLOWED',
  },
  {
    name: 'sha1 digests',
    options: () => ({ references: (ts) => both(ts, { digest: ALG.SHA1 }) }),
    rule: 'SIG_ALGORITHM_NOT_ALLOWED',
  },
  {
    name: 'c14n 1.0 transform',
    options: () => ({ references: (ts) => both(ts, { transforms: [ALG.C14N_10] }) }),
    rule: 'SIG_ALGORITHM_NOT_ALLOWED',
  },
  { name: 'signatureDescription code 2', options: () => ({ code: '2' }), rule: 'SIG_TYPE_UNKNOWN' },
  {
    name: 'local time without offset',
    options: () => ({ timestamp: '2026-11-22T11:00:00' }),
    rule: 'SIG_TIMESTAMP_INVALID',
  },
  {
    name: 'time with a +02:00 offset',
    options: () => ({ timestamp: '2026-11-22T13:00:00+02:00' }),
    rule: 'SIG_TIMESTAMP_INVALID',
  },
  {
    name: 'impossible date',
    options: () => ({ timestamp: '2026-02-30T11:00:00Z' }),
    rule: 'SIG_TIMESTAMP_INVALID',
  },
  {
    name: 'signing time in the future',
    options: () => ({ timestamp: '2026-11-23T11:00:00Z' }),
    rule: 'SIG_TIMESTAMP_INVALID',
  },
  {
    name: 'professional certificate without nonRepudiation',
    options: () => ({
      cert: s.leaf({ serialNumber: '25104559650', keyUsage: { digitalSignature: true } }),
    }),
    rule: 'SIG_CERT_KEY_USAGE',
  },
  {
    name: 'system certificate without nonRepudiation',
    options: () => ({
      code: '3',
      cert: s.leaf({
        serialNumber: OWN_PLAN.senderOid,
        keyUsage: { digitalSignature: true, keyEncipherment: true },
      }),
    }),
    rule: 'SIG_CERT_KEY_USAGE',
  },
  {
    name: 'system certificate of another organisation',
    options: () => ({
      code: '3',
      cert: s.leaf({
        serialNumber: '1.2.246.10.99999.10.0',
        keyUsage: { digitalSignature: true, nonRepudiation: true },
      }),
    }),
    rule: 'SIG_SYSTEM_OID_MISMATCH',
  },
  {
    name: 'professional not named in the header',
    options: () => ({ cert: s.leaf({ serialNumber: '99999999999', keyUsage: { nonRepudiation: true } }) }),
    rule: 'SIG_PROFESSIONAL_MISMATCH',
  },
  {
    name: 'professional certificate without a serialNumber',
    options: () => ({ cert: s.leaf({ keyUsage: { nonRepudiation: true } }) }),
    rule: 'SIG_PROFESSIONAL_MISMATCH',
  },
  {
    name: 'certificate expired before signing',
    options: () => ({
      cert: s.leaf({
        serialNumber: '25104559650',
        notBefore: new Date('2024-01-01T00:00:00Z'),
        notAfter: new Date('2026-01-01T00:00:00Z'),
      }),
      timestamp: '2026-06-01T10:00:00Z',
    }),
    rule: 'SIG_CERT_NOT_VALID_AT_SIGNING',
  },
  {
    name: 'certificate not yet valid at signing',
    options: () => ({
      cert: s.leaf({ serialNumber: '25104559650', notBefore: new Date('2026-11-22T11:30:00Z') }),
    }),
    rule: 'SIG_CERT_NOT_VALID_AT_SIGNING',
  },
  {
    name: '1024-bit RSA key',
    options: () => ({ cert: s.leaf({ serialNumber: '25104559650', key: rsaKey(1024) }) }),
    rule: 'SIG_ALGORITHM_NOT_ALLOWED',
  },
];

/** Edits of a reference that the profile refuses before computing any digest. */
const REFERENCE_EDITS: readonly [string, (x: string) => string][] = [
  [
    'no Transforms (xml-crypto would fall back to inclusive c14n)',
    (x: string) => x.replace(/<Transforms>.*?<\/Transforms>/, ''),
  ],
  [
    'an InclusiveNamespaces parameter',
    (x: string) =>
      x.replace(
        '<Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>',
        '<Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"><InclusiveNamespaces xmlns="http://www.w3.org/2001/10/xml-exc-c14n#" PrefixList="ep2"/></Transform>',
      ),
  ],
];

/** Edits of the signature container or ds:Signature that break its structure. */
const STRUCTURE_EDITS: readonly [string, (x: string) => string][] = [
  [
    'a second signatureTimestamp in the container',
    (x: string) =>
      x.replace(
        /(<(\w+:)?signatureTimestamp )/,
        '<signatureTimestamp xmlns="urn:hl7finland">x</signatureTimestamp>$1',
      ),
  ],
  [
    'a container without ID',
    (x: string) => x.replace(/<(\w+:)?signature ID="sig_1">/, (_m, p?: string) => `<${p ?? ''}signature>`),
  ],
  [
    'an element inside DigestMethod',
    (x: string) =>
      x.replace(
        /<DigestMethod Algorithm="([^"]+)"\/>/,
        '<DigestMethod Algorithm="$1"><SignatureValue/></DigestMethod>',
      ),
  ],
];

/** Every check a signature goes through, in the order the report lists them. */
const CHECK_ORDER = [
  'placement',
  'structure',
  'type',
  'timestamp',
  'algorithms',
  'references',
  'body',
  'certificate',
  'digests',
  'signature-value',
  'chain',
  'validity',
  'key-usage',
  'signer-identity',
];

/** The document signed with a self-signed certificate, its SignatureValue then altered. */
function tamperedSelfSignedSignature(s: Scenario): string {
  const attacker = s.leaf({ selfSigned: true, serialNumber: '25104559650' });
  const signed = signDocument(s.unsigned, {
    documentId: OWN_PLAN.documentId,
    signatureId: 'sig_1',
    type: 'professional',
    keyPem: attacker.keyPem,
    certPem: attacker.certPem,
    signingTime: new Date(SIGNED_AT),
  });
  return signed.replace(/<SignatureValue>(.)/, (_m, c: string) => `<SignatureValue>${c === 'A' ? 'B' : 'A'}`);
}

describe('profile rules on cryptographically valid signatures', () => {
  it('the default custom signature verifies (the twin of every row below)', () => {
    expect(codesOf(verifyText(s.custom({}), s.ctx()))).toEqual([]);
  });

  it.each(ROWS)('refuses $name with $rule', ({ options, rule }) => {
    const result = verifyText(s.custom(options()), s.ctx());
    expect(codesOf(result)).toContain(RULES[rule].code);
    if (!result.ok) {
      const check = result.signatures[0]?.checks.find((c) => c.rule === RULES[rule]);
      expect(check?.ok).toBe(false);
    }
  });

  it.each(REFERENCE_EDITS)(
    'refuses a reference with %s (SIG_ALGORITHM_NOT_ALLOWED) before any cryptography',
    (_what, edit) => {
      const edited = edit(s.signedPro);
      expect(edited).not.toBe(s.signedPro);
      const result = verifyText(edited, s.ctx());
      expect(codesOf(result)).toEqual([RULES.SIG_ALGORITHM_NOT_ALLOWED.code]);
      expect(result.signatures[0]?.checks.find((c) => c.name === 'digests')?.skipped).toBe(true);
    },
  );

  it.each(STRUCTURE_EDITS)('refuses %s (SIG_STRUCTURE_INVALID)', (_what, edit) => {
    const edited = edit(s.signedPro);
    expect(edited).not.toBe(s.signedPro);
    expect(codesOf(verifyText(edited, s.ctx()))).toContain(RULES.SIG_STRUCTURE_INVALID.code);
  });

  it('an expired certificate is still accepted when it was valid at signing time', () => {
    const cert = s.leaf({
      serialNumber: '25104559650',
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2026-06-01T00:00:00Z'),
    });
    const result = verifyText(s.custom({ cert, timestamp: '2026-05-01T10:00:00Z' }), s.ctx());
    expect(codesOf(result)).toEqual([]);
  });

  it('a professional certificate with digitalSignature as well as nonRepudiation is accepted', () => {
    const cert = s.leaf({
      serialNumber: '25104559650',
      keyUsage: { digitalSignature: true, nonRepudiation: true },
    });
    expect(codesOf(verifyText(s.custom({ cert }), s.ctx()))).toEqual([]);
  });

  it('reports every check of a failing signature, including those it could not run', () => {
    const result = verifyText(s.custom({ signatureAlgorithm: ALG.RSA_SHA1 }), s.ctx());
    const checks = result.signatures[0]?.checks ?? [];
    expect(checks.map((c) => c.name)).toEqual(CHECK_ORDER);
    expect(checks.find((c) => c.name === 'digests')?.skipped).toBe(true);
    expect(checks.find((c) => c.name === 'chain')?.ok).toBe(true);
  });

  it('in lenient mode an untrusted certificate is refused when the signature does not verify', () => {
    const tampered = tamperedSelfSignedSignature(s);
    expect(codesOf(verifyText(tampered, s.ctx('lenient')))).toEqual([
      RULES.SIG_VALUE_INVALID.code,
      RULES.SIG_CERT_UNTRUSTED.code,
    ]);
  });
});
