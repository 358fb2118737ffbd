/**
 * A quick look at a message before the archive reads it, for fault matching: who sends, which operation,
 * which client. Tolerant: anything unreadable is left undefined (the archive will say why, if no fault
 * takes over).
 */
import type { X509Certificate } from 'node:crypto';
import type { OperationTable } from '../codes/operations.js';
import { describeCertificate } from '../pki/cert-info.js';
import type { ArchiveFrame, EnvelopeStyle } from '../wire/archive-frame.js';
import { readInboundRequest } from '../wire/read-inbound-request.js';
import type { XmlLimits } from '../xml/limits.js';

export interface ExchangeProbe {
  readonly style: EnvelopeStyle;
  readonly frame?: ArchiveFrame;
  /** The frame's sender, else the TLS certificate's subject serialNumber. */
  readonly organisations: readonly string[];
  readonly interaction?: string;
  readonly serviceRequest?: string;
  /** The operation name of the operation table (e.g. archive-client-document). */
  readonly operation?: string;
  /** The client of the document (the frame's metadata copy). */
  readonly hetu?: string;
}

/** Reads what fault matching needs out of a message. Never throws. */
export function probeExchange(
  messageBytes: Buffer,
  clientCertificate: X509Certificate | undefined,
  limits: XmlLimits,
  operations: OperationTable,
): ExchangeProbe {
  const tlsOrg = certificateOrganisation(clientCertificate);
  // Read as the archive reads it (any declared encoding), so a fault matches a UTF-16 message too. A
  // refused reading still names what it read: a fault may match a message the archive would refuse.
  const reading = readInboundRequest(messageBytes, { limits, operations, senderOids: [] });
  const { style, frame, operation } = reading.ok ? reading.request : reading;
  if (!frame) {
    return { style, organisations: tlsOrg ? [tlsOrg] : [] };
  }
  const serviceRequest = frame.serviceRequests[0]?.code;
  const organisations = [frame.senderOid, tlsOrg].filter((o): o is string => o !== undefined);
  return {
    style,
    frame,
    organisations,
    ...(frame.interactionId ? { interaction: frame.interactionId } : {}),
    ...(serviceRequest ? { serviceRequest } : {}),
    ...(operation ? { operation: operation.operation } : {}),
    ...(frame.document?.hetu ? { hetu: frame.document.hetu } : {}),
  };
}

function certificateOrganisation(cert: X509Certificate | undefined): string | undefined {
  if (!cert) {
    return undefined;
  }
  try {
    return describeCertificate(cert).subjectSerialNumber;
  } catch {
    return undefined;
  }
}
