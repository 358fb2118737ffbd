/**
 * The project's signer (sign-xmldsig.ts) against the one it replaced, xml-crypto's SignedXml
 * (test/support/xml-crypto-signer.ts): for the same input, key and time they must write the very same
 * bytes, signature by signature, whatever the variant, on the own documents and on the real sample.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { signDocument, signDocumentBy, type SignOptions } from '../../server/signature/sign.js';
import { KantaSimError } from '../../server/errors.js';
import { CLIENT_PLAN, readSample, unsignedClientPlan } from './support/documents.js';
import { createCa, issuePlanSigners, type IssuedCert } from './support/test-ca.js';
import { OWN_PLAN, ownDocuments, ownUnsignedPlan } from '../support/own-documents.js';
import { KANTA_SAMPLES } from '../support/requirements.js';
import { signWithXmlCrypto } from '../support/xml-crypto-signer.js';

let professional: IssuedCert;
let system: IssuedCert;

beforeAll(() => {
  ({ professional, system } = issuePlanSigners(createCa(), OWN_PLAN.senderOid));
});

const SIGNED_AT = new Date('2026-11-22T11:00:00.123Z');

type Variant = Omit<SignOptions, 'documentId' | 'keyPem' | 'certPem' | 'signingTime'>;

function options(documentId: string, v: Variant): SignOptions {
  const cert = v.type === 'system' ? system : professional;
  return { documentId, keyPem: cert.keyPem, certPem: cert.certPem, signingTime: SIGNED_AT, ...v };
}

const VARIANTS: { name: string; signers: Variant[] }[] = [
  {
    name: 'a professional',
    signers: [{ type: 'professional', signatureId: 'p1', signerRegNo: '25104559650' }],
  },
  { name: 'a system', signers: [{ type: 'system', signatureId: 'sig-system-1' }] },
  {
    name: 'a system, enveloped transform, CDA-aikaleima id',
    signers: [
      { type: 'system', signatureId: 'Epic.1', envelopedTransform: true, timestampIdStyle: 'aikaleima' },
    ],
  },
  {
    name: 'two professionals and a system',
    signers: [
      { type: 'professional', signatureId: 'p1', signerRegNo: '25104559650' },
      { type: 'professional', signatureId: 'p2', signerRegNo: '25104559650' },
      { type: 'system', signatureId: 's1', envelopedTransform: true },
    ],
  },
];

function bothWays(xml: string, documentId: string, signers: readonly Variant[]): [string, string] {
  const all = signers.map((v) => options(documentId, v));
  const theirs = all.reduce((doc, o) => signWithXmlCrypto(doc, o), xml);
  return [signDocumentBy(xml, all), theirs];
}

describe.each(VARIANTS)('sign: the bytes SignedXml wrote, $name', ({ signers }) => {
  it('on the own unsigned plan, signed at once and one by one', () => {
    const [ours, theirs] = bothWays(ownUnsignedPlan(), OWN_PLAN.documentId, signers);
    expect(ours).toBe(theirs);
    const oneByOne = signers.reduce(
      (doc, v) => signDocument(doc, options(OWN_PLAN.documentId, v)),
      ownUnsignedPlan(),
    );
    expect(oneByOne).toBe(theirs);
  });

  it('on the own plan that carries two signatures already', () => {
    const [ours, theirs] = bothWays(ownDocuments().plan, OWN_PLAN.documentId, signers);
    expect(ours).toBe(theirs);
  });

  it.skipIf(!KANTA_SAMPLES.available)('on the real sample, unsigned and signed', () => {
    for (const xml of [unsignedClientPlan(), readSample(CLIENT_PLAN.signed)]) {
      const [ours, theirs] = bothWays(xml, CLIENT_PLAN.documentId, signers);
      expect(ours).toBe(theirs);
    }
  });
});

describe('sign: what it refuses', () => {
  const refusal = (xml: string, over: Partial<SignOptions> = {}): KantaSimError | undefined => {
    try {
      signDocument(xml, { ...options(OWN_PLAN.documentId, { type: 'system', signatureId: 's1' }), ...over });
    } catch (e) {
      return e instanceof KantaSimError ? e : undefined;
    }
    return undefined;
  };

  it('a body ID carried twice: the reference would be ambiguous', () => {
    const twice = ownUnsignedPlan().replace('<code ', `<code ID="OID${OWN_PLAN.documentId}" `);
    expect(twice).not.toBe(ownUnsignedPlan());
    expect(refusal(ownUnsignedPlan())).toBeUndefined();
    expect(refusal(twice)?.message).toMatch(/2 elements carry ID="OID/);
  });

  it('a document without the body ID', () => {
    expect(refusal(ownUnsignedPlan(), { documentId: '1.2.3' })?.message).toMatch(
      /0 elements carry ID="OID1.2.3"/,
    );
  });

  it('a key that is not a PEM private key, and a certificate that is not one', () => {
    expect(refusal(ownUnsignedPlan(), { keyPem: 'x' })?.message).toMatch(/private key cannot be read/);
    expect(
      refusal(ownUnsignedPlan(), {
        certPem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
      })?.message,
    ).toMatch(/certificate/);
  });
});
