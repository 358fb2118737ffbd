/**
 * XML signature wrapping and key substitution: each variant keeps a cryptographically valid signature
 * somewhere in the message, and each must be refused with its specific rule.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../server/rules/catalogue.js';
import { signDocument } from '../../server/signature/sign.js';
import { NS, descendants, parseDom } from '../../server/xml/dom.js';
import {
  attackerBody,
  bodyOf,
  codesOf,
  containerXpath,
  headerOf,
  mutate,
  signCustom,
  verifyText,
} from './support/documents.js';
import { BODY_XPATH, SIGNED_AT, createScenario, type Scenario } from './support/scenario.js';
import { OWN_PLAN } from '../support/own-documents.js';
import { issueLeaf } from './support/test-ca.js';

let s: Scenario;
beforeAll(() => {
  s = createScenario();
});

const BODY_ID = `OID${OWN_PLAN.documentId}`;

/** Moves the signed body into an hl7fi extension element and puts the attacker's body in its place. */
function movedBody(xml: string, newBodyId?: string): string {
  return mutate(xml, (doc) => {
    const original = bodyOf(doc);
    const component = original.parentNode as Element;
    const stash = doc.createElementNS(NS.HL7FI, 'hl7fi:extension');
    headerOf(doc).appendChild(stash);
    component.replaceChild(attackerBody(doc, newBodyId), original);
    stash.appendChild(original);
  });
}

/** Where an extra copy of the ds:Signature is put: [where, the element it is appended to]. */
const EXTRA_SIGNATURE_PARENTS: readonly [string, (doc: Document) => Element][] = [
  ['in component', (doc: Document) => bodyOf(doc).parentNode as Element],
  [
    'directly in signatureCollection',
    (doc: Document) => descendants(doc, NS.HL7FI, 'signatureCollection')[0] as Element,
  ],
  [
    'as a second ds:Signature in the same hl7fi:signature',
    (doc: Document) => descendants(doc, NS.HL7FI, 'signatureTimestamp')[0]?.parentNode as Element,
  ],
  ['at the document root', (doc: Document) => doc.documentElement as unknown as Element],
];

/** Moves the only ds:Signature next to the body and removes the now empty signatureCollection. */
function signatureOutsideCollection(xml: string): string {
  return mutate(xml, (doc) => {
    const sig = descendants(doc, NS.DSIG, 'Signature')[0];
    const collection = descendants(doc, NS.HL7FI, 'signatureCollection')[0];
    if (sig && collection) {
      bodyOf(doc).parentNode?.appendChild(sig);
      collection.parentNode?.removeChild(collection);
    }
  });
}

describe('signature wrapping', () => {
  it('the untouched signed document verifies (the twin of every case below)', () => {
    expect(codesOf(verifyText(s.signedPro, s.ctx()))).toEqual([]);
  });

  it('refuses a moved body replaced by an unsigned one (SIG_BODY_ID_INVALID)', () => {
    const result = verifyText(movedBody(s.signedPro), s.ctx());
    expect(codesOf(result)).toEqual([RULES.SIG_BODY_ID_INVALID.code]);
  });

  it('refuses a moved body replaced by one carrying the same ID (SIG_BODY_ID_INVALID)', () => {
    const result = verifyText(movedBody(s.signedPro, BODY_ID), s.ctx());
    expect(codesOf(result)).toEqual([RULES.SIG_BODY_ID_INVALID.code]);
    expect(!result.ok && result.violations[0]?.detail).toContain('also carried by');
  });

  it("xml-crypto's own checkSignature accepts the moved-body document: it alone is not enough", () => {
    const attacked = movedBody(s.signedPro);
    const parsed = parseDom(attacked);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) {
      return;
    }
    const sx = new SignedXml({ publicCert: s.professional.certPem });
    sx.loadSignature(descendants(parsed.doc, NS.DSIG, 'Signature')[0] as unknown as Node);
    expect(sx.checkSignature(attacked)).toBe(true);
    // What a DOM reader would take as the document body is the attacker's:
    expect(bodyOf(parsed.doc).getAttribute('ID')).toBeNull();
    expect(sx.getSignedReferences()[0]).toContain(`ID="${BODY_ID}"`);
  });

  it.each([
    ['ID', BODY_ID],
    ['Id', BODY_ID],
    ['id', BODY_ID],
  ])(
    'refuses a second element carrying the body ID in a %s attribute (SIG_BODY_ID_INVALID)',
    (name, value) => {
      const attacked = mutate(s.signedPro, (doc) => {
        const twin = doc.createElementNS(NS.HL7FI, 'hl7fi:note');
        twin.setAttribute(name, value);
        headerOf(doc).appendChild(twin);
      });
      expect(codesOf(verifyText(attacked, s.ctx()))).toEqual([RULES.SIG_BODY_ID_INVALID.code]);
    },
  );

  it('refuses a second element carrying the timestamp ID (SIG_BODY_ID_INVALID)', () => {
    const attacked = mutate(s.signedPro, (doc) => {
      const twin = doc.createElementNS(NS.HL7, 'note');
      twin.setAttribute('ID', 'CDA-timestamp.sig_1');
      bodyOf(doc).parentNode?.appendChild(twin);
    });
    expect(codesOf(verifyText(attacked, s.ctx()))).toEqual([RULES.SIG_BODY_ID_INVALID.code]);
  });

  it.each(EXTRA_SIGNATURE_PARENTS)('refuses an extra ds:Signature %s (SIG_PLACEMENT)', (_where, parentOf) => {
    const attacked = mutate(s.signedPro, (doc) => {
      const copy = descendants(doc, NS.DSIG, 'Signature')[0]?.cloneNode(true);
      if (copy) {
        parentOf(doc).appendChild(copy);
      }
    });
    const result = verifyText(attacked, s.ctx());
    expect(codesOf(result)).toEqual([RULES.SIG_PLACEMENT.code]);
    expect(!result.ok && result.violations[0]?.location).toMatch(/ds:Signature(\[2\])?$/);
  });

  it('refuses a document whose only signature sits outside the collection (SIG_PLACEMENT)', () => {
    const attacked = signatureOutsideCollection(s.signedPro);
    expect(codesOf(verifyText(attacked, s.ctx()))).toEqual([RULES.SIG_PLACEMENT.code]);
  });

  it('refuses a document without any signature (SIG_MISSING)', () => {
    expect(codesOf(verifyText(s.unsigned, s.ctx()))).toEqual([RULES.SIG_MISSING.code]);
  });
});

describe('key substitution', () => {
  it("refuses an attacker's re-signed document with a self-signed certificate in strict mode", () => {
    const attacker = s.leaf({
      selfSigned: true,
      serialNumber: '25104559650',
      commonName: 'Johansson Angelica 25104559650',
    });
    const forged = mutate(s.unsigned, (doc) => {
      const b = bodyOf(doc);
      b.parentNode?.replaceChild(attackerBody(doc, BODY_ID), b);
    });
    const resigned = signDocument(forged, {
      documentId: OWN_PLAN.documentId,
      signatureId: 'sig_1',
      type: 'professional',
      keyPem: attacker.keyPem,
      certPem: attacker.certPem,
      signingTime: new Date(SIGNED_AT),
    });
    expect(codesOf(verifyText(resigned, s.ctx('strict')))).toEqual([RULES.SIG_CERT_UNTRUSTED.code]);
    const lenient = verifyText(resigned, s.ctx('lenient'));
    expect(lenient.ok && lenient.warnings.map((w) => w.rule)).toEqual([RULES.SIG_CERT_UNTRUSTED_ACCEPTED]);
  });

  it('refuses a certificate from another CA with the right names (SIG_CERT_UNTRUSTED)', () => {
    const otherCa = issueLeaf(undefined, { commonName: 'other CA', keyUsage: {} });
    const signedByOther = signDocument(s.unsigned, {
      documentId: OWN_PLAN.documentId,
      signatureId: 'sig_1',
      type: 'professional',
      ...(() => {
        const c = issueLeaf(otherCa, {
          commonName: 'x',
          serialNumber: '25104559650',
          keyUsage: { nonRepudiation: true },
        });
        return { keyPem: c.keyPem, certPem: c.certPem };
      })(),
      signingTime: new Date(SIGNED_AT),
    });
    expect(codesOf(verifyText(signedByOther, s.ctx('strict')))).toEqual([RULES.SIG_CERT_UNTRUSTED.code]);
  });

  it("refuses a genuine signature whose KeyInfo certificate was swapped for the attacker's", () => {
    const attacker = s.leaf({ selfSigned: true, serialNumber: '25104559650' });
    const b64 = attacker.certPem.replace(/-----[A-Z ]+-----|\s/g, '');
    const swapped = s.signedPro.replace(
      /<X509Certificate>[^<]+<\/X509Certificate>/,
      `<X509Certificate>${b64}</X509Certificate>`,
    );
    const codes = codesOf(verifyText(swapped, s.ctx('lenient')));
    expect(codes).toContain(RULES.SIG_VALUE_INVALID.code);
    expect(codes).toContain(RULES.SIG_CERT_UNTRUSTED.code);
  });
});

describe('references', () => {
  it("refuses a second signature that signs the first signature's timestamp (SIG_REFERENCE_INVALID)", () => {
    const withSecond = s.signedPro.replace(
      /<\/(\w+:)?signatureCollection>/,
      (close) =>
        `<signature xmlns="urn:hl7finland" ID="sig_2"><signatureDescription code="3" codeSystem="1.2.246.537.5.40127.2006"/>` +
        `<signatureTimestamp ID="CDA-timestamp.sig_2">${SIGNED_AT}</signatureTimestamp></signature>${close}`,
    );
    const attacked = signCustom(withSecond, {
      keyPem: s.system.keyPem,
      certPem: s.system.certPem,
      references: [{ xpath: BODY_XPATH }, { xpath: "//*[@ID='CDA-timestamp.sig_1']" }],
      locationXpath: containerXpath('sig_2'),
    });
    const result = verifyText(attacked, s.ctx());
    expect(codesOf(result)).toEqual([RULES.SIG_REFERENCE_INVALID.code, RULES.SIG_REFERENCE_INVALID.code]);
    expect(result.signatures[0]?.checks.every((c) => c.ok)).toBe(true);
  });

  it.each([
    [
      'the whole document (URI="")',
      (ts: string) => [
        {
          xpath: '/*',
          emptyUri: true,
          transforms: [
            'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
            'http://www.w3.org/2001/10/xml-exc-c14n#',
          ],
        },
        { xpath: `//*[@ID='${ts}']` },
      ],
    ],
    ['the body only', () => [{ xpath: BODY_XPATH }]],
    [
      'a third element',
      (ts: string) => [
        { xpath: BODY_XPATH },
        { xpath: `//*[@ID='${ts}']` },
        { xpath: "//*[local-name()='signature' and @ID='sig_x']/*[local-name()='signatureDescription']" },
      ],
    ],
    ['the body twice', () => [{ xpath: BODY_XPATH }, { xpath: BODY_XPATH }]],
  ])('refuses references to %s (SIG_REFERENCE_INVALID)', (_what, references) => {
    const attacked = s.custom({ references });
    expect(codesOf(verifyText(attacked, s.ctx()))).toContain(RULES.SIG_REFERENCE_INVALID.code);
  });

  it('refuses a timestamp ID that could inject into an XPath (SIG_TIMESTAMP_INVALID)', () => {
    const attacked = s.signedPro.replaceAll('CDA-timestamp.sig_1', "CDA-timestamp.sig_1' or '1'='1");
    const codes = codesOf(verifyText(attacked, s.ctx()));
    expect(codes).toContain(RULES.SIG_TIMESTAMP_INVALID.code);
    expect(codes).not.toContain(RULES.SIG_VALUE_INVALID.code);
  });

  it('refuses a body ID that is not OID + this document id (SIG_BODY_ID_INVALID)', () => {
    const codes = codesOf(
      verifyText(s.signedPro, s.ctx('strict', { documentId: '1.2.246.10.2012566.95.2026.1.1' })),
    );
    expect(codes).toContain(RULES.SIG_BODY_ID_INVALID.code);
    expect(codes).toContain(RULES.SIG_REFERENCE_INVALID.code);
  });

  it('refuses extra children in ds:Signature such as ds:Object (SIG_STRUCTURE_INVALID)', () => {
    const attacked = mutate(s.signedPro, (doc) => {
      const sig = descendants(doc, NS.DSIG, 'Signature')[0];
      sig?.appendChild(doc.createElementNS(NS.DSIG, 'Object'));
    });
    expect(codesOf(verifyText(attacked, s.ctx()))).toEqual([RULES.SIG_STRUCTURE_INVALID.code]);
  });
});
