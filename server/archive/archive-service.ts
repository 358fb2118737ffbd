/**
 * The archive's domain service for the Kanta interface: decides the answer to one exchange. It sees plain
 * values (bytes, a certificate, the clock), never HTTP; it identifies the caller, reads the message and
 * hands it to the handler of the operation the operation table names (operation-handlers.ts).
 */
import { refusal, type ExchangeOutcome } from './archive-answer.js';
import { identifyClient, organisationOids } from './identify-client.js';
import type { ArchiveRequest, ArchiveServiceDeps } from './operation-context.js';
import { OPERATION_HANDLERS } from './operation-handlers.js';
import { readMessage } from './read-message.js';

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
    const reading = readMessage(
      request.messageBytes,
      this.deps.config.xmlLimits,
      organisationOids(organisation),
      this.deps.operations,
    );
    const answer = {
      style: reading.style,
      targetMessageId: reading.frame?.messageId,
      senderOid: reading.frame?.senderOid,
      interactionId: reading.frame?.interactionId,
      serviceRequest: reading.frame?.serviceRequests[0]?.code,
    };
    if (!reading.ok) {
      return refusal(reading.violations, answer);
    }
    const handler = OPERATION_HANDLERS[reading.operation.operation];
    return handler({
      deps: this.deps,
      request,
      frame: reading.frame,
      operation: reading.operation,
      message: reading.message,
      organisation,
      now,
      answer,
      wireWarnings: reading.warnings,
    });
  }
}
