/**
 * Strict Base64 as the archive reads it, in one place: the CDA part of the frame's MIME package and both
 * forms of the signed content (HL7 ED with representation="B64") use it. Whitespace anywhere is ignored
 * (MIME wraps lines at 76 characters); otherwise only the RFC 4648 alphabet, `=` padding only at the end,
 * and a length that is a multiple of four.
 *
 * Why not one regular expression over the text: the decoder runs natively and the checks below are
 * native scans, while the expression cost ~40 us per document on the archive's hot path (issue 17,
 * docs/performance.md). Node's decoder is lenient where we are not (it takes the URL-safe alphabet and
 * skips any other character), so what it would forgive is refused first or shows up as a short result.
 */

export type Base64Reading =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly reason: 'empty' | 'invalid' };

const EMPTY: Base64Reading = Object.freeze({ ok: false, reason: 'empty' });
const INVALID: Base64Reading = Object.freeze({ ok: false, reason: 'invalid' });

/** Decodes strict Base64; `empty` when nothing but whitespace is given. */
export function readStrictBase64(text: string): Base64Reading {
  const b64 = text.replace(/\s+/g, '');
  if (b64 === '') {
    return EMPTY;
  }
  if (b64.length % 4 !== 0) {
    return INVALID;
  }
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  const firstPad = b64.indexOf('=');
  if (firstPad !== -1 && firstPad < b64.length - padding) {
    return INVALID;
  }
  // Non-ASCII first: the decoder would read a character by its low byte only (U+0141 as 'A').
  if (Buffer.byteLength(b64, 'utf8') !== b64.length || b64.includes('-') || b64.includes('_')) {
    return INVALID;
  }
  const bytes = Buffer.from(b64, 'base64');
  // Every character left is decoded unless it is outside the alphabet, which the decoder skips.
  return bytes.length === (b64.length / 4) * 3 - padding ? { ok: true, bytes } : INVALID;
}
