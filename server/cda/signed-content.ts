/**
 * Reads the content of the signed body (component/nonXMLBody): the display form (text, Base64 of an XHTML
 * fragment) and the structured form (hl7fi:json, Base64 of UTF-8 JSON), so that nothing is read that was
 * not signed. The archive reads the body element of its one parse of the CDA, the very element the
 * verifier canonicalized and digested (readSignedContent); parseSignedContent reads the canonical XML the
 * verifier returned, parsed again, and is kept as the cross-check of the one-parse path in tests and for
 * callers that hold only the bytes.
 */
import type { DomElement } from '../xml/tree.js';
import { readStrictBase64 } from '../hl7/base64.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';
import { attr, childElement, NS, parseDom, textOf } from '../xml/dom.js';
import { checkXmlSafety, DEFAULT_XML_LIMITS } from '../xml/limits.js';
import { readXml } from '../xml/read-xml.js';
import { CDA_LOCATIONS as L } from './cda-locations.js';
import type { SignedContent } from './social-document.js';

export interface SignedContentResult {
  readonly content: SignedContent;
  readonly violations: readonly RuleViolation[];
}

const XHTML_MEDIA_TYPE = 'application/xhtml+xml';

/** Decodes and checks both forms of the canonical body text; see readSignedContent. */
export function parseSignedContent(signedBodyXml: string): SignedContentResult {
  const unsafe = checkXmlSafety(signedBodyXml);
  if (unsafe) {
    return {
      content: {},
      violations: [violation(RULES.CDA_BODY_INVALID, L.body, unsafe.detail ?? unsafe.rule.en)],
    };
  }
  const parsed = parseDom(signedBodyXml);
  if (!parsed.ok) {
    return {
      content: {},
      violations: [
        violation(
          RULES.CDA_BODY_INVALID,
          L.body,
          `the signed body is not well-formed XML: ${parsed.message}`,
        ),
      ],
    };
  }
  return readSignedContent(parsed.doc.documentElement ?? undefined);
}

/**
 * Decodes and checks both forms of the signed nonXMLBody element; each unreadable form gives its own
 * violation and is left out. `body` must be the element whose canonical form the signatures digested.
 */
export function readSignedContent(body: DomElement | undefined): SignedContentResult {
  if (!body || body.namespaceURI !== NS.HL7 || body.localName !== 'nonXMLBody') {
    return {
      content: {},
      violations: [
        violation(
          RULES.CDA_BODY_INVALID,
          L.body,
          `expected {${NS.HL7}}nonXMLBody, found ${body?.localName ?? 'nothing'}`,
        ),
      ],
    };
  }
  const violations: RuleViolation[] = [];
  const xhtml = readDisplayForm(childElement(body, NS.HL7, 'text'), violations);
  const json = readStructuredForm(childElement(body, NS.HL7FI, 'json'), violations);
  const content: SignedContent = {
    ...(xhtml === undefined ? {} : { xhtml }),
    ...(json === undefined ? {} : { json: json.value }),
  };
  return { content, violations };
}

function readDisplayForm(textEl: DomElement | undefined, out: RuleViolation[]): string | undefined {
  if (!textEl) {
    out.push(
      violation(RULES.CDA_BODY_INVALID, L.bodyText, 'the nonXMLBody has no text element (the display form)'),
    );
    return undefined;
  }
  const mediaType = attr(textEl, 'mediaType');
  if (mediaType !== XHTML_MEDIA_TYPE) {
    out.push(
      violation(
        RULES.CDA_DISPLAY_FORM_INVALID,
        `${L.bodyText}/@mediaType`,
        `mediaType must be ${XHTML_MEDIA_TYPE}, found ${mediaType ?? 'none'}`,
      ),
    );
    return undefined;
  }
  if (attr(textEl, 'representation') !== 'B64') {
    out.push(
      violation(
        RULES.CDA_DISPLAY_FORM_INVALID,
        `${L.bodyText}/@representation`,
        'representation must be B64',
      ),
    );
    return undefined;
  }
  const decoded = decodeBase64Utf8(textOf(textEl) ?? '');
  if (typeof decoded !== 'string') {
    out.push(violation(RULES.CDA_DISPLAY_FORM_INVALID, L.bodyText, decoded.problem));
    return undefined;
  }
  const read = readXml(decoded, {
    limits: DEFAULT_XML_LIMITS,
    what: 'the decoded XHTML',
    location: L.bodyText,
    malformed: RULES.CDA_DISPLAY_FORM_INVALID,
  });
  if (!read.ok) {
    const why = read.violation.detail ?? read.violation.rule.en;
    out.push(
      violation(
        RULES.CDA_DISPLAY_FORM_INVALID,
        L.bodyText,
        `the decoded XHTML is not well-formed XML: ${why}`,
      ),
    );
    return undefined;
  }
  return decoded;
}

function readStructuredForm(
  jsonEl: DomElement | undefined,
  out: RuleViolation[],
): { value: unknown } | undefined {
  if (!jsonEl) {
    return undefined;
  }
  const decoded = decodeBase64Utf8(textOf(jsonEl) ?? '');
  if (typeof decoded !== 'string') {
    out.push(violation(RULES.CDA_STRUCTURED_FORM_INVALID, L.bodyJson, decoded.problem));
    return undefined;
  }
  try {
    return { value: JSON.parse(decoded) as unknown };
  } catch (e) {
    out.push(
      violation(
        RULES.CDA_STRUCTURED_FORM_INVALID,
        L.bodyJson,
        `the decoded JSON does not parse: ${e instanceof Error ? e.message : String(e)}`,
      ),
    );
    return undefined;
  }
}

/** Strict Base64 (whitespace allowed between characters) of UTF-8 text. */
function decodeBase64Utf8(b64text: string): string | { problem: string } {
  const b64 = readStrictBase64(b64text);
  if (!b64.ok) {
    return { problem: b64.reason === 'empty' ? 'the element is empty' : 'the content is not valid Base64' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(b64.bytes);
    return text.replace(/^\uFEFF/, '');
  } catch {
    return { problem: 'the decoded bytes are not valid UTF-8' };
  }
}
