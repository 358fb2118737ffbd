/**
 * Unit tests of the small pieces: certificate facts, UTC signing times, the whitespace diagnosis and the
 * xml-crypto wrapper's mapping of its failure modes.
 */
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeCertificate, type CertificateInfo } from '../../server/pki/cert-info.js';
import { parseCertificate } from '../../server/signature/certificate-cache.js';
import { locateSignatures } from '../../server/signature/placement.js';
import { certificatePem, checkWithXmlCrypto } from '../support/xml-crypto-check.js';
import { parseDom } from '../../server/xml/dom.js';
import { parseUtcDateTime } from '../../server/signature/signing-time.js';
import {
  stripInterTagWhitespace,
  verifiesOnceWhitespaceRemoved,
} from '../../server/signature/whitespace-diagnosis.js';
import { CLIENT_PLAN, CLIENT_RELATIONSHIP, readSample } from './support/documents.js';
import { createCa, issueLeaf } from './support/test-ca.js';
import { OWN_PARTIES, OWN_PROFESSIONAL, OWN_RELATIONSHIP, ownDocuments } from '../support/own-documents.js';
import { KANTA_SAMPLES } from '../support/requirements.js';

/** The first KeyInfo certificate of a signed document's text. */
function firstCert(xml: string): X509Certificate {
  const b64 = /<X509Certificate>([^<]+)</.exec(xml)?.[1] ?? '';
  return new X509Certificate(Buffer.from(b64, 'base64'));
}

function sampleCert(name: string): X509Certificate {
  return firstCert(readSample(name));
}

/** The certificate facts the signature profile decides on: subject serialNumber and keyUsage bits set. */
function readCertFacts(cert: X509Certificate): { subjectSerialNumber?: string; keyUsage?: string[] } {
  const info: CertificateInfo = describeCertificate(cert);
  const bits = info.keyUsage;
  return {
    ...(info.subjectSerialNumber === undefined ? {} : { subjectSerialNumber: info.subjectSerialNumber }),
    ...(bits === undefined ? {} : { keyUsage: Object.entries(bits).flatMap(([n, on]) => (on ? [n] : [])) }),
  };
}

describe('the certificate facts the profile reads (pki describeCertificate)', () => {
  it('reads a service certificate from KeyInfo: organisation OID, digitalSignature + nonRepudiation', () => {
    const facts = readCertFacts(firstCert(ownDocuments().relationship));
    expect(facts.subjectSerialNumber).toBe(OWN_PARTIES.relationshipOrganiser.oid);
    expect([...(facts.keyUsage ?? [])].sort()).toEqual(['digitalSignature', 'nonRepudiation']);
  });

  it('reads a professional certificate from KeyInfo: registration number, nonRepudiation only', () => {
    const facts = readCertFacts(firstCert(ownDocuments().plan));
    expect(facts.subjectSerialNumber).toBe(OWN_PROFESSIONAL.regNo);
    expect([...(facts.keyUsage ?? [])]).toEqual(['nonRepudiation']);
  });

  it.skipIf(!KANTA_SAMPLES.available)(
    'reads the DVV TEST service certificate: organisation OID, digitalSignature + nonRepudiation',
    () => {
      const facts = readCertFacts(sampleCert(CLIENT_RELATIONSHIP.signed));
      expect(facts.subjectSerialNumber).toBe('1.2.246.10.32213561.10.0');
      expect([...(facts.keyUsage ?? [])].sort()).toEqual(['digitalSignature', 'nonRepudiation']);
    },
  );

  it.skipIf(!KANTA_SAMPLES.available)(
    'reads the DVV TEST professional certificate: registration number, nonRepudiation only',
    () => {
      const facts = readCertFacts(sampleCert(CLIENT_PLAN.signed));
      expect(facts.subjectSerialNumber).toBe('25104559650');
      expect([...(facts.keyUsage ?? [])]).toEqual(['nonRepudiation']);
    },
  );

  it('reads a CA certificate and reports absent attributes as undefined', () => {
    const ca = createCa();
    const facts = readCertFacts(ca.x509);
    expect(facts.subjectSerialNumber).toBeUndefined();
    expect([...(facts.keyUsage ?? [])].sort()).toEqual(['cRLSign', 'keyCertSign']);
    const leaf = issueLeaf(ca, { commonName: 'x', serialNumber: '123', keyUsage: { keyEncipherment: true } });
    expect(readCertFacts(leaf.x509)).toEqual({
      subjectSerialNumber: '123',
      keyUsage: ['keyEncipherment'],
    });
  });

  it('throws (for SIG_CERT_INVALID) on truncated DER instead of reading past it', () => {
    const raw = firstCert(ownDocuments().plan).raw;
    expect(() => parseCertificate(raw.subarray(0, 200).toString('base64'))).toThrow();
  });
});

describe('parseUtcDateTime', () => {
  it.each([
    ['2026-07-17T10:06:56.4257383Z', '2026-07-17T10:06:56.425Z'],
    ['2026-03-23T08:54:26.076175Z', '2026-03-23T08:54:26.076Z'],
    ['2026-03-23T08:54:26Z', '2026-03-23T08:54:26.000Z'],
    ['2026-03-23T08:54:26+00:00', '2026-03-23T08:54:26.000Z'],
  ])('accepts %s', (text, iso) => {
    expect(parseUtcDateTime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2026-03-23T08:54:26',
    '2026-03-23T10:54:26+02:00',
    '2026-13-01T00:00:00Z',
    '2026-02-29T00:00:00Z',
    '',
    'now',
  ])('refuses %j', (text) => {
    expect(parseUtcDateTime(text)).toBeUndefined();
  });
});

describe('whitespace diagnosis', () => {
  it('removes whitespace-only text between tags and nothing else', () => {
    expect(stripInterTagWhitespace('<a>\r\n\t<b> x </b>\n</a>')).toBe('<a><b> x </b></a>');
  });

  it('answers false when there is nothing to diagnose', () => {
    expect(verifiesOnceWhitespaceRemoved(ownDocuments().plan, [])).toBe(false);
  });
});

/**
 * The client-relationship documents, own and (where present) real: one system signature with the
 * enveloped transform and `#CDA-aikaleima.1`. The real sender lists the timestamp reference first,
 * sign.ts the body first; `bodyAt` says where the body reference is.
 */
const RELATIONSHIPS = [
  {
    name: 'the own client-relationship document',
    available: true,
    xml: () => ownDocuments().relationship,
    uris: [`#OID${OWN_RELATIONSHIP.documentId}`, '#CDA-aikaleima.1'],
    bodyAt: 0,
  },
  {
    name: 'the real client-relationship sample',
    available: KANTA_SAMPLES.available,
    xml: () => readSample(CLIENT_RELATIONSHIP.signed),
    uris: ['#CDA-aikaleima.1', `#OID${CLIENT_RELATIONSHIP.documentId}`],
    bodyAt: 1,
  },
];

describe.each(RELATIONSHIPS)('checkWithXmlCrypto on $name', ({ available, xml: text, uris, bodyAt }) => {
  const xml = available ? text() : '';
  const parsed = parseDom(xml);
  const placed = parsed.ok ? locateSignatures(parsed.doc).placed[0] : undefined;
  const b64 = /<X509Certificate>([^<]+)</.exec(xml)?.[1] ?? '';

  it.skipIf(!available)('returns the authenticated canonical XML per reference', () => {
    const outcome = placed && checkWithXmlCrypto(xml, placed.dsSignature, certificatePem(b64), uris);
    expect(outcome?.kind).toBe('ok');
    if (outcome?.kind === 'ok') {
      expect(outcome.references.map((r) => r.uri)).toEqual(uris);
      expect(outcome.references[bodyAt]?.canonicalXml.startsWith('<nonXMLBody xmlns="urn:hl7-org:v3"')).toBe(
        true,
      );
    }
  });

  it.skipIf(!available)(
    'maps a wrong key to "value" and refuses when xml-crypto reads other references than expected',
    () => {
      const other = createCa();
      expect(placed && checkWithXmlCrypto(xml, placed.dsSignature, other.certPem, uris).kind).toBe('value');
      expect(
        placed && checkWithXmlCrypto(xml, placed.dsSignature, certificatePem(b64), [...uris].reverse()).kind,
      ).toBe('error');
    },
  );
});
