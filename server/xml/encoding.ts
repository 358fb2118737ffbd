/**
 * From bytes to XML text: the character encoding, decided in one place (XML 1.0 section 4.3.3 and
 * Appendix F).
 *
 * Why: SHA-SPEC says nothing about encodings, and a Java archive's parser (Xerces) reads whatever the byte
 * order mark and the XML declaration declare. So kanta-sim [S] reads UTF-8 (the default, with or without a
 * BOM), UTF-16 little or big endian (with a BOM, or without one when the declaration names the byte
 * order), ISO-8859-1, ISO-8859-15 and US-ASCII, and warns (WIRE_XML_ENCODING_NOT_UTF8) for
 * anything but UTF-8. It refuses, naming the encoding, what it cannot decode safely (UTF-32, EBCDIC,
 * anything else: WIRE_XML_ENCODING_UNSUPPORTED), a declaration that contradicts the byte order mark or the
 * first bytes (WIRE_XML_ENCODING_MISMATCH), and bytes that are not valid in the encoding
 * (WIRE_XML_ENCODING_INVALID). Decoding never replaces a bad byte with U+FFFD, so what is verified and
 * stored is exactly what was sent. The HTTP charset parameter is not consulted [S]: the bytes say it.
 * windows-1252 is refused as unsupported: Node 20's TextDecoder decodes it as ISO-8859-1 (0x80 is not €),
 * and a wrong character in a signed document is worse than a clear refusal.
 */
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';

export type DecodedXml =
  | {
      readonly ok: true;
      /** The text without a byte order mark. */
      readonly text: string;
      /** The encoding read, in its canonical name. */
      readonly encoding: string;
      /** WIRE_XML_ENCODING_NOT_UTF8 when the encoding is not UTF-8. */
      readonly warning?: RuleViolation;
    }
  | { readonly ok: false; readonly violation: RuleViolation };

/** Single-byte encodings read, by the names a declaration may use (upper case) to the canonical name. */
const SINGLE_BYTE: Readonly<Record<string, string>> = Object.freeze({
  'ISO-8859-1': 'ISO-8859-1',
  ISO_8859_1: 'ISO-8859-1',
  'ISO8859-1': 'ISO-8859-1',
  LATIN1: 'ISO-8859-1',
  'ISO-8859-15': 'ISO-8859-15',
  LATIN9: 'ISO-8859-15',
  'US-ASCII': 'US-ASCII',
  ASCII: 'US-ASCII',
});

/**
 * Decodes the bytes of an XML document (`what` names it in details: "the message", "the document").
 * `location` is where a violation points.
 */
export function decodeXml(bytes: Buffer, what: string, location: string): DecodedXml {
  const refuse = (rule: keyof typeof ENCODING_RULES, detail: string): DecodedXml => ({
    ok: false,
    violation: violation(ENCODING_RULES[rule], location, `${what}: ${detail}`),
  });
  const warn = (encoding: string): RuleViolation =>
    violation(RULES.WIRE_XML_ENCODING_NOT_UTF8, location, `${what} is ${encoding}, not UTF-8`);
  const b = (i: number): number => bytes[i] ?? -1;
  if (
    (b(0) === 0x00 && b(1) === 0x00 && (b(2) === 0xfe || b(2) === 0x00)) ||
    (b(0) === 0xff && b(1) === 0xfe && b(2) === 0x00 && b(3) === 0x00) ||
    (b(0) === 0x3c && b(1) === 0x00 && b(2) === 0x00 && b(3) === 0x00)
  ) {
    return refuse('UNSUPPORTED', 'UTF-32 is not supported; send UTF-8');
  }
  if (b(0) === 0x4c && b(1) === 0x6f && b(2) === 0xa7 && b(3) === 0x94) {
    return refuse('UNSUPPORTED', 'EBCDIC is not supported; send UTF-8');
  }
  if ((b(0) === 0xff && b(1) === 0xfe) || (b(0) === 0xfe && b(1) === 0xff)) {
    return utf16(bytes.subarray(2), b(0) === 0xff ? 'LE' : 'BE', true, refuse, warn);
  }
  if ((b(0) === 0x3c && b(1) === 0x00) || (b(0) === 0x00 && b(1) === 0x3c)) {
    return utf16(bytes, b(0) === 0x3c ? 'LE' : 'BE', false, refuse, warn);
  }
  const bom = b(0) === 0xef && b(1) === 0xbb && b(2) === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const declared = declaredEncoding(body.subarray(0, 200).toString('latin1'));
  if (declared === undefined || declared === 'UTF-8' || declared === 'UTF8') {
    const text = strict('utf-8', body);
    return text === undefined
      ? refuse('INVALID', 'the bytes are not valid UTF-8')
      : { ok: true, text, encoding: 'UTF-8' };
  }
  if (declared.startsWith('UTF-16')) {
    return refuse('MISMATCH', `the XML declaration says ${declared}, but the bytes are not UTF-16`);
  }
  if (bom) {
    return refuse('MISMATCH', `the byte order mark says UTF-8, the XML declaration ${declared}`);
  }
  const encoding = SINGLE_BYTE[declared];
  if (encoding === undefined) {
    return refuse('UNSUPPORTED', `the encoding ${declared} is not supported; send UTF-8`);
  }
  const text = singleByte(encoding, body);
  return text === undefined
    ? refuse('INVALID', `the bytes are not valid ${encoding}`)
    : { ok: true, text, encoding, warning: warn(encoding) };
}

type Refuse = (rule: keyof typeof ENCODING_RULES, detail: string) => DecodedXml;

function utf16(
  bytes: Buffer,
  order: 'LE' | 'BE',
  bom: boolean,
  refuse: Refuse,
  warn: (encoding: string) => RuleViolation,
): DecodedXml {
  const name = `UTF-16${order}`;
  if (bytes.length % 2 !== 0) {
    return refuse('INVALID', `the bytes are not valid ${name} (odd length)`);
  }
  const little = order === 'LE' ? bytes : Buffer.from(bytes).swap16();
  const text = strict('utf-16le', little);
  if (text === undefined) {
    return refuse('INVALID', `the bytes are not valid ${name}`);
  }
  const declared = declaredEncoding(text.slice(0, 200));
  // With a BOM, "UTF-16" or the matching byte order; without one, the declaration must name UTF-16.
  const fits = declared === name || declared === 'UTF-16' || (declared === undefined && bom);
  if (!fits) {
    return refuse(
      'MISMATCH',
      declared === undefined
        ? `the bytes are ${name} without a byte order mark or an XML declaration naming it`
        : `the ${bom ? 'byte order mark' : 'first bytes'} say ${name}, the XML declaration ${declared}`,
    );
  }
  return { ok: true, text, encoding: name, warning: warn(name) };
}

/** The encoding named by the XML declaration at the start of `head`, upper case, or undefined. */
function declaredEncoding(head: string): string | undefined {
  const m = /^<\?xml\s+version\s*=\s*(?:"[^"]*"|'[^']*')\s+encoding\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(head);
  return m ? (m[1] ?? m[2] ?? '').trim().toUpperCase() : undefined;
}

function strict(encoding: 'utf-8' | 'utf-16le', bytes: Buffer): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function singleByte(encoding: string, bytes: Buffer): string | undefined {
  if (encoding === 'ISO-8859-1') {
    // Buffer's latin1 is ISO-8859-1 itself; TextDecoder's "iso-8859-1" is windows-1252 (WHATWG).
    return bytes.toString('latin1');
  }
  if (encoding === 'US-ASCII') {
    return bytes.every((x) => x < 0x80) ? bytes.toString('latin1') : undefined;
  }
  try {
    return new TextDecoder(encoding.toLowerCase(), { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const ENCODING_RULES = {
  UNSUPPORTED: RULES.WIRE_XML_ENCODING_UNSUPPORTED,
  MISMATCH: RULES.WIRE_XML_ENCODING_MISMATCH,
  INVALID: RULES.WIRE_XML_ENCODING_INVALID,
} as const;
