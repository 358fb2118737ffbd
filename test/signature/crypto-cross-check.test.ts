/**
 * The archive's verifier (signature-crypto.ts: references resolved to known elements, its own exclusive
 * canonicalizer, SHA-256, crypto.verify) against xml-crypto's own checkSignature as the oracle,
 * signature by signature, on the project's own documents, every fixture, tampered twin and wrapping
 * variant, and the real samples where that optional corpus is present: whenever ours
 * accepts, xml-crypto accepts and authenticated exactly the same canonical bytes; both give the same
 * verdict (ok / digest mismatch at the same reference / signature value) everywhere, except where ours is
 * deliberately stricter (listed below) and refuses what xml-crypto would accept.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate, signerKey } from '../../server/signature/certificate-cache.js';
import { locateSignatures } from '../../server/signature/placement.js';
import { checkSignatureCrypto, type CryptoOutcome } from '../../server/signature/signature-crypto.js';
import { readSignatureParts } from '../../server/signature/signature-parts.js';
import { parseDom } from '../../server/xml/dom.js';
import { certificatePem, checkWithXmlCrypto } from '../support/xml-crypto-check.js';
import { KANTA_SAMPLES } from '../support/requirements.js';
import { BODY_ID, corpus } from './support/cross-check-corpus.js';
import { verifyText } from './support/documents.js';
import { createScenario, type Scenario } from './support/scenario.js';

/** Cases where ours refuses and xml-crypto accepts, on purpose: references that are not `#ID`. */
const STRICTER = new Set(['reference to the whole document (URI="")']);

interface Comparison {
  readonly name: string;
  readonly signature: number;
  readonly ours: CryptoOutcome;
  readonly oracle: CryptoOutcome;
}

/**
 * Resolves `#v` the way xml-crypto does with idAttributes ['ID']: the one element with an attribute of
 * local name ID and value v; two such elements throw (xml-crypto refuses them as wrapping).
 */
function xmlCryptoLikeResolver(doc: Document): (uri: string) => Element | undefined {
  return (uri) => {
    const value = uri.slice(1);
    const holders: Element[] = [];
    const walk = (el: Element): void => {
      for (let i = 0; i < el.attributes.length; i++) {
        const a = el.attributes.item(i);
        if (a && (a.localName ?? a.name) === 'ID' && a.value === value) {
          holders.push(el);
          break;
        }
      }
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 1) {
          walk(c as Element);
        }
      }
    };
    if (doc.documentElement) {
      walk(doc.documentElement);
    }
    if (holders.length > 1) {
      throw new Error(`more than one element carries the ID ${value}`);
    }
    return holders[0];
  };
}

function compare(name: string, xml: string): Comparison[] {
  const parsed = parseDom(xml);
  if (!parsed.ok) {
    throw new Error(`${name}: ${parsed.message}`);
  }
  const out: Comparison[] = [];
  locateSignatures(parsed.doc).placed.forEach((placed, signature) => {
    const parts = readSignatureParts(placed);
    const cert = parts.certificates[0];
    if (!cert) {
      return;
    }
    const uris = parts.references.map((r) => r.uri ?? '');
    const key = signerKey(parseCertificate(cert).x509);
    const ours = checkSignatureCrypto(placed.dsSignature, xmlCryptoLikeResolver(parsed.doc), key, uris);
    const oracle = checkWithXmlCrypto(xml, placed.dsSignature, certificatePem(cert), uris);
    out.push({ name, signature, ours, oracle });
  });
  return out;
}

describe('signature-crypto.ts against xml-crypto checkSignature', () => {
  let s: Scenario;
  let results: Comparison[];
  beforeAll(() => {
    s = createScenario();
    results = corpus(s).flatMap(([name, xml]) => compare(name, xml));
  });

  it('hands the archive exactly the body bytes xml-crypto authenticates', () => {
    const verified = verifyText(s.signedPro, s.ctx());
    const oracle = results.find((r) => r.name === 'signed by sign.ts')?.oracle;
    const oracleBody =
      oracle?.kind === 'ok'
        ? oracle.references.find((r) => r.uri === `#${BODY_ID}`)?.canonicalXml
        : undefined;
    expect(verified.ok && verified.signedBodyXml).toBe(oracleBody);
    expect(oracleBody).toMatch(/^<nonXMLBody xmlns="urn:hl7-org:v3"/);
  });

  it('covers own documents, fixtures, tampered twins and wrapping variants with every outcome', () => {
    const kinds = new Set(results.map((r) => r.ours.kind));
    expect([...kinds].sort()).toEqual(['digest', 'error', 'ok', 'value']);
    expect(results.filter((r) => r.name.startsWith('fixture ')).length).toBeGreaterThan(20);
    expect(results.filter((r) => r.name.startsWith('own ')).length).toBe(6);
    expect(results.length).toBeGreaterThan(50);
  });

  it.skipIf(!KANTA_SAMPLES.available)('covers the real samples, each of their signatures', () => {
    expect(results.filter((r) => r.name.startsWith('sample ')).length).toBe(6);
  });

  it('accepts only what xml-crypto accepts, with byte-identical canonical references', () => {
    for (const r of results.filter((x) => x.ours.kind === 'ok')) {
      expect(r.oracle, `${r.name} #${r.signature}`).toEqual(r.ours);
    }
  });

  it('gives the same verdict everywhere except the deliberately stricter cases', () => {
    for (const r of results) {
      const where = `${r.name} #${r.signature}: ours ${JSON.stringify(r.ours)}, xml-crypto ${JSON.stringify(r.oracle)}`;
      if (STRICTER.has(r.name)) {
        expect(r.ours.kind, where).toBe('error');
        continue;
      }
      expect(r.ours.kind, where).toBe(r.oracle.kind);
      if (r.ours.kind === 'digest' && r.oracle.kind === 'digest') {
        expect([r.ours.index, r.ours.uri], where).toEqual([r.oracle.index, r.oracle.uri]);
      }
    }
  });

  it('finds the expected verdicts on the named twins', () => {
    const kindOf = (name: string): string | undefined => results.find((r) => r.name === name)?.ours.kind;
    expect(kindOf('signed by sign.ts')).toBe('ok');
    expect(kindOf('own client plan')).toBe('ok');
    expect(kindOf('own client plan (re-indented)')).toBe('digest');
    expect(kindOf('own client-relationship document')).toBe('ok');
    expect(kindOf('own client-relationship document (re-indented)')).toBe('digest');
    expect(kindOf('tampered body text')).toBe('digest');
    expect(kindOf('tampered SignatureValue')).toBe('value');
    expect(kindOf('certificate swapped')).toBe('value');
    expect(kindOf('comment added inside the body')).toBe('ok');
    expect(kindOf('ds-prefixed signature, enveloped + exc-c14n')).toBe('ok');
    expect(kindOf('body carrying a CanonicalizationMethod/InclusiveNamespaces child')).toBe('ok');
    expect(kindOf('second element with the body ID in ID')).toBe('error');
  });

  it.skipIf(!KANTA_SAMPLES.available)('finds the expected verdicts on the real samples', () => {
    const kindOf = (name: string): string | undefined => results.find((r) => r.name === name)?.ours.kind;
    expect(kindOf('sample cda-asiakassuunnitelma.as-signed.xml')).toBe('ok');
    expect(kindOf('sample cda-asiakassuunnitelma.as-published.xml (re-indented)')).toBe('digest');
  });
});
