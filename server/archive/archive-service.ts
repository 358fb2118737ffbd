/**
 * The archive's domain service for the Kanta interface: decides the answer to one exchange. It sees plain
 * values (bytes, a certificate, the clock), never HTTP; it identifies the caller, has the wire edge read the
 * message into a typed request (read-inbound-request.ts) and hands that to the handler of the operation
 * the operation table names (operation-handlers.ts).
 */
import { refusal, type ExchangeOutcome } from './archive-answer.js';
import { identifyClient, organisationOids } from './identify-client.js';
import type { ArchiveRequest, ArchiveServiceDeps } from './operation-context.js';
import { OPERATION_HANDLERS } from './operation-handlers.js';
import { readInboundRequest } from '../wire/read-inbound-request.js';

export type { ArchiveRequest, ArchiveServiceDeps } from './operation-context.js';

export class ArchiveService {
  constructor(private readonly deps: ArchiveServiceDeps) {}

  /** Answers one message on the Kanta interface. Never throws for client input. */
  async handle(request: ArchiveRequest): Promise<ExchangeOutcome> {
    const now = this.deps.clock();
    const identity = identifyClient(request.clientCertificate, this.deps.trust, this.deps.organisations, now);
    if (!identity.ok) {
      return refusal([identity.violation], { style: 'bare', httpStatus: 403 });
    }
    const organisation = identity.organisation;
    const reading = readInboundRequest(request.messageBytes, {
      limits: this.deps.config.xmlLimits,
      operations: this.deps.operations,
      senderOids: organisationOids(organisation),
    });
    const { style, frame } = reading.ok ? reading.request : reading;
    const answer = {
      style,
      targetMessageId: frame?.messageId,
      senderOid: frame?.senderOid,
      interactionId: frame?.interactionId,
      serviceRequest: frame?.serviceRequests[0]?.code,
    };
    if (!reading.ok) {
      return refusal(reading.violations, answer);
    }
    const handler = OPERATION_HANDLERS[reading.request.operation.operation];
    return handler({
      deps: this.deps,
      request: reading.request,
      organisation,
      now,
      answer,
    });
  }
}
