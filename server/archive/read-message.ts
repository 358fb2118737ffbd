/**
 * From bytes to a typed transfer frame and its operation: XML safety, envelope, frame, wrapper checks.
 * Every failure is a violation; nothing here throws on client input.
 */
import type { Element } from '@xmldom/xmldom';
import type { Operation, OperationTable } from '../codes/operations.js';
import { RULES } from '../rules/catalogue.js';
import type { RuleViolation } from '../rules/rule.js';
import { checkWrapper, validateFrame } from '../wire/validate-frame.js';
import type { ArchiveFrame, EnvelopeStyle } from '../wire/archive-frame.js';
import { openEnvelope } from '../wire/envelope.js';
import { parseFrame } from '../wire/parse-frame.js';
import type { XmlLimits } from '../xml/limits.js';
import { readXml } from '../xml/read-xml.js';

export type MessageReading =
  | {
      readonly ok: true;
      readonly style: EnvelopeStyle;
      readonly frame: ArchiveFrame;
      readonly operation: Operation;
      /** The HL7 message element, for operations whose parameters the frame model does not carry (queries). */
      readonly message: Element;
      /** Warnings about the wire form (an encoding other than UTF-8), for the AA. */
      readonly warnings: readonly RuleViolation[];
    }
  | {
      readonly ok: false;
      readonly style: EnvelopeStyle;
      readonly frame?: ArchiveFrame;
      readonly violations: readonly RuleViolation[];
    };

/** Reads the message and checks the wrapper against the caller's organisation OIDs. */
export function readMessage(
  bytes: Buffer | string,
  limits: XmlLimits,
  senderOids: readonly string[],
  operations: OperationTable,
): MessageReading {
  const parsed = readXml(bytes, {
    limits,
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
  const frame = parseFrame(envelope.message);
  const wrapper = checkWrapper(frame, { tlsOrganisationOids: senderOids, operations });
  if (wrapper.length > 0) {
    return { ok: false, style, frame, violations: wrapper };
  }
  const frameViolations = validateFrame(frame, operations);
  const serviceRequest = frame.serviceRequests[0]?.code;
  const operation =
    frame.interactionId && serviceRequest
      ? operations.resolve(frame.interactionId, serviceRequest)
      : undefined;
  if (frameViolations.length > 0 || !operation) {
    return { ok: false, style, frame, violations: frameViolations };
  }
  return { ok: true, style, frame, operation, message: envelope.message, warnings: parsed.warnings };
}
