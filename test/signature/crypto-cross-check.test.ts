/**
 * The archive's verifier (signature-crypto.ts: references resolved to known elements, its own exclusive
 * canonicalizer, SHA-256, crypto.verify) against xml-crypto's own checkSignature as the oracle,
 * signature by signature, on the project's own documents, every fixture, tampered twin and wrapping
 * variant, and the real samples where that optional corpus is present: whenever ours
 * accepts, xml-crypto accepts and authenticated exactly the same canonical bytes; both give the same
 * verdict (ok / digest mismatch at the same reference / signature value) everywhere, except where ours is
 * deliberately stricter (listed below) and refuses what xml-crypto would accept.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Document, Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate, signerKey } from '../../server/signature/certificate-cache.js';
import { locateSignatures } from '../../server/signature/placement.js';
import { ALGORITHMS } from '../../server/signature/profile.js';
import { checkSignatureCrypto, type CryptoOutcome } from '../../server/signature/signature-crypto.js';
import { readSignatureParts } from '../../server/signature/signature-parts.js';
import { stripInterTagWhitespace } from '../../server/signature/whitespace-diagnosis.js';
import { certificatePem, checkWithXmlCrypto } from '../support/xml-crypto-check.js';
import { openEnvelope } from '../../server/wire/envelope.js';
import { extractDocumentPart } from '../../server/wire/mime.js';
import { parseFrame } from '../../server/wire/parse-frame.js';
import { NS, childElement, descendants, parseDom } from '../../server/xml/dom.js';
import {
  CLIENT_PLAN,
  CLIENT_RELATIONSHIP,
  containerXml,
  containerXpath,
  insertIntoHeader,
  mutate,
  readSample,
  signCustom,
  verifyText,
  bodyOf,
  headerOf,
} from './support/documents.js';
import { BODY_XPATH, SIGNED_AT, createScenario, type Scenario } from './support/scenario.js';
import { OWN_PLAN, ownDocuments } from '../support/own-documents.js';
import { KANTA_SAMPLES } from '../support/requirements.js';

const FIXTURES = new URL('../../fixtures/documents/', import.meta.url);
const BODY_ID = `OID${OWN_PLAN.documentId}`;

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

/** The CDA inside a fixture message (undefined for messages that carry none, e.g. malformed ones). */
function cdaOfMessage(xml: string): string | undefined {
  const parsed = parseDom(xml);
  const opened = parsed.ok ? openEnvelope(parsed.doc) : undefined;
  const frame = opened?.ok ? parseFrame(opened.message) : undefined;
  const copy = frame?.document;
  if (!copy?.text || !copy.id) {
    return undefined;
  }
  const part = extractDocumentPart(copy.text, copy.id);
  return part.ok ? part.bytes.toString('utf8') : undefined;
}

/** Signs the scenario's unsigned document with xml-crypto directly, with a ds: prefix. */
function prefixedSignature(s: Scenario, transforms: string[]): string {
  const withContainer = insertIntoHeader(
    s.unsigned,
    containerXml({ id: 'sig_p', timestampId: 'CDA-timestamp.sig_p', timestamp: SIGNED_AT }),
  );
  const sx = new SignedXml({
    privateKey: s.professional.keyPem,
    publicCert: s.professional.certPem,
    signatureAlgorithm: ALGORITHMS.RSA_SHA256,
    canonicalizationAlgorithm: ALGORITHMS.EXC_C14N,
  });
  sx.idAttributes = ['ID'];
  for (const xpath of [BODY_XPATH, "//*[@ID='CDA-timestamp.sig_p']"]) {
    sx.addReference({ xpath, transforms, digestAlgorithm: ALGORITHMS.SHA256 });
  }
  sx.computeSignature(withContainer, {
    prefix: 'ds',
    location: { reference: containerXpath('sig_p'), action: 'append' },
  });
  return sx.getSignedXml();
}

/** A signed document pretty-printed after signing, as the real samples were published. */
function reindented(xml: string): string {
  return xml.replace(/></g, '>\r\n\t<');
}

function corpus(s: Scenario): [string, string][] {
  const cases: [string, string][] = [];
  const own = ownDocuments();
  for (const [name, xml] of [
    ['own client plan', own.plan],
    ['own client-relationship document', own.relationship],
  ] as const) {
    cases.push([name, xml]);
    cases.push([`${name} (re-indented)`, reindented(xml)]);
  }
  if (KANTA_SAMPLES.available) {
    for (const info of [CLIENT_PLAN, CLIENT_RELATIONSHIP]) {
      cases.push([`sample ${info.signed}`, readSample(info.signed)]);
      cases.push([`sample ${info.published} (re-indented)`, readSample(info.published)]);
    }
  }
  for (const file of readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.xml'))
    .sort()) {
    const text = readFileSync(new URL(file, FIXTURES), 'utf8');
    const cda = file.endsWith('.cda.xml') ? text : cdaOfMessage(text);
    if (cda !== undefined) {
      cases.push([`fixture ${file}`, cda]);
    }
  }
  const pro = s.signedPro;
  const attacker = s.leaf({ selfSigned: true, serialNumber: '25104559650' });
  cases.push(
    ['signed by sign.ts', pro],
    ['whitespace stripped', stripInterTagWhitespace(pro)],
    ['re-indented after signing', pro.replace(/></g, '>\n  <')],
    [
      'tampered body text',
      mutate(pro, (doc) => {
        const text = childElement(bodyOf(doc), NS.HL7, 'text');
        if (text?.firstChild) {
          text.replaceChild(doc.createTextNode(Buffer.from('<p>x</p>').toString('base64')), text.firstChild);
        }
      }),
    ],
    ['tampered body attribute', mutate(pro, (doc) => bodyOf(doc).setAttribute('classCode', 'DOCBODY'))],
    ['tampered timestamp', pro.replace(SIGNED_AT, '2026-11-22T10:00:00.000Z')],
    ['comment added inside the body', mutate(pro, (doc) => bodyOf(doc).appendChild(doc.createComment('x')))],
    ['tampered DigestValue', pro.replace(/<DigestValue>[A-Za-z0-9+/]/, '<DigestValue>A')],
    [
      'tampered SignatureValue',
      pro.replace(/<SignatureValue>([A-Za-z0-9+/])([A-Za-z0-9+/])/, '<SignatureValue>$2$1'),
    ],
    [
      'certificate swapped',
      pro.replace(
        /<X509Certificate>[^<]+<\/X509Certificate>/,
        `<X509Certificate>${attacker.certPem.replace(/-----[A-Z ]+-----|\s/g, '')}</X509Certificate>`,
      ),
    ],
    [
      'moved body replaced by an unsigned one',
      mutate(pro, (doc) => {
        const original = bodyOf(doc);
        const fake = doc.createElementNS(NS.HL7, 'nonXMLBody');
        const stash = doc.createElementNS(NS.HL7FI, 'hl7fi:extension');
        headerOf(doc).appendChild(stash);
        original.parentNode?.replaceChild(fake, original);
        stash.appendChild(original);
      }),
    ],
    ...(['ID', 'Id', 'id'] as const).map((attr): [string, string] => [
      `second element with the body ID in ${attr}`,
      mutate(pro, (doc) => {
        const twin = doc.createElementNS(NS.HL7FI, 'hl7fi:note');
        twin.setAttribute(attr, BODY_ID);
        headerOf(doc).appendChild(twin);
      }),
    ]),
    [
      'extra copy of the ds:Signature in component',
      mutate(pro, (doc) => {
        const copy = descendants(doc, NS.DSIG, 'Signature')[0]?.cloneNode(true);
        if (copy) {
          bodyOf(doc).parentNode?.appendChild(copy);
        }
      }),
    ],
    ['enveloped + exc-c14n transforms', s.custom({})],
    ['ds-prefixed signature, exc-c14n', prefixedSignature(s, [ALGORITHMS.EXC_C14N])],
    [
      'ds-prefixed signature, enveloped + exc-c14n',
      prefixedSignature(s, [ALGORITHMS.ENVELOPED, ALGORITHMS.EXC_C14N]),
    ],
    [
      'body carrying a CanonicalizationMethod/InclusiveNamespaces child',
      (() => {
        const unsigned = mutate(s.unsigned, (doc) => {
          const cm = doc.createElementNS(NS.DSIG, 'ds:CanonicalizationMethod');
          const inc = doc.createElementNS(ALGORITHMS.EXC_C14N, 'ec:InclusiveNamespaces');
          inc.setAttribute('PrefixList', 'hl7fi');
          cm.appendChild(inc);
          bodyOf(doc).appendChild(cm);
        });
        const withContainer = insertIntoHeader(
          unsigned,
          containerXml({ id: 'sig_q', timestampId: 'CDA-timestamp.sig_q', timestamp: SIGNED_AT }),
        );
        return signCustom(withContainer, {
          keyPem: s.professional.keyPem,
          certPem: s.professional.certPem,
          references: [{ xpath: BODY_XPATH }, { xpath: "//*[@ID='CDA-timestamp.sig_q']" }],
          locationXpath: containerXpath('sig_q'),
        });
      })(),
    ],
    [
      'reference to the whole document (URI="")',
      s.custom({
        references: (ts) => [
          { xpath: '/*', emptyUri: true, transforms: [ALGORITHMS.ENVELOPED, ALGORITHMS.EXC_C14N] },
          { xpath: `//*[@ID='${ts}']` },
        ],
      }),
    ],
    ['references to the body only', s.custom({ references: () => [{ xpath: BODY_XPATH }] })],
    [
      'a reference to a third element',
      s.custom({
        references: (ts) => [
          { xpath: BODY_XPATH },
          { xpath: `//*[@ID='${ts}']` },
          { xpath: "//*[local-name()='signature' and @ID='sig_x']/*[local-name()='signatureDescription']" },
        ],
      }),
    ],
    [
      'the body referenced twice',
      s.custom({ references: () => [{ xpath: BODY_XPATH }, { xpath: BODY_XPATH }] }),
    ],
  );
  return cases;
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
