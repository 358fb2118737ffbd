/**
 * The MIME multipart/related package that the frame's subject/clinicalDocument/text carries (SHA-SPEC
 * section 3): one part per document, the CDA part being `Content-Type: text/xml`,
 * `Content-Transfer-Encoding: base64`, `Content-ID: <document OID>`.
 *
 * How strictly the real archive reads it is not published; it is a Java system, so kanta-sim [S] reads
 * the text as Jakarta Mail reads a MIME message (MimeMessage: InternetHeaders, then MimeMultipart with its
 * default properties), no more leniently. A text with no header section (no header field before its
 * first line starting with `--`) is read as Jakarta reads a multipart body whose type it is told,
 * `new MimeMultipart(new ByteArrayDataSource(bytes, "multipart/related"))`: the frame's mediaType says
 * multipart/related, a Java archive that takes the type from there finds the part, and a false refusal
 * costs a vendor more than a warning. A package whose own Content-Type says otherwise is refused: the
 * archive does not guess past a contradiction. Where the reader finds the document part, it is archived and
 * every deviation from RFC 2045/2046/5322 the reader tolerated is a warning (a header line without a
 * colon, e.g. an unfolded `boundary=` line; no boundary parameter, the boundary taken from the first line
 * starting with `--` (mail.mime.multipart.ignoremissingboundaryparameter); no closing delimiter
 * (ignoremissingendboundary); a multipart subtype other than related; a Content-ID without angle
 * brackets). Where it would not find the part, the package is refused naming what is wrong. Two parts
 * with the document's Content-ID are refused: Jakarta would take the first, the archive does not guess.
 * Line ends may be CRLF, CR or LF (an XML parser makes LF of CRLF anyway).
 *
 * Why our own reader and not a MIME library: the package is a few lines of headers and one Base64 part;
 * the npm MIME parsers are mail parsers with their own, different leniencies, so matching Jakarta's
 * would mean wrapping one and correcting it. A hundred lines modelled on Jakarta's are easier to check.
 */
import { createHash } from 'node:crypto';
import { readStrictBase64 } from '../hl7/base64.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleDefinition, type RuleViolation } from '../rules/rule.js';
import {
  headerParam,
  mimeLines,
  readMimeHeaders,
  startsWithHeaderSection,
  type MimeHeaders,
} from './mime-headers.js';

/** Where the MIME package sits in the frame, for acknowledgement locations. */
export const MIME_LOCATION = '/RCMR_IN200002FI01/controlActProcess/subject/clinicalDocument/text';

export type MimeResult =
  | { readonly ok: true; readonly bytes: Buffer; readonly warnings: readonly RuleViolation[] }
  | { readonly ok: false; readonly violation: RuleViolation };

interface MimePart {
  readonly headers: MimeHeaders;
  readonly body: string;
}

/** Finds the part whose Content-ID is `documentId` and returns its decoded bytes. */
export function extractDocumentPart(text: string, documentId: string): MimeResult {
  const warnings: RuleViolation[] = [];
  const warn = (rule: RuleDefinition, detail: string): void => {
    warnings.push(violation(rule, MIME_LOCATION, detail));
  };
  const lines = mimeLines(text.replace(/^\s+/, ''));
  if (!startsWithHeaderSection(lines)) {
    // The frame's mediaType, which validateFrame requires to be multipart/related, stands in for the headers.
    const parts = splitParts(lines, 0, undefined, warn, {
      rule: RULES.FRAME_MIME_HEADERS_MISSING,
      why: `the package has no header section (it starts with ${excerpt(lines[0] ?? '')}); it was read as multipart/related, the mediaType the frame's text element declares`,
    });
    return typeof parts === 'string' ? invalid(parts) : documentPart(parts, documentId, warn, warnings);
  }
  const top = readMimeHeaders(lines, 0);
  top.headers.invalidLines.forEach((l) =>
    warn(RULES.FRAME_MIME_HEADER_LINE_INVALID, `the package header line "${l}" has no colon and was ignored`),
  );
  // MimeMessage.getContentType(): text/plain when the header is absent.
  const contentType = top.headers.get('content-type') ?? 'text/plain';
  const subtype = /^multipart\/([^;\s]+)/i.exec(contentType)?.[1];
  if (subtype === undefined) {
    return invalid(`the package's Content-Type must be multipart/related, found ${contentType}`);
  }
  if (subtype.toLowerCase() !== 'related') {
    warn(
      RULES.FRAME_MIME_NOT_RELATED,
      `the package's Content-Type is multipart/${subtype}, not multipart/related`,
    );
  }
  const parts = splitParts(lines, top.next, headerParam(contentType, 'boundary'), warn, {
    rule: RULES.FRAME_MIME_BOUNDARY_FROM_DELIMITER,
    why: "the package's Content-Type has no boundary parameter",
  });
  if (typeof parts === 'string') {
    return invalid(parts);
  }
  return documentPart(parts, documentId, warn, warnings);
}

/** Why the boundary is sought in the text itself: the warning when it is found there, and its reason. */
interface BoundarySearch {
  readonly rule: RuleDefinition;
  readonly why: string;
}

function documentPart(
  parts: readonly MimePart[],
  documentId: string,
  warn: (rule: RuleDefinition, detail: string) => void,
  warnings: RuleViolation[],
): MimeResult {
  const wanted = stripAngles(documentId);
  const matching = parts
    .map((p, i) => ({ part: p, position: i + 1, cid: p.headers.get('content-id') ?? '' }))
    .filter((p) => stripAngles(p.cid) === wanted);
  const [found, second] = matching;
  if (!found) {
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
  if (second) {
    return {
      ok: false,
      violation: violation(
        RULES.FRAME_MIME_DOCUMENT_AMBIGUOUS,
        MIME_LOCATION,
        `parts ${matching.map((m) => m.position).join(' and ')} both have Content-ID <${wanted}>`,
      ),
    };
  }
  if (!/^<.*>$/.test(found.cid.trim())) {
    warn(
      RULES.FRAME_MIME_CONTENT_ID_FORM,
      `the document part's Content-ID "${found.cid}" is not in angle brackets`,
    );
  }
  const part = found.part;
  const type = part.headers.get('content-type') ?? '';
  if (!/^text\/xml\s*(;|$)/i.test(type)) {
    return invalid(`the document part must be Content-Type text/xml, found ${type || 'none'}`);
  }
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  if (encoding !== 'base64') {
    return invalid(`the document part must be Content-Transfer-Encoding base64, found ${encoding || 'none'}`);
  }
  const decoded = readStrictBase64(part.body);
  if (!decoded.ok) {
    return invalid('the document part is not valid Base64');
  }
  return { ok: true, bytes: decoded.bytes, warnings };
}

/**
 * Splits the multipart body (from `lines[start]`) as MimeMultipart.parse does; without a boundary
 * parameter, the first line starting with `--` is the delimiter (`search` says why, and warns). A string
 * result is the reason no part can be found.
 */
function splitParts(
  lines: readonly string[],
  start: number,
  boundaryParam: string | undefined,
  warn: (rule: RuleDefinition, detail: string) => void,
  search: BoundarySearch,
): MimePart[] | string {
  let delimiter = boundaryParam === undefined ? undefined : `--${boundaryParam}`;
  let i = start;
  // The preamble: everything before the first delimiter line (trailing blanks ignored).
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/[ \t]+$/, '');
    if (delimiter !== undefined) {
      if (line === delimiter) {
        break;
      }
      if (line === `${delimiter}--`) {
        return `the closing delimiter ${delimiter}-- comes before any part`;
      }
    } else if (line.length > 2 && line.startsWith('--') && (line.length <= 4 || !/^-+$/.test(line))) {
      delimiter = line;
      warn(
        search.rule,
        `${search.why}; the boundary was taken from the first line starting with --: ${line}`,
      );
      break;
    }
  }
  if (delimiter === undefined) {
    return `${search.why}, and no line starts with --, so no delimiter was found`;
  }
  if (i >= lines.length) {
    return `no delimiter line ${delimiter} was found`;
  }
  const parts: MimePart[] = [];
  i += 1;
  for (;;) {
    const { headers, next } = readMimeHeaders(lines, i);
    const body: string[] = [];
    let j = next;
    let end: 'next' | 'close' | undefined;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (line.startsWith(delimiter)) {
        const rest = line.slice(delimiter.length);
        end = rest.startsWith('--') ? 'close' : /^[ \t]*$/.test(rest) ? 'next' : undefined;
        if (end) {
          break;
        }
      }
      body.push(line);
    }
    parts.push({ headers, body: body.join('\n') });
    if (end === undefined) {
      warn(
        RULES.FRAME_MIME_CLOSING_DELIMITER_MISSING,
        `the closing delimiter ${delimiter}-- is missing; the last part runs to the end of the text`,
      );
      return parts;
    }
    if (end === 'close') {
      return parts;
    }
    i = j + 1;
  }
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

function stripAngles(id: string): string {
  return id
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .trim();
}

/** A line as quoted in a detail, cut short: it may be a whole Base64 body. */
function excerpt(line: string): string {
  return JSON.stringify(line.length > 40 ? `${line.slice(0, 40)}...` : line);
}

function invalid(detail: string): MimeResult {
  return { ok: false, violation: violation(RULES.FRAME_MIME_INVALID, MIME_LOCATION, detail) };
}
