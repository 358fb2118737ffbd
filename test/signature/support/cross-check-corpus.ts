/**
 * The documents the signature cross-check compares the archive's verifier with xml-crypto on: the own
 * documents, the real samples where present, every fixture's CDA, and twins of a freshly signed document,
 * tampered, wrapped or signed in ways the profile does not expect.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { SignedXml } from 'xml-crypto';
import { ALGORITHMS } from '../../../server/signature/profile.js';
import { stripInterTagWhitespace } from '../../../server/signature/whitespace-diagnosis.js';
import { openEnvelope } from '../../../server/wire/envelope.js';
import { extractDocumentPart } from '../../../server/wire/mime.js';
import { parseFrame } from '../../../server/wire/parse-frame.js';
import { NS, childElement, descendants, parseDom } from '../../../server/xml/dom.js';
import { OWN_PLAN, ownDocuments } from '../../support/own-documents.js';
import { KANTA_SAMPLES } from '../../support/requirements.js';
import {
  CLIENT_PLAN,
  CLIENT_RELATIONSHIP,
  containerXml,
  containerXpath,
  insertIntoHeader,
  mutate,
  readSample,
  signCustom,
  bodyOf,
  headerOf,
} from './documents.js';
import { BODY_XPATH, SIGNED_AT, type Scenario } from './scenario.js';

const FIXTURES = new URL('../../../fixtures/documents/', import.meta.url);
/** The ID the own client plan's signature references its body by. */
export const BODY_ID = `OID${OWN_PLAN.documentId}`;

/** A named document to cross-check: [case name, XML]. */
export type CorpusCase = [string, string];

/** Every case, in a fixed order: the documents as found, then the tampered twins, then the signing variants. */
export function corpus(s: Scenario): CorpusCase[] {
  return [...foundDocuments(), ...tamperedTwins(s), ...signingVariants(s)];
}

/** The own documents (as signed and re-indented), the real samples if present, and every fixture's CDA. */
function foundDocuments(): CorpusCase[] {
  const cases: CorpusCase[] = [];
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
  return cases;
}

/** A document signed by sign.ts, then reformatted, tampered with or wrapped after signing. */
function tamperedTwins(s: Scenario): CorpusCase[] {
  const pro = s.signedPro;
  const attacker = s.leaf({ selfSigned: true, serialNumber: '25104559650' });
  return [
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
  ];
}

/** Documents signed with transforms, prefixes or references other than the profile's. */
function signingVariants(s: Scenario): CorpusCase[] {
  return [
    ['enveloped + exc-c14n transforms', s.custom({})],
    ['ds-prefixed signature, exc-c14n', prefixedSignature(s, [ALGORITHMS.EXC_C14N])],
    [
      'ds-prefixed signature, enveloped + exc-c14n',
      prefixedSignature(s, [ALGORITHMS.ENVELOPED, ALGORITHMS.EXC_C14N]),
    ],
    ['body carrying a CanonicalizationMethod/InclusiveNamespaces child', bodyWithInclusiveNamespaces(s)],
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
  ];
}

/** A body that itself carries a CanonicalizationMethod/InclusiveNamespaces child, then signed. */
function bodyWithInclusiveNamespaces(s: Scenario): string {
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
