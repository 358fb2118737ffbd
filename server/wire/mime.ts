/**
 * The MIME multipart/related package that the frame's subject/clinicalDocument/text carries (SHA-SPEC
 * section 3): one part per document, the CDA part being `Content-Type: text/xml`,
 * `Content-Transfer-Encoding: base64`, `Content-ID: <document OID>`. Line endings may be CRLF or LF (an
 * XML parser turns CRLF in text into LF anyway). Anything that would make the document bytes ambiguous is
 * refused rather than guessed.
 */
import { createHash } from 'node:crypto';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';

/** Where the MIME package sits in the frame, for acknowledgement locations. */
export const MIME_LOCATION = '/RCMR_IN200002FI01/controlActProcess/subject/clinicalDocument/text';

export type MimeResult =
  { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly violation: RuleViolation };

interface MimeEntity {
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
}

/** Finds the part whose Content-ID is `documentId` and returns its decoded bytes. */
export function extractDocumentPart(text: string, documentId: string): MimeResult {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/^\s+/, '');
  let boundary: string | undefined;
  let body: string;
  if (normalised.startsWith('--')) {
    // No top-level headers: the first delimiter line names the boundary.
    boundary = normalised
      .slice(2, normalised.indexOf('\n') === -1 ? undefined : normalised.indexOf('\n'))
      .trim();
    body = normalised;
  } else {
    const top = splitEntity(normalised);
    if (!top) {
      return invalid('the package has no header section ending in a blank line');
    }
    const contentType = top.headers.get('content-type');
    if (!contentType || !/^multipart\/related\s*(;|$)/i.test(contentType)) {
      return invalid(`Content-Type must be multipart/related, found ${contentType ?? 'none'}`);
    }
    boundary = headerParam(contentType, 'boundary');
    body = top.body;
  }
  if (!boundary) {
    return invalid('the multipart Content-Type has no boundary parameter');
  }
  const parts = splitParts(body, boundary);
  if (typeof parts === 'string') {
    return invalid(parts);
  }
  const wanted = stripAngles(documentId);
  const part = parts.find((p) => stripAngles(p.headers.get('content-id') ?? '') === wanted);
  if (!part) {
    const seen = parts.map((p) => p.headers.get('content-id') ?? '(none)').join(', ');
    return {
      ok: false,
      violation: violation(
        RULES.FRAME_MIME_DOCUMENT_MISSING,
        MIME_LOCATION,
        `no part has Content-ID <${wanted}>; Content-IDs found: ${seen}`,
      ),
    };
  }
  const type = part.headers.get('content-type') ?? '';
  if (!/^text\/xml\s*(;|$)/i.test(type)) {
    return invalid(`the document part must be Content-Type text/xml, found ${type || 'none'}`);
  }
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  if (encoding !== 'base64') {
    return invalid(`the document part must be Content-Transfer-Encoding base64, found ${encoding || 'none'}`);
  }
  const b64 = part.body.replace(/\s+/g, '');
  if (b64 === '' || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) {
    return invalid('the document part is not valid Base64');
  }
  return { ok: true, bytes: Buffer.from(b64, 'base64') };
}

/**
 * Builds the package for one CDA document: CRLF line endings, Base64 wrapped at 76 characters (RFC 2045).
 * The default boundary is derived from the document id, so the same input always gives the same bytes.
 */
export function buildMimePackage(cdaBytes: Buffer, documentId: string, boundary?: string): string {
  const b = boundary ?? `kanta-sim-${createHash('sha256').update(documentId).digest('hex').slice(0, 24)}`;
  const lines = cdaBytes.toString('base64').match(/.{1,76}/g) ?? [];
  return [
    'MIME-Version: 1.0',
    `Content-Type: multipart/related; boundary="${b}"; type="text/xml"`,
    '',
    `--${b}`,
    'Content-Type: text/xml; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    `Content-ID: <${documentId}>`,
    '',
    ...lines,
    `--${b}--`,
    '',
  ].join('\r\n');
}

/** Splits headers (unfolding continuation lines) from the body at the first blank line. */
function splitEntity(text: string): MimeEntity | undefined {
  const blank = text.search(/\n[ \t]*\n|^[ \t]*\n/);
  if (blank === -1) {
    return undefined;
  }
  const headerText = text.slice(0, blank);
  const rest = text.slice(blank).replace(/^\n?[ \t]*\n/, '');
  const headers = new Map<string, string>();
  let last: string | undefined;
  for (const line of headerText.split('\n')) {
    if (/^[ \t]/.test(line) && last !== undefined) {
      headers.set(last, `${headers.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      if (line.trim() === '') {
        continue;
      }
      return undefined;
    }
    last = line.slice(0, colon).trim().toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  return { headers, body: rest };
}

/** Splits a multipart body into its parts; a string result is the reason it is malformed. */
function splitParts(body: string, boundary: string): MimeEntity[] | string {
  const lines = body.split('\n');
  const delimiter = `--${boundary}`;
  const parts: MimeEntity[] = [];
  let current: string[] | undefined;
  let closed = false;
  for (const line of lines) {
    const trimmed = line.trimEnd();
    if (trimmed === `${delimiter}--`) {
      if (current) {
        parts.push(parsePart(current));
      }
      closed = true;
      break;
    }
    if (trimmed === delimiter) {
      if (current) {
        parts.push(parsePart(current));
      }
      current = [];
    } else if (current) {
      current.push(line);
    }
  }
  if (parts.length === 0 && !current) {
    return `no part delimited by --${boundary} was found`;
  }
  if (!closed) {
    return `the closing delimiter --${boundary}-- is missing`;
  }
  return parts;
}

function parsePart(lines: string[]): MimeEntity {
  const entity = splitEntity(lines.join('\n') + '\n');
  return entity ?? { headers: new Map(), body: lines.join('\n') };
}

/** A parameter of a structured header value (quoted or token). */
function headerParam(value: string, name: string): string | undefined {
  const re = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i');
  const m = re.exec(value);
  return m ? (m[1] ?? m[2]) : undefined;
}

function stripAngles(id: string): string {
  return id
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .trim();
}

function invalid(detail: string): MimeResult {
  return { ok: false, violation: violation(RULES.FRAME_MIME_INVALID, MIME_LOCATION, detail) };
}
