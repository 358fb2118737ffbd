/**
 * Documents for the signature tests: the real Kanta samples (optional conformance data, read, never
 * changed; suites reading them skip without KANTA_SAMPLES), the verify contexts that match them, and a
 * low-level signer that can produce signatures the profile forbids (other references, algorithms,
 * containers) for the wrapping tests. The project's own documents are in test/support/own-documents.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignedXml } from 'xml-crypto';
import { XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { ALGORITHMS } from '../../../server/signature/profile.js';
import type { VerifyContext } from '../../../server/signature/signature-types.js';
import { verifyDocumentSignatures } from '../../../server/signature/verify-signatures.js';
import { NS, childElement, descendants, parseDom, pathElement } from '../../../server/xml/dom.js';
import { ownContext } from '../../support/own-documents.js';
import { SAMPLES_DIR } from '../../support/requirements.js';

export function readSample(name: string): string {
  return readFileSync(join(SAMPLES_DIR, name), 'utf8');
}

/** The client plan (SP17): two professional signatures by registration number 25104559650. */
export const CLIENT_PLAN = Object.freeze({
  signed: 'cda-asiakassuunnitelma.as-signed.xml',
  published: 'cda-asiakassuunnitelma.as-published.xml',
  documentId: '1.2.246.10.2012566.95.2026.688883.2655274',
  senderOid: '1.2.246.10.2012566.10.40',
  custodianOid: '1.2.246.10.2012566.10.40',
  headerSignerRegNos: ['25104559650'],
});

/** The client-relationship document (SP1): one system signature by 1.2.246.10.32213561.10.0. */
export const CLIENT_RELATIONSHIP = Object.freeze({
  signed: 'cda-asiakkuusasiakirja.as-signed.xml',
  published: 'cda-asiakkuusasiakirja.as-published.xml',
  documentId: '1.2.246.10.32213561.95777.2026.688883.2809773',
  senderOid: '1.2.246.10.32213561.10.0',
  custodianOid: '1.2.246.10.32213561.10.0',
  headerSignerRegNos: [] as string[],
});

/** A verify context for a document (a real sample or an own one), judged at 2026-11-22T12:00Z. */
export const contextFor = ownContext;

/** Parses and verifies, as the archive does. */
export function verifyText(xml: string, ctx: VerifyContext): ReturnType<typeof verifyDocumentSignatures> {
  const parsed = parseDom(xml);
  if (!parsed.ok) {
    throw new Error(`test document does not parse: ${parsed.message}`);
  }
  return verifyDocumentSignatures(xml, parsed.doc, ctx);
}

/** The rule codes of a failed verification (empty on success). */
export function codesOf(result: ReturnType<typeof verifyDocumentSignatures>): string[] {
  return result.ok ? [] : result.violations.map((v) => v.rule.code);
}

/** The real client plan sample with its signatureCollection removed: an unsigned, compact document. */
export function unsignedClientPlan(): string {
  return mutate(readSample(CLIENT_PLAN.signed), (doc) => {
    for (const c of descendants(doc, NS.HL7FI, 'signatureCollection')) {
      c.parentNode?.removeChild(c);
    }
  });
}

/** Parses, lets `edit` change the DOM, serialises. */
export function mutate(xml: string, edit: (doc: import('@xmldom/xmldom').Document) => void): string {
  const parsed = parseDom(xml);
  if (!parsed.ok) {
    throw new Error(parsed.message);
  }
  edit(parsed.doc);
  return new XMLSerializer().serializeToString(parsed.doc);
}

/** Inserts raw XML just before `</ep2:localSocialHeader>` (or the header's closing tag, whatever prefix). */
export function insertIntoHeader(xml: string, fragment: string): string {
  const at = xml.search(/<\/[A-Za-z0-9_]*:?localSocialHeader>/);
  if (at < 0) {
    throw new Error('no localSocialHeader');
  }
  return xml.slice(0, at) + fragment + xml.slice(at);
}

export interface CustomReference {
  readonly xpath: string;
  readonly emptyUri?: boolean;
  readonly transforms?: string[];
  readonly digest?: string;
}

/**
 * Signs with xml-crypto directly, appending the ds:Signature to the element `locationXpath`: for building
 * signatures the profile must refuse. `xml` must already hold the hl7fi:signature container if one is used.
 */
export function signCustom(
  xml: string,
  opts: {
    keyPem: string;
    certPem: string;
    references: readonly CustomReference[];
    locationXpath: string;
    signatureAlgorithm?: string;
    canonicalization?: string;
  },
): string {
  const sx = new SignedXml({
    privateKey: opts.keyPem,
    publicCert: opts.certPem,
    signatureAlgorithm: opts.signatureAlgorithm ?? ALGORITHMS.RSA_SHA256,
    canonicalizationAlgorithm: opts.canonicalization ?? ALGORITHMS.EXC_C14N,
  });
  sx.idAttributes = ['ID'];
  for (const r of opts.references) {
    sx.addReference({
      xpath: r.xpath,
      transforms: r.transforms ?? [ALGORITHMS.EXC_C14N],
      digestAlgorithm: r.digest ?? ALGORITHMS.SHA256,
      ...(r.emptyUri ? { isEmptyUri: true } : {}),
    });
  }
  sx.computeSignature(xml, { location: { reference: opts.locationXpath, action: 'append' } });
  return sx.getSignedXml();
}

/** An hl7fi:signatureCollection with one container (no ds:Signature yet), as raw XML. */
export function containerXml(opts: {
  id: string;
  code?: string;
  timestampId: string;
  timestamp: string;
}): string {
  return (
    `<signatureCollection xmlns="urn:hl7finland"><signature ID="${opts.id}">` +
    `<signatureDescription code="${opts.code ?? '1'}" codeSystem="1.2.246.537.5.40127.2006"/>` +
    `<signatureTimestamp ID="${opts.timestampId}">${opts.timestamp}</signatureTimestamp>` +
    `</signature></signatureCollection>`
  );
}

/** XPath of an hl7fi:signature by ID, for signCustom's location. */
export function containerXpath(id: string): string {
  return `//*[local-name()='signature' and namespace-uri()='urn:hl7finland' and @ID='${id}']`;
}

/** The CDA's nonXMLBody (the signed body). */
export function bodyOf(doc: Document): Element {
  const el = pathElement(doc, NS.HL7, 'ClinicalDocument', 'component', 'nonXMLBody');
  if (!el) {
    throw new Error('no body');
  }
  return el;
}

/** The CDA's hl7fi:localSocialHeader (where the signatures live). */
export function headerOf(doc: Document): Element {
  const el = doc.documentElement && childElement(doc.documentElement, NS.HL7FI, 'localSocialHeader');
  if (!el) {
    throw new Error('no header');
  }
  return el;
}

/** The attacker's body for wrapping variants: same shape, other content, optionally carrying an ID. */
export function attackerBody(doc: Document, id?: string): Element {
  const fake = doc.createElementNS(NS.HL7, 'nonXMLBody');
  if (id !== undefined) {
    fake.setAttribute('ID', id);
  }
  const text = doc.createElementNS(NS.HL7, 'text');
  text.setAttribute('representation', 'B64');
  text.appendChild(doc.createTextNode(Buffer.from('<p>forged</p>').toString('base64')));
  fake.appendChild(text);
  return fake;
}
