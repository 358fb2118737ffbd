/**
 * What an operation handler gets: the service's dependencies, the request, the read message, the caller
 * and the answer context. Handlers are looked up by operation name (operation-handlers.ts).
 */
import type { Element } from '@xmldom/xmldom';
import type { X509Certificate } from 'node:crypto';
import type { Operation, OperationTable } from '../codes/operations.js';
import type { KantaSimConfig } from '../config.js';
import type { CertificateTrust } from '../pki/trust-types.js';
import type { ArchiveStore } from '../store/archive-store.js';
import type { RuleViolation } from '../rules/rule.js';
import type { ArchiveFrame } from '../wire/archive-frame.js';
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
  readonly request: ArchiveRequest;
  readonly frame: ArchiveFrame;
  readonly operation: Operation;
  /** The HL7 message element (queries read their parameters from it). */
  readonly message: Element;
  readonly organisation: KnownOrganisation;
  readonly now: Date;
  readonly answer: AnswerContext;
  /** Warnings about the message's wire form (e.g. its encoding), added to an AA. */
  readonly wireWarnings: readonly RuleViolation[];
}

export type OperationHandler = (ctx: OperationContext) => Promise<ExchangeOutcome>;
