/**
 * Access to the real Kanta sample messages (shared/interop/kanta-samples, read-only) for the wire, CDA and
 * rule tests. Not a test file itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document, Element } from '@xmldom/xmldom';
import { XMLSerializer } from '@xmldom/xmldom';
import { parseCda } from '../../server/cda/parse-cda.js';
import type { SocialDocument } from '../../server/cda/social-document.js';
import { childElement, NS, parseDom } from '../../server/xml/dom.js';
import { SAMPLES_DIR } from './requirements.js';

/**
 * The real samples are read where the workplace keeps them (KANTA_SAMPLES_DIR, else ../shared beside the
 * repository), exactly as they are: their README forbids changing them, so no copy is kept that could drift.
 * Suites that read them run only where they are: `describe.skipIf(!KANTA_SAMPLES.available)`.
 */
export { KANTA_SAMPLES, SAMPLES_DIR } from './requirements.js';

export const SAMPLE = Object.freeze({
  frameSP17: 'frame-asiakassuunnitelma-SP17.xml',
  frameSP1: 'frame-asiakkuusasiakirja-SP1.xml',
  planPublished: 'cda-asiakassuunnitelma.as-published.xml',
  planSigned: 'cda-asiakassuunnitelma.as-signed.xml',
  relationshipPublished: 'cda-asiakkuusasiakirja.as-published.xml',
  relationshipSigned: 'cda-asiakkuusasiakirja.as-signed.xml',
});

export function sampleText(name: string): string {
  return readFileSync(join(SAMPLES_DIR, name), 'utf8');
}

export function sampleBytes(name: string): Buffer {
  return readFileSync(join(SAMPLES_DIR, name));
}

/** Parses XML text, failing the test on malformed input. */
export function dom(text: string): Document {
  const r = parseDom(text);
  if (!r.ok) {
    throw new Error(`test XML is malformed: ${r.message}`);
  }
  return r.doc;
}

/** Parses a sample CDA into a SocialDocument, failing the test if it does not parse. */
export function sampleDocument(name: string): SocialDocument {
  const r = parseCda(dom(sampleText(name)));
  if (!r.ok) {
    throw new Error(`sample ${name} does not parse: ${r.violations.map((v) => v.rule.code).join(', ')}`);
  }
  return r.document;
}

/** The nonXMLBody of a sample CDA serialised on its own (with its in-scope namespaces). */
export function sampleBodyXml(name: string): string {
  return bodyXml(sampleText(name));
}

/** The nonXMLBody of a CDA text serialised on its own (with its in-scope namespaces). */
export function bodyXml(cdaText: string): string {
  const root = dom(cdaText).documentElement as Element;
  const body = childElement(
    childElement(root, NS.HL7, 'component') as Element,
    NS.HL7,
    'nonXMLBody',
  ) as Element;
  return new XMLSerializer().serializeToString(body);
}
