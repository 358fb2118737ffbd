/**
 * signDocument + verifyDocumentSignatures round trips with a generated CA on the project's own client plan:
 * each signature variant verifies with a trusted chain and no warnings, and its tampered twin fails with
 * the specific rule. Where the real samples are present, also against the real client plan.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../server/rules/catalogue.js';
import { signDocument, type SignOptions } from '../../server/signature/sign.js';
import {
  CLIENT_PLAN,
  codesOf,
  contextFor,
  mutate,
  readSample,
  unsignedClientPlan,
  verifyText,
} from './support/documents.js';
import { AnchorTrust, createCa, issueLeaf, issuePlanSigners, type IssuedCert } from './support/test-ca.js';
import { NS, descendants } from '../../server/xml/dom.js';
import { OWN_PLAN, OWN_PLAN_SIGNATURE_IDS, ownDocuments, ownUnsignedPlan } from '../support/own-documents.js';
import { KANTA_SAMPLES } from '../support/requirements.js';

let ca: IssuedCert;
let professional: IssuedCert;
let system: IssuedCert;
let trust: AnchorTrust;
let unsigned: string;

beforeAll(() => {
  ca = createCa();
  ({ professional, system } = issuePlanSigners(ca, OWN_PLAN.senderOid));
  trust = new AnchorTrust([ca.x509]);
  unsigned = ownUnsignedPlan();
});

const NOW = new Date('2026-11-22T12:00:00Z');
const SIGNED_AT = new Date('2026-11-22T11:00:00.123Z');

function sign(xml: string, over: Partial<SignOptions> & Pick<SignOptions, 'type' | 'signatureId'>): string {
  const cert = over.type === 'system' ? system : professional;
  return signDocument(xml, {
    documentId: OWN_PLAN.documentId,
    keyPem: cert.keyPem,
    certPem: cert.certPem,
    signingTime: SIGNED_AT,
    ...over,
  });
}

const ctx = (mode: 'strict' | 'lenient' = 'strict') => contextFor(OWN_PLAN, trust, mode, { now: NOW });

const VARIANTS: {
  name: string;
  options: Partial<SignOptions> & Pick<SignOptions, 'type' | 'signatureId'>;
}[] = [
  { name: 'professional', options: { type: 'professional', signatureId: 'sig_pro_1' } },
  { name: 'system', options: { type: 'system', signatureId: 'sig_sys_1' } },
  {
    name: 'system, enveloped transform, CDA-aikaleima id',
    options: {
      type: 'system',
      signatureId: 'Epic.HL7Finland.Signature.1',
      envelopedTransform: true,
      timestampIdStyle: 'aikaleima',
    },
  },
];

describe.each(VARIANTS)('sign + verify: $name', ({ options }) => {
  it('verifies in strict mode with a trusted chain and no warnings', () => {
    const result = verifyText(sign(unsigned, options), ctx());
    expect(codesOf(result)).toEqual([]);
    expect(result.ok && result.warnings).toEqual([]);
    expect(result.signatures[0]?.type).toBe(options.type);
    expect(result.signatures[0]?.checks.every((c) => c.ok && c.rule === undefined)).toBe(true);
  });

  it('its tampered twin (one body character changed) fails with SIG_DIGEST_MISMATCH', () => {
    const signed = sign(unsigned, options);
    const at = signed.indexOf('PGRpdiBjbGFz') + 5;
    const tampered = signed.slice(0, at) + (signed[at] === 'A' ? 'B' : 'A') + signed.slice(at + 1);
    expect(codesOf(verifyText(tampered, ctx()))).toEqual([RULES.SIG_DIGEST_MISMATCH.code]);
  });
});

describe('sign: the body it signs', () => {
  it('signs the same body bytes as another signer of the same document', () => {
    const ours = verifyText(sign(unsigned, { type: 'professional', signatureId: 's1' }), ctx());
    const own = verifyText(ownDocuments().plan, contextFor(OWN_PLAN, trust, 'lenient'));
    expect(ours.ok && own.ok).toBe(true);
    if (ours.ok && own.ok) {
      expect(ours.signedBodyXml).toBe(own.signedBodyXml);
    }
  });

  it.skipIf(!KANTA_SAMPLES.available)('signs the same body bytes as the real sample', () => {
    const fromSample = signDocument(unsignedClientPlan(), {
      documentId: CLIENT_PLAN.documentId,
      signatureId: 's1',
      type: 'professional',
      keyPem: professional.keyPem,
      certPem: professional.certPem,
      signingTime: SIGNED_AT,
    });
    const ours = verifyText(fromSample, contextFor(CLIENT_PLAN, trust, 'strict', { now: NOW }));
    const sample = verifyText(readSample(CLIENT_PLAN.signed), contextFor(CLIENT_PLAN, trust, 'lenient'));
    expect(ours.ok && sample.ok).toBe(true);
    if (ours.ok && sample.ok) {
      expect(ours.signedBodyXml).toBe(sample.signedBodyXml);
    }
  });
});

describe('sign: what it writes', () => {
  it('writes the profile: collection, description, UTC timestamp, two references, compact', () => {
    const signed = sign(unsigned, {
      type: 'system',
      signatureId: 'sys1',
      envelopedTransform: true,
      timestampIdStyle: 'aikaleima',
    });
    const at = signed.search(/<(\w+:)?signatureCollection/);
    const collection = signed.slice(at, signed.search(/<\/(\w+:)?signatureCollection>/));
    const has = (needle: string | RegExp): boolean =>
      typeof needle === 'string' ? collection.includes(needle) : needle.test(collection);
    expect(at).toBeGreaterThan(0);
    expect(has(/<(\w+:)?signatureTimestamp ID="CDA-aikaleima.1">2026-11-22T11:00:00.123Z</)).toBe(true);
    expect(has('code="3" displayName="Järjestelmäallekirjoitus" codeSystem="1.2.246.537.5.40127.2006"')).toBe(
      true,
    );
    expect(has(`<Reference URI="#OID${OWN_PLAN.documentId}">`)).toBe(true);
    expect(has('<Reference URI="#CDA-aikaleima.1">')).toBe(true);
    expect(has('<Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>')).toBe(true);
    expect(has(/>\s+</)).toBe(false);
  });

  it('names the professional in the header when asked to', () => {
    const withoutSigner = mutate(unsigned, (doc) => {
      for (const s of descendants(doc, NS.HL7FI, 'assignedAuthorSigner')) {
        const sig = s.parentNode;
        sig?.parentNode?.removeChild(sig);
      }
    });
    expect(withoutSigner).not.toContain('assignedAuthorSigner');
    const signed = sign(withoutSigner, {
      type: 'professional',
      signatureId: 'p1',
      signerRegNo: '25104559650',
    });
    expect(signed).toMatch(/<hl7fi:assignedAuthorSigner>25104559650<\/hl7fi:assignedAuthorSigner>/);
    expect(codesOf(verifyText(signed, ctx()))).toEqual([]);
  });

  it('refuses input that is not a CDA document with a header', () => {
    expect(() =>
      signDocument('<a/>', { documentId: '1.2', signatureId: 's', type: 'system', keyPem: '', certPem: '' }),
    ).toThrow(/localSocialHeader/);
  });
});

describe('sign: further signatures', () => {
  it('adds further signatures after existing ones; all of them verify and sign the same body', () => {
    const once = sign(unsigned, { type: 'professional', signatureId: 'sig_a' });
    const twice = sign(once, { type: 'system', signatureId: 'sig_b', envelopedTransform: true });
    const result = verifyText(twice, ctx());
    expect(codesOf(result)).toEqual([]);
    expect(result.signatures.map((s) => [s.id, s.type])).toEqual([
      ['sig_a', 'professional'],
      ['sig_b', 'system'],
    ]);
  });

  it("adds a signature to another signer's collection without disturbing the signatures already there", () => {
    const added = sign(ownDocuments().plan, { type: 'system', signatureId: 'sig_added' });
    const result = verifyText(added, ctx('lenient'));
    expect(codesOf(result)).toEqual([]);
    expect(result.signatures.map((r) => r.id)).toEqual([...OWN_PLAN_SIGNATURE_IDS, 'sig_added']);
    expect(result.ok && result.warnings.map((w) => w.rule.code)).toEqual([
      RULES.SIG_CERT_UNTRUSTED_ACCEPTED.code,
      RULES.SIG_CERT_UNTRUSTED_ACCEPTED.code,
    ]);
  });

  it.skipIf(!KANTA_SAMPLES.available)(
    "adds a signature to the real sample's collection without disturbing the sample's own",
    () => {
      const sampleSystem = issueLeaf(ca, {
        commonName: 'Asiakastietojärjestelmä',
        serialNumber: CLIENT_PLAN.senderOid,
        keyUsage: { digitalSignature: true, nonRepudiation: true },
      });
      const added = signDocument(readSample(CLIENT_PLAN.signed), {
        documentId: CLIENT_PLAN.documentId,
        signatureId: 'sig_added',
        type: 'system',
        keyPem: sampleSystem.keyPem,
        certPem: sampleSystem.certPem,
        signingTime: SIGNED_AT,
      });
      const result = verifyText(added, contextFor(CLIENT_PLAN, trust, 'lenient', { now: NOW }));
      expect(codesOf(result)).toEqual([]);
      expect(result.signatures.map((r) => r.id)).toEqual([
        'sig_5bada148-2695-11f1-849f-005056805429',
        'sig_e513809e-2695-11f1-849f-005056805429',
        'sig_added',
      ]);
      expect(result.ok && result.warnings.map((w) => w.rule.code)).toEqual([
        RULES.SIG_CERT_UNTRUSTED_ACCEPTED.code,
        RULES.SIG_CERT_UNTRUSTED_ACCEPTED.code,
      ]);
    },
  );
});

describe('sign: tampering after signing', () => {
  it('changing the signing time after signing fails with SIG_DIGEST_MISMATCH on the timestamp reference', () => {
    const signed = sign(unsigned, { type: 'professional', signatureId: 'p2' });
    const tampered = signed.replace('2026-11-22T11:00:00.123Z', '2026-11-22T11:00:01.123Z');
    const result = verifyText(tampered, ctx());
    expect(codesOf(result)).toEqual([RULES.SIG_DIGEST_MISMATCH.code]);
    expect(!result.ok && result.violations[0]?.detail).toContain('#CDA-timestamp.p2');
  });

  it('a changed SignatureValue fails with SIG_VALUE_INVALID', () => {
    const signed = sign(unsigned, { type: 'professional', signatureId: 'p3' });
    const tampered = signed.replace(
      /<SignatureValue>(.)/,
      (_m, c: string) => `<SignatureValue>${c === 'A' ? 'B' : 'A'}`,
    );
    expect(codesOf(verifyText(tampered, ctx()))).toEqual([RULES.SIG_VALUE_INVALID.code]);
  });
});
