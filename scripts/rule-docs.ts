/**
 * Renders docs/rule-codes.md from the rule catalogue: every code with its severity, its Finnish, Swedish and
 * English texts, a one-line typical cause, and the committed fixture that triggers it. The docs test
 * compares the committed file with this output, so the documentation cannot drift from the catalogue.
 */
import type { RuleDefinition } from '../server/rules/rule.js';

/** An area of the catalogue, recognised by code prefix, with its typical cause when no rule-specific one. */
interface Area {
  readonly title: string;
  readonly prefixes: readonly string[];
  readonly intro: string;
  readonly cause: string;
}

const AREAS: readonly Area[] = [
  {
    title: 'Wire and TLS',
    prefixes: ['WIRE_', 'TLS_'],
    intro: 'The bytes and the connection, checked before any HL7 is read. Answered AR.',
    cause: 'The HTTP request, XML text or TLS client certificate is not what the archive accepts.',
  },
  {
    title: 'Transfer frame',
    prefixes: ['FRAME_'],
    intro: 'The RCMR_IN200002FI01 frame, its MIME package and its metadata copy of the CDA header.',
    cause: 'The frame was built from other values than the CDA document it carries.',
  },
  {
    title: 'Operations',
    prefixes: ['OPERATION_'],
    intro: 'Which service requests this archive performs.',
    cause: 'The service request is known but this archive version does not perform it.',
  },
  {
    title: 'CDA document and registers',
    prefixes: ['CDA_', 'REGISTER_', 'ARCHIVE_'],
    intro: 'The CDA R2 header, the descriptive metadata (kuvailutiedot), the register and the store.',
    cause: 'A header value, code or identifier of the document is missing or wrong.',
  },
  {
    title: 'Signatures',
    prefixes: ['SIG_'],
    intro: 'The Kanta signature profile: references, algorithms, digests, certificates and signers.',
    cause: 'The document was changed after signing, or signed with the wrong certificate or profile.',
  },
  {
    title: 'Versions and invalidation',
    prefixes: ['VERSION_', 'INVALIDATION_'],
    intro: 'New versions (same setId, versionNumber + 1, RPLC) and invalidations (statusCode nullified).',
    cause: 'The version chain in the message does not continue the one the archive holds.',
  },
  {
    title: 'Queries',
    prefixes: ['QUERY_'],
    intro: 'Queries and retrievals, answered only from registers the caller may read.',
    cause: 'The query names a client or document outside the caller’s registers, or lacks a parameter.',
  },
  {
    title: 'Simulator control',
    prefixes: ['SIM_'],
    intro: 'Answers produced on purpose by the simulator’s fault injection, never by a real archive.',
    cause: 'A fault rule configured through the control API matched the message.',
  },
];

const OTHER_AREA: Area = {
  title: 'Other',
  prefixes: [],
  intro: 'Rules not yet sorted into an area.',
  cause: 'See the English text.',
};

/** Typical causes written per rule; rules without one get their area's cause. */
const CAUSES: Readonly<Record<string, string>> = {
  WIRE_XML_MALFORMED: 'The body was cut off, double-encoded, or not XML (e.g. JSON or a form post).',
  WIRE_XML_DOCTYPE_FORBIDDEN: 'The XML library of the client writes a DOCTYPE, or the message uses entities.',
  WIRE_XML_NAMESPACE_INVALID:
    'A hand-built or string-concatenated XML that rebinds xml/xmlns, uses an undeclared prefix or undeclares one with xmlns:p="".',
  WIRE_XML_ENCODING_UNSUPPORTED:
    'The client wrote UTF-32, EBCDIC or a national code page; UTF-8 is always read.',
  WIRE_XML_ENCODING_MISMATCH:
    'The bytes were re-encoded (e.g. to UTF-16) without updating the XML declaration, or the other way round.',
  WIRE_XML_ENCODING_INVALID:
    'Text in one encoding labelled as another (e.g. ISO-8859-1 bytes sent as UTF-8).',
  WIRE_XML_ENCODING_NOT_UTF8:
    'The client writes UTF-16 or ISO-8859-1; read as declared, but UTF-8 is the safe choice.',
  WIRE_XML_TOO_LARGE: 'Very large attachments in the display form, or several documents in one message.',
  WIRE_XML_TOO_DEEP: 'Deeply nested generated XHTML, or a hostile message.',
  WIRE_SOAP_INVALID: 'A SOAP envelope without Body, or with a Body not holding exactly one HL7 message.',
  WIRE_CONTENT_TYPE: 'The request was sent as application/json or form data instead of text/xml.',
  TLS_CLIENT_CERT_MISSING: 'The HTTPS client was not configured with the organisation’s client certificate.',
  TLS_CLIENT_CERT_UNTRUSTED: 'A certificate from another PKI (e.g. another data directory) was presented.',
  TLS_CLIENT_UNKNOWN_ORG: 'The organisation was not registered with `kanta-sim org add`.',
  FRAME_INTERACTION_UNKNOWN: 'A typo in interactionId or the root element, or a message type not offered.',
  FRAME_RECEIVER_MISMATCH: 'The receiver device id is not the archive’s 1.2.246.556.18007.2.',
  FRAME_SENDER_MISMATCH: 'The sender device id is another organisation than the TLS certificate’s.',
  FRAME_REQUIRED_MISSING: 'A wrapper field (id, creationTime, sender, MIME text) was left out.',
  FRAME_VALUE_INVALID: 'A wrapper field has a value of the wrong form (e.g. a malformed creationTime).',
  FRAME_SERVICE_REQUEST_COUNT: 'No service-request reasonCode, or several.',
  FRAME_SERVICE_REQUEST_UNKNOWN: 'A service request code not in the operation table (e.g. a typo for SP17).',
  FRAME_MIME_INVALID:
    'A package a MIME reader cannot split: not multipart, no delimiter line, or bad Base64.',
  FRAME_MIME_DOCUMENT_AMBIGUOUS:
    'The document part was added twice, e.g. by a retry that appended to the package.',
  FRAME_MIME_HEADER_LINE_INVALID:
    'A header parameter (e.g. boundary=) was wrapped onto a new line without indenting it.',
  FRAME_MIME_HEADERS_MISSING:
    'The package was written from its first delimiter line on, without MIME-Version and Content-Type.',
  FRAME_MIME_BOUNDARY_FROM_DELIMITER: 'The boundary parameter was lost or written on an unfolded line.',
  FRAME_MIME_CLOSING_DELIMITER_MISSING: 'The package was cut off, or its writer never closes the multipart.',
  FRAME_MIME_NOT_RELATED: 'The package was written as multipart/mixed instead of multipart/related.',
  FRAME_MIME_CONTENT_ID_FORM:
    'The Content-ID was written as the bare OID, without the angle brackets of RFC 2045.',
  FRAME_MIME_DOCUMENT_MISSING: 'The MIME part’s Content-ID is not the document OID of the frame.',
  FRAME_DOCUMENT_ID_MISMATCH: 'The frame was built for another document than the one in the MIME part.',
  FRAME_SETID_MISMATCH: 'The frame’s setId was not copied from the CDA (e.g. the id used instead).',
  FRAME_VERSION_MISMATCH: 'The frame’s versionNumber was not updated together with the CDA.',
  FRAME_CLIENT_MISMATCH: 'The frame’s recordTarget names another client than the CDA.',
  FRAME_CUSTODIAN_MISMATCH: 'The frame’s custodian is another organisation than the CDA’s register keeper.',
  FRAME_DOCUMENT_GROUP_MISMATCH:
    'A client document sent with SP1, or a client-relationship document with SP17.',
  CDA_MALFORMED: 'The MIME part is not a ClinicalDocument in the urn:hl7-org:v3 namespace.',
  CDA_REQUIRED_MISSING: 'A header field the archive needs (e.g. functionCode, effectiveTime) is missing.',
  CDA_VALUE_INVALID: 'A value of the wrong form, e.g. an HL7 time with a separator or versionNumber 0.',
  CDA_OID_INVALID: 'An identifier with a leading-zero arc, letters, or a trailing dot.',
  CDA_CODE_UNKNOWN: 'A code not in the code list (placeholder lists can be replaced with the official ones).',
  CDA_CODE_SYSTEM_MISMATCH: 'The right code written with another code system OID.',
  CDA_HETU_INVALID: 'A hetu with a wrong check character or an impossible date.',
  CDA_HETU_NOT_TEST_IDENTITY: 'A real person’s hetu; test clients have individual numbers 900-999.',
  CDA_SETID_FIRST_VERSION: 'A first version whose setId is not its own id.',
  CDA_BODY_INVALID: 'The nonXMLBody is missing, duplicated, or its ID is not OID + the document id.',
  CDA_DISPLAY_FORM_INVALID: 'The XHTML display form is not Base64 of well-formed XHTML.',
  CDA_STRUCTURED_FORM_INVALID: 'hl7fi:json is not Base64 of UTF-8 JSON.',
  CDA_CUSTODIAN_UNKNOWN: 'The register keeper is not registered with `kanta-sim org add`.',
  REGISTER_ACCESS_DENIED: 'Archiving into another organisation’s register without a register access right.',
  ARCHIVE_ID_CONFLICT: 'A document id reused for different content (ids must be unique per document).',
  ARCHIVE_UNAVAILABLE: 'The database was busy or failing; resend later with the same message.',
  SIG_MISSING: 'The document was framed before it was signed.',
  SIG_PLACEMENT: 'A ds:Signature outside hl7fi:signatureCollection/hl7fi:signature.',
  SIG_REFERENCE_INVALID: 'References other than the body and the signature’s own timestamp.',
  SIG_BODY_ID_INVALID: 'The signed body ID is not OID + the document id, or two elements share it.',
  SIG_ALGORITHM_NOT_ALLOWED: 'SHA-1, inclusive c14n, or a key shorter than 2048 bits.',
  SIG_DIGEST_MISMATCH: 'The document was changed or re-indented after signing.',
  SIG_VALUE_INVALID: 'SignedInfo changed after signing, or the certificate does not match the key.',
  SIG_CERT_MISSING: 'KeyInfo without X509Data/X509Certificate.',
  SIG_CERT_INVALID: 'KeyInfo holds bytes that are not a DER certificate.',
  SIG_CERT_UNTRUSTED: 'A certificate from a CA not in the trust store (add it with --trust-anchor).',
  SIG_CERT_UNTRUSTED_ACCEPTED: 'As SIG_CERT_UNTRUSTED, in lenient trust mode: archived with a warning.',
  SIG_CERT_NOT_VALID_AT_SIGNING:
    'The signing time is outside the certificate’s validity (expired or not yet valid).',
  SIG_CERT_KEY_USAGE: 'Signed with the TLS certificate instead of the signing or professional certificate.',
  SIG_SYSTEM_OID_MISMATCH: 'The system signature made with another organisation’s certificate.',
  SIG_PROFESSIONAL_MISMATCH: 'The header names another professional than the one whose card signed.',
  SIG_TIMESTAMP_INVALID: 'A signing time without Z, not xs:dateTime, or in the future.',
  SIG_TYPE_UNKNOWN: 'signatureDescription is not 1 (professional) or 3 (system).',
  SIG_STRUCTURE_INVALID: 'A ds:Signature missing SignedInfo, SignatureValue or KeyInfo.',
};

function areaOf(code: string): Area {
  return AREAS.find((a) => a.prefixes.some((p) => code.startsWith(p))) ?? OTHER_AREA;
}

/** The typical cause shown for a rule. */
export function typicalCause(code: string): string {
  return CAUSES[code] ?? areaOf(code).cause;
}

const SEVERITY: Readonly<Record<RuleDefinition['severity'], string>> = {
  AE: 'AE (application error: the document is refused)',
  AR: 'AR (reject: the message is refused before its content is read)',
  W: 'W (warning: archived, the AA carries the detail)',
};

/**
 * The whole markdown file. `fixtures` maps a rule code to the committed fixture files that trigger it
 * (from fixtures/documents/manifest.json).
 */
export function renderRuleDocs(
  rules: readonly RuleDefinition[],
  fixtures: ReadonlyMap<string, readonly string[]> = new Map(),
): string {
  const lines: string[] = [
    '# Rule codes',
    '',
    '<!-- Generated by `npm run docs:rules` (scripts/generate-rule-docs.ts) from server/rules/catalogue.ts. Do not edit. -->',
    '',
    'Every refusal kanta-sim gives names one rule code in an `acknowledgementDetail` of the MCCI_IN000002UV01',
    'acknowledgement: `code` is the rule code, `text` the Finnish text, and `location` an XPath into the message',
    'as it was sent. The codes are kanta-sim’s own, stable ids: they are never renamed, so a client’s tests may',
    'assert them. Severity: AR rejects the message at the wrapper, AE refuses the document, W is a warning in an',
    'AA. Each document lists every failed rule at once.',
    '',
    'Fixtures named after a rule are in `fixtures/documents/` (see its `manifest.json`).',
    '',
  ];
  const byArea = new Map<Area, RuleDefinition[]>();
  for (const rule of rules) {
    const area = areaOf(rule.code);
    byArea.set(area, [...(byArea.get(area) ?? []), rule]);
  }
  const ordered = [...AREAS, OTHER_AREA].filter((a) => byArea.has(a));
  lines.push('## Contents', '');
  for (const area of ordered) {
    const n = (byArea.get(area) ?? []).length;
    lines.push(`- [${area.title}](#${anchor(area.title)}): ${n} ${n === 1 ? 'code' : 'codes'}`);
  }
  lines.push('');
  for (const area of ordered) {
    lines.push(`## ${area.title}`, '', area.intro, '');
    for (const rule of byArea.get(area) ?? []) {
      lines.push(
        `### ${rule.code}`,
        '',
        `- Severity: ${SEVERITY[rule.severity]}`,
        `- fi: ${rule.fi}`,
        `- sv: ${rule.sv}`,
        `- en: ${rule.en}`,
        `- Typical cause: ${typicalCause(rule.code)}`,
      );
      const files = fixtures.get(rule.code) ?? [];
      if (files.length > 0) {
        lines.push(`- Fixture: ${files.map((f) => `\`${f}\``).join(', ')}`);
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}

function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

/** Rule code to the invalid fixture files whose expected outcome names it. */
export function fixturesByRule(
  manifest: {
    readonly files: readonly {
      readonly file: string;
      readonly expected: { readonly rules: readonly string[] };
    }[];
  },
  dir = 'fixtures/documents',
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const entry of manifest.files) {
    for (const code of entry.expected.rules) {
      out.set(code, [...(out.get(code) ?? []), `${dir}/${entry.file}`]);
    }
  }
  return out;
}
