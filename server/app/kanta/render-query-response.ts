/**
 * Renders a query's outcome as the HTTP answer: the HL7 V3 query response (wire/query-response.ts) in the
 * style the request came in. Answers that are not queries go through render-acknowledgement.ts.
 */
import type { ExchangeOutcome } from '../../archive/archive-answer.js';
import { ID_ROOTS } from '../../codes/code-systems.js';
import { buildQueryResponse } from '../../wire/query-response.js';

export function renderQueryResponse(
  outcome: ExchangeOutcome,
  now: Date,
  messageNumber: string,
): { contentType: string; body: string } {
  const body = buildQueryResponse({
    style: outcome.style,
    typeCode: outcome.typeCode,
    messageId: { root: ID_ROOTS.ARCHIVE_DEVICE, extension: messageNumber },
    creationTime: now,
    targetMessageId: outcome.targetMessageId,
    violations: outcome.violations,
    receiverOid: outcome.senderOid,
    serviceRequest: outcome.serviceRequest,
    interactionId: outcome.query?.responseInteractionId,
    payload: outcome.query?.payload,
  });
  const contentType =
    outcome.style === 'soap12' ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8';
  return { contentType, body };
}
