/**
 * decodeXml: what the byte order mark and the XML declaration declare is read, anything other than UTF-8
 * with a warning; what cannot be read safely is refused with a rule naming the encoding.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../server/rules/catalogue.js';
import type { RuleDefinition } from '../../server/rules/rule.js';
import { decodeXml } from '../../server/xml/encoding.js';

const DOC = (encoding?: string): string =>
  `<?xml version="1.0"${encoding ? ` encoding="${encoding}"` : ''}?><r a="äö€">Ω \u{1D11E}</r>`;
const LE = (s: string): Buffer => Buffer.from(s, 'utf16le');
const BE = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();
const bytes = (...parts: (number[] | Buffer)[]): Buffer =>
  Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p))));

/** Inputs decodeXml reads, with the encoding it reports and whether it warns that it is not UTF-8. */
const READABLE: { name: string; input: Buffer; encoding: string; text: string; warns: boolean }[] = [
  { name: 'UTF-8 undeclared', input: Buffer.from(DOC()), encoding: 'UTF-8', text: DOC(), warns: false },
  {
    name: 'UTF-8 with a BOM',
    input: bytes([0xef, 0xbb, 0xbf], Buffer.from(DOC('utf-8'))),
    encoding: 'UTF-8',
    text: DOC('utf-8'),
    warns: false,
  },
  {
    name: 'UTF-16LE with a BOM',
    input: bytes([0xff, 0xfe], LE(DOC('UTF-16'))),
    encoding: 'UTF-16LE',
    text: DOC('UTF-16'),
    warns: true,
  },
  {
    name: 'UTF-16BE with a BOM',
    input: bytes([0xfe, 0xff], BE(DOC('UTF-16'))),
    encoding: 'UTF-16BE',
    text: DOC('UTF-16'),
    warns: true,
  },
  {
    name: 'UTF-16BE without a BOM, declared',
    input: BE(DOC('UTF-16BE')),
    encoding: 'UTF-16BE',
    text: DOC('UTF-16BE'),
    warns: true,
  },
  {
    name: 'UTF-16LE with a BOM and no declaration',
    input: bytes([0xff, 0xfe], LE('<r/>')),
    encoding: 'UTF-16LE',
    text: '<r/>',
    warns: true,
  },
];

/** Inputs decodeXml refuses, with the rule and a fragment of the detail naming the encoding. */
const REFUSED: { name: string; input: Buffer; rule: RuleDefinition; detail: string }[] = [
  {
    name: 'UTF-32LE',
    input: bytes([0xff, 0xfe, 0, 0], Buffer.from('<\0\0\0')),
    rule: RULES.WIRE_XML_ENCODING_UNSUPPORTED,
    detail: 'UTF-32',
  },
  {
    name: 'UTF-32BE without a BOM',
    input: bytes([0, 0, 0, 0x3c]),
    rule: RULES.WIRE_XML_ENCODING_UNSUPPORTED,
    detail: 'UTF-32',
  },
  {
    name: 'EBCDIC',
    input: bytes([0x4c, 0x6f, 0xa7, 0x94]),
    rule: RULES.WIRE_XML_ENCODING_UNSUPPORTED,
    detail: 'EBCDIC',
  },
  {
    name: 'an unknown declared encoding',
    input: Buffer.from(DOC('KOI8-R')),
    rule: RULES.WIRE_XML_ENCODING_UNSUPPORTED,
    detail: 'KOI8-R',
  },
  {
    name: 'UTF-16 declared over UTF-8 bytes',
    input: Buffer.from(DOC('UTF-16')),
    rule: RULES.WIRE_XML_ENCODING_MISMATCH,
    detail: 'says UTF-16',
  },
  {
    name: 'a UTF-16 BOM with a UTF-8 declaration',
    input: bytes([0xff, 0xfe], LE(DOC('UTF-8'))),
    rule: RULES.WIRE_XML_ENCODING_MISMATCH,
    detail: 'UTF-16LE, the XML declaration UTF-8',
  },
  {
    name: 'a UTF-16LE BOM declared UTF-16BE',
    input: bytes([0xff, 0xfe], LE(DOC('UTF-16BE'))),
    rule: RULES.WIRE_XML_ENCODING_MISMATCH,
    detail: 'UTF-16BE',
  },
  {
    name: 'UTF-16 without a BOM or declaration',
    input: LE('<r/>'),
    rule: RULES.WIRE_XML_ENCODING_MISMATCH,
    detail: 'without a byte order mark',
  },
  {
    name: 'a UTF-8 BOM with a Latin-1 declaration',
    input: bytes([0xef, 0xbb, 0xbf], Buffer.from(DOC('ISO-8859-1'))),
    rule: RULES.WIRE_XML_ENCODING_MISMATCH,
    detail: 'byte order mark says UTF-8',
  },
  {
    name: 'Latin-1 bytes as UTF-8',
    input: Buffer.from('<r>\u00e4</r>', 'latin1'),
    rule: RULES.WIRE_XML_ENCODING_INVALID,
    detail: 'not valid UTF-8',
  },
  {
    name: 'an odd number of UTF-16 bytes',
    input: bytes([0xff, 0xfe], LE('<r/>'), [0x20]),
    rule: RULES.WIRE_XML_ENCODING_INVALID,
    detail: 'odd length',
  },
  {
    name: 'a lone UTF-16 surrogate',
    input: bytes([0xff, 0xfe], LE('<r>'), [0x00, 0xd8], LE('</r>')),
    rule: RULES.WIRE_XML_ENCODING_INVALID,
    detail: 'not valid UTF-16LE',
  },
  {
    name: 'non-ASCII bytes declared US-ASCII',
    input: Buffer.from(DOC('US-ASCII')),
    rule: RULES.WIRE_XML_ENCODING_INVALID,
    detail: 'US-ASCII',
  },
];

describe('decodeXml', () => {
  it.each(READABLE)('reads $name', ({ input, encoding, text, warns }) => {
    const r = decodeXml(input, 'the message', '/');
    expect(r.ok && r.encoding).toBe(encoding);
    expect(r.ok && r.text).toBe(text);
    expect(r.ok && r.warning?.rule).toBe(warns ? RULES.WIRE_XML_ENCODING_NOT_UTF8 : undefined);
  });

  it('reads ISO-8859-1 as ISO-8859-1 (0x80-0x9F are C1 controls, not windows-1252)', () => {
    const r = decodeXml(
      Buffer.from([
        ...Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><r>'),
        0xe4,
        0x80,
        ...Buffer.from('</r>'),
      ]),
      'the message',
      '/',
    );
    expect(r.ok && r.text.endsWith('<r>\u00e4\u0080</r>')).toBe(true);
    expect(r.ok && r.warning?.detail).toBe('the message is ISO-8859-1, not UTF-8');
  });

  it.each(REFUSED)('refuses $name', ({ input, rule, detail }) => {
    const r = decodeXml(input, 'the CDA document', '/ClinicalDocument');
    expect(r.ok ? 'read' : r.violation.rule).toBe(rule);
    expect(r.ok ? '' : r.violation.detail).toContain(detail);
    expect(r.ok ? '' : r.violation.location).toBe('/ClinicalDocument');
  });
});
