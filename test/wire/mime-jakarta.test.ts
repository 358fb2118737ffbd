/**
 * The MIME package read as Jakarta Mail reads a MIME message (InternetHeaders, MimeMultipart with its
 * default properties), no more leniently: what that reader finds is read, each tolerated deviation a
 * warning; what it would not find is refused naming why; a duplicated document Content-ID is refused.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../server/rules/catalogue.js';
import type { RuleDefinition } from '../../server/rules/rule.js';
import { extractDocumentPart } from '../../server/wire/mime.js';

const ID = '1.2.246.10.1234567.95.2026.1.1';
const CDA = '<ClinicalDocument xmlns="urn:hl7-org:v3"/>';
const B64 = Buffer.from(CDA).toString('base64');

function part(cid = `<${ID}>`, body = B64): string[] {
  return ['Content-Type: text/xml', 'Content-Transfer-Encoding: base64', `Content-ID: ${cid}`, '', body];
}

function pkg(top: readonly string[], body: readonly string[], eol = '\r\n'): string {
  return [...top, '', ...body].join(eol);
}

const TOP = ['MIME-Version: 1.0', 'Content-Type: multipart/related; boundary="b1"; type="text/xml"'];

interface Accepted {
  readonly name: string;
  readonly text: string;
  readonly warnings: readonly RuleDefinition[];
}

const ACCEPTED: readonly Accepted[] = [
  { name: 'a conformant package (CRLF)', text: pkg(TOP, ['--b1', ...part(), '--b1--']), warnings: [] },
  { name: 'LF line ends', text: pkg(TOP, ['--b1', ...part(), '--b1--'], '\n'), warnings: [] },
  { name: 'CR line ends', text: pkg(TOP, ['--b1', ...part(), '--b1--'], '\r'), warnings: [] },
  {
    name: 'a folded boundary parameter',
    text: pkg(
      ['MIME-Version: 1.0', 'Content-Type: multipart/related;', '\tboundary="b1"'],
      ['--b1', ...part(), '--b1--'],
    ),
    warnings: [],
  },
  {
    name: 'a boundary parameter on its own unfolded line',
    text: pkg(
      ['MIME-Version: 1.0', 'Content-Type: multipart/related; type="text/xml";', 'boundary="b1"'],
      ['--b1', ...part(), '--b1--'],
    ),
    warnings: [RULES.FRAME_MIME_HEADER_LINE_INVALID, RULES.FRAME_MIME_BOUNDARY_FROM_DELIMITER],
  },
  {
    name: 'no boundary parameter at all',
    text: pkg(['MIME-Version: 1.0', 'Content-Type: multipart/related'], ['--b1', ...part(), '--b1--']),
    warnings: [RULES.FRAME_MIME_BOUNDARY_FROM_DELIMITER],
  },
  {
    name: 'a preamble before the first delimiter',
    text: pkg(TOP, ['This is a MIME package.', '--b1', ...part(), '--b1--']),
    warnings: [],
  },
  {
    name: 'trailing blanks after the delimiters and an epilogue',
    text: pkg(TOP, ['--b1  ', ...part(), '--b1--', 'epilogue']),
    warnings: [],
  },
  {
    name: 'no closing delimiter',
    text: pkg(TOP, ['--b1', ...part()]),
    warnings: [RULES.FRAME_MIME_CLOSING_DELIMITER_MISSING],
  },
  {
    name: 'multipart/mixed',
    text: pkg(['Content-Type: multipart/mixed; boundary=b1'], ['--b1', ...part(), '--b1--']),
    warnings: [RULES.FRAME_MIME_NOT_RELATED],
  },
  {
    name: 'a Content-ID without angle brackets',
    text: pkg(TOP, ['--b1', ...part(ID), '--b1--']),
    warnings: [RULES.FRAME_MIME_CONTENT_ID_FORM],
  },
  {
    name: "no header section, from the first delimiter line on (the frame's mediaType)",
    text: ['--b1', ...part(), '--b1--'].join('\r\n'),
    warnings: [RULES.FRAME_MIME_HEADERS_MISSING],
  },
  {
    name: 'no header section, a preamble line before the first delimiter',
    text: ['A package without headers', '--b1', ...part(), '--b1--'].join('\n'),
    warnings: [RULES.FRAME_MIME_HEADERS_MISSING],
  },
  {
    name: 'another part before the document',
    text: pkg(TOP, ['--b1', ...part('<other>', 'AAAA'), '--b1', ...part(), '--b1--']),
    warnings: [],
  },
];

/** Packages Jakarta Mail would not find the document in, with a fragment of the detail saying why. */
const REFUSED: readonly { name: string; text: string; detail: string }[] = [
  {
    name: 'no header section and no line starting with -- (bare Base64)',
    text: B64,
    detail: 'no line starts with --, so no delimiter was found',
  },
  {
    name: "only the part's headers, no delimiter (its own Content-Type is not multipart)",
    text: [...part(), ''].join('\r\n'),
    detail: 'must be multipart/related, found text/xml',
  },
  {
    name: 'a Content-Type that is not multipart',
    text: pkg(['Content-Type: text/xml'], ['--b1', ...part(), '--b1--']),
    detail: 'must be multipart/related, found text/xml',
  },
  {
    name: 'no Content-Type (text/plain to a MIME reader)',
    text: pkg(['MIME-Version: 1.0'], ['--b1', ...part(), '--b1--']),
    detail: 'found text/plain',
  },
  {
    name: 'a boundary parameter no delimiter line matches',
    text: pkg(TOP, ['--b2', ...part(), '--b2--']),
    detail: 'no delimiter line --b1 was found',
  },
  {
    name: 'no boundary parameter and no line starting with --',
    text: pkg(['Content-Type: multipart/related'], [...part()]),
    detail: 'no line starts with --',
  },
  {
    name: 'the closing delimiter before any part',
    text: pkg(TOP, ['--b1--', ...part()]),
    detail: 'comes before any part',
  },
  {
    // A line of blanks continues the header section (InternetHeaders), which then swallows the part's headers.
    name: 'a line of blanks where the header section should end',
    text: [...TOP, '  ', '--b1', ...part(), '--b1--'].join('\r\n'),
    detail: 'comes before any part',
  },
];

describe('the MIME package, read as Jakarta Mail reads it', () => {
  it.each(ACCEPTED)('reads $name', ({ text, warnings }) => {
    const r = extractDocumentPart(text, ID);
    expect(r.ok ? r.bytes.toString() : r.violation).toBe(CDA);
    expect(r.ok ? r.warnings.map((w) => w.rule) : []).toEqual(warnings);
  });

  it.each(REFUSED)('refuses $name with FRAME_MIME_INVALID', ({ text, detail }) => {
    const r = extractDocumentPart(text, ID);
    expect(r.ok ? 'read' : r.violation.rule).toBe(RULES.FRAME_MIME_INVALID);
    expect(r.ok ? '' : r.violation.detail).toContain(detail);
  });

  it("refuses two parts with the document's Content-ID (FRAME_MIME_DOCUMENT_AMBIGUOUS), naming both", () => {
    const other = Buffer.from('<ClinicalDocument xmlns="urn:hl7-org:v3"><x/></ClinicalDocument>').toString(
      'base64',
    );
    const text = pkg(TOP, ['--b1', ...part(), '--b1', ...part(ID, other), '--b1--']);
    const r = extractDocumentPart(text, ID);
    expect(r.ok ? 'read' : r.violation.rule).toBe(RULES.FRAME_MIME_DOCUMENT_AMBIGUOUS);
    expect(r.ok ? '' : r.violation.detail).toContain('parts 1 and 2');
  });

  it('names the missing header section and the boundary it took in the warning', () => {
    const r = extractDocumentPart(['--b1', ...part(), '--b1--'].join('\r\n'), ID);
    expect(r.ok ? r.warnings.map((w) => w.detail) : r.violation).toEqual([
      'the package has no header section (it starts with "--b1"); it was read as multipart/related, ' +
        "the mediaType the frame's text element declares; " +
        'the boundary was taken from the first line starting with --: --b1',
    ]);
  });

  it('does not take a line that only starts like the delimiter as one', () => {
    const text = pkg(TOP, ['--b1', ...part(), '--b1x', '--b1--']);
    const r = extractDocumentPart(text, ID);
    // "--b1x" belongs to the part's body, which is then not valid Base64.
    expect(r.ok ? 'read' : r.violation.detail).toContain('not valid Base64');
  });
});
