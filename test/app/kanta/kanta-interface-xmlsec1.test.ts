/**
 * Interoperability with an independent XML-DSig implementation: documents signed by xmlsec1 (libxmlsec)
 * from the committed template are archived, and kanta-sim's own signatures verify under xmlsec1. Skipped
 * where xmlsec1 is missing (the global setup says so); CI installs it and refuses to skip.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMessage, type MessageKind } from '../../support/message-builder.js';
import { expectArchived, expectRefused } from '../../support/refusals.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';
import { RULES } from '../../../server/rules/catalogue.js';
import { XMLSEC1, XMLSEC1_COMMAND } from '../../support/requirements.js';

const TEMPLATE = new URL('../../../fixtures/xmlsec1/kanta-signature-template.xml', import.meta.url);
const ID_ATTRS = [
  '--id-attr:ID',
  'urn:hl7-org:v3:nonXMLBody',
  '--id-attr:ID',
  'urn:hl7finland:signatureTimestamp',
];

let sim: KantaSimInstance | undefined;
let work = '';
let template = '';
let files = 0;

function running(): KantaSimInstance {
  if (!sim) {
    throw new Error('kanta-sim did not start');
  }
  return sim;
}

function tempFile(name: string, content?: string): string {
  files += 1;
  const file = path.join(work, `${files}-${name}`);
  if (content !== undefined) {
    writeFileSync(file, content);
  }
  return file;
}

/** Puts the template signature into the CDA's signatureCollection (creating it) and has xmlsec1 sign it. */
function signWithXmlsec1(cda: string, documentId: string): string {
  const signatureId = 'sig-xmlsec1-1';
  const container = template
    .replaceAll('{{SIGNATURE_ID}}', signatureId)
    .replaceAll('{{DOCUMENT_ID}}', documentId)
    .replaceAll('{{SIGNING_TIME}}', new Date().toISOString());
  const withTemplate = cda.includes('</hl7fi:signatureCollection>')
    ? cda.replace('</hl7fi:signatureCollection>', `${container}</hl7fi:signatureCollection>`)
    : cda.replace(
        '</hl7fi:localSocialHeader>',
        `<hl7fi:signatureCollection>${container}</hl7fi:signatureCollection></hl7fi:localSocialHeader>`,
      );
  expect(withTemplate).not.toBe(cda);
  const organiser = running().demo.organiser;
  const output = tempFile('signed.xml');
  execFileSync(
    XMLSEC1_COMMAND,
    [
      '--sign',
      ...ID_ATTRS,
      // only the template: a document may already carry signatures that must stay as they are
      '--node-xpath',
      `//*[local-name()='signature' and @ID='${signatureId}']/*[local-name()='Signature']`,
      '--privkey-pem',
      `${organiser.paths.signingKey},${organiser.paths.signingCert}`,
      '--output',
      output,
      tempFile('unsigned.xml', withTemplate),
    ],
    { stdio: 'pipe' },
  );
  return readFileSync(output, 'utf8');
}

/** xmlsec1 --verify of the n-th ds:Signature; the certificate is taken from KeyInfo. */
function xmlsec1Verifies(cda: string, n: number): boolean {
  try {
    execFileSync(
      XMLSEC1_COMMAND,
      [
        '--verify',
        '--insecure',
        '--enabled-key-data',
        'x509',
        ...ID_ATTRS,
        '--node-xpath',
        `(//*[local-name()='Signature' and namespace-uri()='http://www.w3.org/2000/09/xmldsig#'])[${n}]`,
        tempFile('verify.xml', cda),
      ],
      { stdio: 'pipe' },
    );
    return true;
  } catch {
    return false;
  }
}

/** The template, a scratch directory for xmlsec1's files, and a kanta-sim to send to. */
async function setUp(): Promise<void> {
  template = readFileSync(TEMPLATE, 'utf8').trim();
  work = mkdtempSync(path.join(os.tmpdir(), 'kanta-sim-xmlsec1-'));
  sim = await startKantaSim();
}

async function tearDown(): Promise<void> {
  await sim?.stop();
  if (work) {
    rmSync(work, { recursive: true, force: true });
  }
}

describe.skipIf(!XMLSEC1.available)('xmlsec1 interoperability', () => {
  beforeAll(setUp);
  afterAll(tearDown);
  describe('xmlsec1 as the signer', () => {
    it.each<[string, MessageKind]>([
      ['a client-relationship document (SP1) with only the xmlsec1 system signature', 'clientRelationship'],
      [
        "a client plan (SP17) with kanta-sim's professional signature and xmlsec1's system signature",
        'clientPlan',
      ],
    ])('archives %s: AA', async (_what, kind) => {
      const s = running();
      const m = buildMessage(s.demo, {
        kind,
        system: null,
        cda: (cda) => signWithXmlsec1(cda, /<id root="([^"]+)"/.exec(cda)?.[1] ?? ''),
      });
      expect(/<ds:SignatureValue>[^<]+</.test(m.cdaXml)).toBe(true);
      const signatures = kind === 'clientPlan' ? [1, 2] : [1];
      expect(signatures.map((n) => xmlsec1Verifies(m.cdaXml, n))).toEqual(signatures.map(() => true));
      await expectArchived(s, m.messageXml);
    });

    it('refuses the xmlsec1-signed document after a one-character change in the body (SIG_DIGEST_MISMATCH)', async () => {
      const s = running();
      const m = buildMessage(s.demo, {
        kind: 'clientRelationship',
        system: null,
        cda: (cda) =>
          signWithXmlsec1(cda, /<id root="([^"]+)"/.exec(cda)?.[1] ?? '').replace(
            /(representation="B64"[^>]*>)(.)/,
            (_m, open: string, c: string) => open + (c === 'P' ? 'Q' : 'P'),
          ),
      });
      await expectRefused(s, m.messageXml, RULES.SIG_DIGEST_MISMATCH);
    });
  });

  describe('xmlsec1 as the verifier', () => {
    it("verifies every signature kanta-sim's signer makes", () => {
      const m = buildMessage(running().demo, { kind: 'clientPlan' });
      expect([xmlsec1Verifies(m.cdaXml, 1), xmlsec1Verifies(m.cdaXml, 2)]).toEqual([true, true]);
      const tampered = m.cdaXml.replace(
        /(representation="B64"[^>]*>)(.)/,
        (_m, o: string, c: string) => o + (c === 'P' ? 'Q' : 'P'),
      );
      expect(xmlsec1Verifies(tampered, 1)).toBe(false);
    });
  });

  describe('xmlsec1 as the signer of what exclusive c14n treats specially', () => {
    /** A processing instruction, a comment, CDATA and references inside the signed nonXMLBody. */
    const decorate = (cda: string): string =>
      cda.replace(
        /(<nonXMLBody[^>]*>)/,
        '$1<?kanta-sim inside the signed body?><!-- a comment --><![CDATA[]]>',
      );
    const signed = (cda: string): string =>
      signWithXmlsec1(decorate(cda), /<id root="([^"]+)"/.exec(cda)?.[1] ?? '');

    it('archives a document with a processing instruction inside the signed body: AA', async () => {
      const s = running();
      const m = buildMessage(s.demo, { kind: 'clientRelationship', system: null, cda: signed });
      expect(m.cdaXml).toContain('<?kanta-sim inside the signed body?>');
      expect(xmlsec1Verifies(m.cdaXml, 1)).toBe(true);
      await expectArchived(s, m.messageXml);
    });

    it('refuses its twin whose processing instruction changed after signing (SIG_DIGEST_MISMATCH)', async () => {
      const s = running();
      const m = buildMessage(s.demo, {
        kind: 'clientRelationship',
        system: null,
        cda: (cda) => signed(cda).replace('<?kanta-sim inside', '<?kanta-sim outside'),
      });
      expect(xmlsec1Verifies(m.cdaXml, 1)).toBe(false);
      await expectRefused(s, m.messageXml, RULES.SIG_DIGEST_MISMATCH);
    });
  });
});
