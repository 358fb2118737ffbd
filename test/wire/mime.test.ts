import { describe, expect, it } from 'vitest';
import { RULES } from '../../server/rules/catalogue.js';
import { buildMimePackage, extractDocumentPart } from '../../server/wire/mime.js';
import { parseFrame } from '../../server/wire/parse-frame.js';
import { NS } from '../../server/xml/dom.js';
import { dom } from '../support/kanta-samples.js';
import { OWN_PLAN, ownDocuments } from '../support/own-documents.js';

const ID = OWN_PLAN.documentId;
const CDA = Buffer.from(ownDocuments().plan, 'utf8');
const B64 = Buffer.from('<ClinicalDocument/>').toString('base64');

/** A hand-written package, to vary one header at a time. */
function pkg(
  o: {
    top?: string;
    partType?: string;
    encoding?: string;
    cid?: string;
    body?: string;
    close?: boolean;
  } = {},
): string {
  return [
    'MIME-Version: 1.0',
    o.top ?? 'Content-Type: multipart/related; boundary="b1"; type="text/xml"',
    '',
    '--b1',
    `Content-Type: ${o.partType ?? 'text/xml'}`,
    `Content-Transfer-Encoding: ${o.encoding ?? 'base64'}`,
    `Content-ID: ${o.cid ?? `<${ID}>`}`,
    '',
    o.body ?? B64,
    o.close === false ? '' : '--b1--',
  ].join('\n');
}

describe('buildMimePackage + extractDocumentPart', () => {
  it('round-trips the signed CDA bytes exactly, with 76-character Base64 lines and CRLF', () => {
    const text = buildMimePackage(CDA, ID);
    expect(text).toContain('\r\n');
    expect(text).toContain(`Content-ID: <${ID}>`);
    const b64Lines = text.split('\r\n').filter((l) => /^[A-Za-z0-9+/=]+$/.test(l));
    expect(b64Lines.length).toBeGreaterThan(10);
    expect(b64Lines.slice(0, -1).every((l) => l.length === 76)).toBe(true);
    const r = extractDocumentPart(text, ID);
    expect(r.ok && r.bytes.equals(CDA)).toBe(true);
  });

  it('gives the same bytes for the same input (deterministic boundary) and honours a given boundary', () => {
    expect(buildMimePackage(CDA, ID)).toBe(buildMimePackage(CDA, ID));
    expect(buildMimePackage(CDA, ID, 'my-boundary')).toContain('boundary="my-boundary"');
  });

  it('accepts LF line endings (what an XML parser makes of CRLF)', () => {
    const r = extractDocumentPart(buildMimePackage(CDA, ID).replace(/\r\n/g, '\n'), ID);
    expect(r.ok && r.bytes.equals(CDA)).toBe(true);
  });

  it('reads the package from a frame text held in a CDATA section', () => {
    const xml = `<RCMR_IN200002FI01 xmlns="${NS.HL7}"><controlActProcess><subject><clinicalDocument>
      <text mediaType="multipart/related"><![CDATA[${buildMimePackage(CDA, ID)}]]></text>
    </clinicalDocument></subject></controlActProcess></RCMR_IN200002FI01>`;
    const text = parseFrame(dom(xml).documentElement!).document?.text ?? '';
    const r = extractDocumentPart(text, ID);
    expect(r.ok && r.bytes.equals(CDA)).toBe(true);
  });

  it.each([
    { name: 'Content-ID without angle brackets', text: pkg({ cid: ID }) },
    { name: 'an unquoted boundary', text: pkg({ top: 'Content-Type: multipart/related; boundary=b1' }) },
    {
      name: 'a folded Content-Type header',
      text: pkg({ top: 'Content-Type: multipart/related;\n boundary="b1"' }),
    },
  ])('accepts $name', ({ text }) => {
    const r = extractDocumentPart(text, ID);
    expect(r.ok && r.bytes.toString()).toBe('<ClinicalDocument/>');
  });

  it.each([
    { name: 'not multipart', text: pkg({ top: 'Content-Type: text/xml' }) },
    { name: 'no header section', text: 'just some text' },
    { name: 'a part that is not text/xml', text: pkg({ partType: 'application/pdf' }) },
    { name: 'a part not in base64', text: pkg({ encoding: 'quoted-printable' }) },
    { name: 'a part with broken Base64', text: pkg({ body: 'PD94bWw*' }) },
    { name: 'a part with an empty body', text: pkg({ body: '' }) },
  ])('refuses $name with FRAME_MIME_INVALID', ({ text }) => {
    const r = extractDocumentPart(text, ID);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.violation.rule).toBe(RULES.FRAME_MIME_INVALID);
      expect(r.violation.location).toContain('clinicalDocument/text');
    }
  });

  it('refuses a package without the document part with FRAME_MIME_DOCUMENT_MISSING', () => {
    const r = extractDocumentPart(pkg({ cid: '<1.2.3.4>' }), ID);
    expect(!r.ok && r.violation.rule).toBe(RULES.FRAME_MIME_DOCUMENT_MISSING);
    expect(!r.ok && r.violation.detail).toContain('1.2.3.4');
  });
});
