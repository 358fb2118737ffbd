/**
 * What an operation handler gets: the service's dependencies, the typed inbound request read at the wire
 * edge, the caller and the answer context. Handlers are looked up by operation name (operation-handlers.ts).
 */
import type { X509Certificate } from 'node:crypto';
import type { OperationTable } from '../codes/operations.js';
import type { KantaSimConfig } from '../config.js';
import type { CertificateTrust } from '../pki/trust-types.js';
import type { ArchiveStore } from '../store/archive-store.js';
import type { InboundRequest } from '../wire/inbound-request.js';
import type { ExchangeOutcome } from './archive-answer.js';
import type { DocumentReader } from './document-reader.js';
import type { KnownOrganisation, OrganisationLookup } from './identify-client.js';

export interface ArchiveServiceDeps {
  readonly store: ArchiveStore;
  readonly organisations: OrganisationLookup;
  readonly trust: CertificateTrust;
  readonly operations: OperationTable;
  readonly config: Pick<KantaSimConfig, 'xmlLimits'>;
  readonly clock: () => Date;
  /** Reads and verifies the document an archiving message carries (off the event loop). */
  readonly reader: DocumentReader;
}

export interface ArchiveRequest {
  readonly messageBytes: Buffer;
  readonly clientCertificate?: X509Certificate;
}

/** The parts of the outcome known before the operation ran. */
export type AnswerContext = Omit<ExchangeOutcome, 'typeCode' | 'violations' | 'warnings' | 'httpStatus'>;

export interface OperationContext {
  readonly deps: ArchiveServiceDeps;
  /** The message as read at the wire edge (read-inbound-request.ts). */
  readonly request: InboundRequest;
  readonly organisation: KnownOrganisation;
  readonly now: Date;
  readonly answer: AnswerContext;
}

export type OperationHandler = (ctx: OperationContext) => Promise<ExchangeOutcome>;
