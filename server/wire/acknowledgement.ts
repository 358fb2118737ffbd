/**
 * The one place acknowledgements are built (MCCI_IN000002UV01, SHA-SPEC section 3). Every refusal names a
 * catalogue rule: acknowledgementDetail/code carries the rule code in kanta-sim's own code system, text
 * carries the Finnish and English rule texts plus the message-specific detail, location the XPath.
 * ED and ST are single-valued, so the texts share one <text> separated by " | " (HL7-legal, and readable).
 */
import type { DomElement } from '../xml/tree.js';
import { readExtension, readRoot } from '../hl7/datatypes.js';
import { ID_ROOTS } from '../codes/code-systems.js';
import { KantaSimError } from '../errors.js';
import type { RuleViolation } from '../rules/rule.js';
import { attr, childElements, NS, parseDom, pathElement, textOf } from '../xml/dom.js';
import { checkXmlSafety } from '../xml/limits.js';
import type { EnvelopeStyle, InstanceId } from './archive-frame.js';
import { openEnvelope, wrapInSoap } from './envelope.js';
import { acknowledgementDetail, instanceId, transmissionWrapper } from './transmission-wrapper.js';
import { el, serialise } from '../xml/xml-writer.js';

export { detailText } from './transmission-wrapper.js';

/** acknowledgementDetail/code/@codeSystem: kanta-sim's rule codes [S]. */
export const RULE_CODE_SYSTEM = ID_ROOTS.KANTA_SIM_RULES;
export const ACKNOWLEDGEMENT_INTERACTION_ID = 'MCCI_IN000002UV01';

export type AcknowledgementType = 'AA' | 'AE' | 'AR';

export interface AcknowledgementInput {
  readonly style: EnvelopeStyle;
  readonly typeCode: AcknowledgementType;
  /** The acknowledgement's own id (root = archive, extension = running number). */
  readonly messageId: InstanceId;
  readonly creationTime: Date;
  /** The request's id, echoed as targetMessage/id; omitted when the request was unreadable. */
  readonly targetMessageId?: InstanceId;
  readonly violations: readonly RuleViolation[];
  /** Warnings accepted with an AA (e.g. SIG_CERT_UNTRUSTED_ACCEPTED). */
  readonly warnings?: readonly RuleViolation[];
  /** The sender of the request, who receives this acknowledgement. */
  readonly receiverOid?: string;
  /** Defaults to MCCI_IN000002UV01. */
  readonly interactionId?: string;
  /** Echo of the request's processingCode; P by default. */
  readonly processingCode?: string;
}

/** Renders the acknowledgement in the request's style (bare, SOAP 1.1, SOAP 1.2). */
export function buildAcknowledgement(input: AcknowledgementInput): string {
  const interactionId = input.interactionId ?? ACKNOWLEDGEMENT_INTERACTION_ID;
  const details = [
    ...input.violations.map((v) => acknowledgementDetail(v, v.rule.severity === 'W' ? 'W' : 'E')),
    ...(input.warnings ?? []).map((v) => acknowledgementDetail(v, 'W')),
  ];
  const ack = el(
    interactionId,
    { xmlns: NS.HL7, ITSVersion: 'XML_1.0' },
    ...transmissionWrapper({
      interactionId,
      messageId: input.messageId,
      creationTime: input.creationTime,
      processingCode: input.processingCode ?? 'P',
      acceptAckCode: 'NE',
      receiverOid: input.receiverOid,
      senderOid: ID_ROOTS.ARCHIVE_DEVICE,
    }),
    el(
      'acknowledgement',
      { typeCode: input.typeCode },
      el('targetMessage', {}, instanceId('id', input.targetMessageId)),
      ...details,
    ),
  );
  return wrapInSoap(serialise(ack), input.style);
}

export interface ParsedAcknowledgementDetail {
  readonly typeCode?: string;
  readonly code?: string;
  readonly codeSystem?: string;
  readonly text?: string;
  readonly location?: string;
}

export interface ParsedAcknowledgement {
  readonly style: EnvelopeStyle;
  readonly typeCode?: string;
  readonly messageId?: InstanceId;
  readonly targetMessageId?: InstanceId;
  readonly details: readonly ParsedAcknowledgementDetail[];
}

/** Reads an acknowledgement (any style) for the CLI and tests; unreadable input is BAD_REQUEST. */
export function parseAcknowledgement(xml: string): ParsedAcknowledgement {
  const unsafe = checkXmlSafety(xml);
  if (unsafe) {
    throw new KantaSimError('BAD_REQUEST', `acknowledgement refused: ${unsafe.detail ?? unsafe.rule.en}`);
  }
  const parsed = parseDom(xml);
  if (!parsed.ok) {
    throw new KantaSimError('BAD_REQUEST', `acknowledgement is not well-formed XML: ${parsed.message}`, {
      cause: parsed.cause,
    });
  }
  const opened = openEnvelope(parsed.doc);
  if (!opened.ok) {
    throw new KantaSimError(
      'BAD_REQUEST',
      `acknowledgement envelope invalid: ${opened.violation.detail ?? ''}`,
    );
  }
  const message = opened.message;
  const ack = pathElement(message, NS.HL7, 'acknowledgement');
  if (!ack) {
    throw new KantaSimError(
      'BAD_REQUEST',
      `${message.localName ?? 'message'} has no acknowledgement element`,
    );
  }
  const messageId = readId(pathElement(message, NS.HL7, 'id'));
  const targetMessageId = readId(pathElement(ack, NS.HL7, 'targetMessage', 'id'));
  return {
    style: opened.style,
    details: childElements(ack, NS.HL7, 'acknowledgementDetail').map(readDetail),
    ...(attr(ack, 'typeCode') === undefined ? {} : { typeCode: attr(ack, 'typeCode') }),
    ...(messageId === undefined ? {} : { messageId }),
    ...(targetMessageId === undefined ? {} : { targetMessageId }),
  };
}

function readDetail(d: DomElement): ParsedAcknowledgementDetail {
  const code = pathElement(d, NS.HL7, 'code');
  const out: Record<string, string | undefined> = {
    typeCode: attr(d, 'typeCode'),
    code: attr(code, 'code'),
    codeSystem: attr(code, 'codeSystem'),
    text: textOf(pathElement(d, NS.HL7, 'text')),
    location: textOf(pathElement(d, NS.HL7, 'location')),
  };
  return Object.fromEntries(
    Object.entries(out).filter(([, v]) => v !== undefined),
  ) as ParsedAcknowledgementDetail;
}

function readId(idEl: DomElement | undefined): InstanceId | undefined {
  const root = readRoot(idEl);
  if (root === undefined) {
    return undefined;
  }
  const extension = readExtension(idEl);
  return extension === undefined ? { root } : { root, extension };
}
