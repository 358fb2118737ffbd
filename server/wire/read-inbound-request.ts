/**
 * The one way a message comes in: bytes -> XML safety (read-xml.ts) -> envelope -> frame -> wrapper and
 * frame checks -> operation -> query parameters or document package, read once into a frozen
 * InboundRequest. The archive, the SHARK validation service and the fault probe all read through here, so
 * they cannot disagree about a message. Every failure is a rule violation, in the order the archive has
 * always reported them; nothing here throws on client input.
 */
import type { DomElement } from '../xml/tree.js';
import type { Operation, OperationTable } from '../codes/operations.js';
import { RULES } from '../rules/catalogue.js';
import { violation } from '../rules/rule.js';
import type { XmlLimits } from '../xml/limits.js';
import { readXml } from '../xml/read-xml.js';
import type { ArchiveFrame } from './archive-frame.js';
import { openEnvelope } from './envelope.js';
import type { DocumentPackage, InboundReading, InboundRequest } from './inbound-request.js';
import { buildMimePackage, extractDocumentPart } from './mime.js';
import { parseFrame } from './parse-frame.js';
import { parseQueryParameters } from './query-request.js';
import { checkWrapper, validateFrame } from './validate-frame.js';

export interface InboundOptions {
  readonly limits: XmlLimits;
  readonly operations: OperationTable;
  /** The caller's organisation OIDs from its TLS identity; empty when there is no caller (SHARK, probe). */
  readonly senderOids: readonly string[];
  /** The service request to assume when the frame names none (SHARK's check of a CDA given alone). */
  readonly serviceRequest?: string;
}

const TEXT = '/RCMR_IN200002FI01/controlActProcess/subject/clinicalDocument/text';

/** The package of a frame without a MIME text or without a document id to find the part by. */
export const NO_DOCUMENT_PACKAGE: DocumentPackage = Object.freeze({
  ok: false,
  violation: violation(
    RULES.FRAME_REQUIRED_MISSING,
    TEXT,
    'the frame carries no MIME package or no document id',
  ),
});

/** Reads one inbound message; the reading is refused with the first stage's violations that fail. */
export function readInboundRequest(bytes: Buffer | string, options: InboundOptions): InboundReading {
  const parsed = readXml(bytes, {
    limits: options.limits,
    what: 'the message',
    location: '/',
    malformed: RULES.WIRE_XML_MALFORMED,
  });
  if (!parsed.ok) {
    return { ok: false, style: 'bare', violations: [parsed.violation] };
  }
  const envelope = openEnvelope(parsed.doc);
  if (!envelope.ok) {
    return { ok: false, style: 'bare', violations: [envelope.violation] };
  }
  const { style } = envelope;
  const frame = deepFreeze(parseFrame(envelope.message));
  const operation = resolveOperation(frame, options);
  const read = { style, frame, ...(operation ? { operation } : {}) };
  const wrapper = checkWrapper(frame, {
    tlsOrganisationOids: options.senderOids,
    operations: options.operations,
  });
  if (wrapper.length > 0) {
    return { ok: false, ...read, violations: wrapper };
  }
  const frameViolations = validateFrame(frame, options.operations);
  if (!operation) {
    return { ok: false, ...read, violations: frameViolations };
  }
  const request = Object.freeze({
    style,
    frame,
    operation,
    ...payload(operation, frame, envelope.message),
    warnings: Object.freeze([...parsed.warnings]),
  });
  return frameViolations.length > 0
    ? { ok: false, ...read, request, violations: frameViolations }
    : { ok: true, request };
}

/** The service request of the frame (or the assumed one) resolved in the operation table. */
function resolveOperation(frame: ArchiveFrame, options: InboundOptions): Operation | undefined {
  const serviceRequest = frame.serviceRequests[0]?.code ?? options.serviceRequest;
  return frame.interactionId && serviceRequest
    ? options.operations.resolve(frame.interactionId, serviceRequest)
    : undefined;
}

/** What the operation carries: a query's parameters, an archiving operation's document package. */
function payload(
  operation: Operation,
  frame: ArchiveFrame,
  message: DomElement,
): Pick<InboundRequest, 'query' | 'document'> {
  return {
    ...(operation.kind === 'query' ? { query: deepFreeze(parseQueryParameters(message)) } : {}),
    ...(operation.kind === 'archive' || operation.carriesDocument
      ? { document: documentPackage(frame) }
      : {}),
  };
}

/** Opens the MIME package of the frame's document copy and finds the CDA part by the document id. */
function documentPackage(frame: ArchiveFrame): DocumentPackage {
  const copy = frame.document;
  if (!copy?.text || !copy.id) {
    return NO_DOCUMENT_PACKAGE;
  }
  const part = extractDocumentPart(copy.text, copy.id);
  if (!part.ok) {
    return Object.freeze({ ok: false, violation: part.violation });
  }
  return Object.freeze({
    ok: true,
    documentId: copy.id,
    cdaBytes: part.bytes,
    warnings: Object.freeze([...part.warnings]),
  });
}

/**
 * The request with its document replaced by a CDA given on its own (SHARK accepts a frame whose MIME
 * package is a placeholder): the CDA is packaged under the frame copy's document id, as a client would.
 */
export function withDocument(request: InboundRequest, cdaBytes: Buffer): InboundRequest {
  const copy = request.frame.document;
  if (copy?.id === undefined) {
    return request;
  }
  const text = buildMimePackage(cdaBytes, copy.id);
  const frame = deepFreeze({
    ...request.frame,
    document: { ...copy, text, textMediaType: 'multipart/related' },
  });
  return Object.freeze({
    ...request,
    frame,
    ...(request.document ? { document: documentPackage(frame) } : {}),
  });
}

/** Freezes plain parsed data (objects, arrays, strings): the frame and the query parameters. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
