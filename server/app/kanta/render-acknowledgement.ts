/**
 * Renders an exchange outcome as the HTTP answer: an MCCI_IN000002UV01 acknowledgement in the style the
 * request came in (bare, SOAP 1.1, SOAP 1.2).
 */
import type { ExchangeOutcome } from '../../archive/archive-answer.js';
import { ID_ROOTS } from '../../codes/code-systems.js';
import { buildAcknowledgement } from '../../wire/acknowledgement.js';

export function renderAcknowledgement(
  outcome: ExchangeOutcome,
  now: Date,
  messageNumber: string,
): { contentType: string; body: string } {
  const body = buildAcknowledgement({
    style: outcome.style,
    typeCode: outcome.typeCode,
    messageId: { root: ID_ROOTS.ARCHIVE_DEVICE, extension: messageNumber },
    creationTime: now,
    targetMessageId: outcome.targetMessageId,
    violations: [...outcome.violations],
    warnings: [...outcome.warnings],
    receiverOid: outcome.senderOid,
  });
  const contentType =
    outcome.style === 'soap12' ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8';
  return { contentType, body };
}
