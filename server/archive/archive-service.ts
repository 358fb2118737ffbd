/**
 * The archive's domain service for the Kanta interface: decides the answer to one exchange. It sees plain
 * values (bytes, a certificate, the clock), never HTTP; it persists through ArchiveStore.
 */
import { createHash, type X509Certificate } from 'node:crypto';
import type { CodeLists } from '../codes/code-lists.js';
import type { Operation, OperationTable } from '../codes/operations.js';
import type { KantaSimConfig } from '../config.js';
import { isKantaSimError } from '../errors.js';
import type { CertificateTrust } from '../pki/trust-types.js';
import { RULES } from '../rules/catalogue.js';
import { violation } from '../rules/rule.js';
import type { ArchiveStore } from '../store/archive-store.js';
import { refusal, type ExchangeOutcome } from './archive-answer.js';
import {
  identifyClient,
  organisationOids,
  type KnownOrganisation,
  type OrganisationLookup,
} from './identify-client.js';
import { readDocument, type ReadDocument } from './read-document.js';
import { readMessage } from './read-message.js';
import type { ArchiveFrame } from '../wire/archive-frame.js';
import { checkRegisterWrite } from './register-access.js';

export interface ArchiveServiceDeps {
  readonly store: ArchiveStore;
  readonly organisations: OrganisationLookup;
  readonly trust: CertificateTrust;
  readonly codes: CodeLists;
  readonly operations: OperationTable;
  readonly config: Pick<KantaSimConfig, 'trustMode' | 'testIdentityGuardrail' | 'xmlLimits'>;
  readonly clock: () => Date;
}

export interface ArchiveRequest {
  readonly messageBytes: Buffer;
  readonly clientCertificate?: X509Certificate;
}

/** Operations this service performs, by operation name in the operation table. */
const ARCHIVING_OPERATIONS = new Set(['archive-client-relationship-document', 'archive-client-document']);

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
      request.messageBytes.toString('utf8'),
      this.deps.config.xmlLimits,
      organisationOids(organisation),
      this.deps.operations,
    );
    const context = {
      style: reading.style,
      targetMessageId: reading.frame?.messageId,
      senderOid: reading.frame?.senderOid,
      interactionId: reading.frame?.interactionId,
      serviceRequest: reading.frame?.serviceRequests[0]?.code,
    };
    if (!reading.ok) {
      return refusal(reading.violations, context);
    }
    if (!ARCHIVING_OPERATIONS.has(reading.operation.operation)) {
      return refusal(
        [
          violation(
            RULES.OPERATION_NOT_SUPPORTED,
            `/${reading.frame.rootName}/controlActProcess/reasonCode/@code`,
            `operation "${reading.operation.operation}" (${context.serviceRequest}) is not performed by this archive version`,
          ),
        ],
        context,
      );
    }
    return this.archive(request, reading.frame, reading.operation, organisation, now, context);
  }

  private async archive(
    request: ArchiveRequest,
    frame: ArchiveFrame,
    operation: Operation,
    organisation: KnownOrganisation,
    now: Date,
    context: Omit<ExchangeOutcome, 'typeCode' | 'violations' | 'warnings' | 'httpStatus'>,
  ): Promise<ExchangeOutcome> {
    const { config } = this.deps;
    const read = readDocument(frame, operation, {
      codes: this.deps.codes,
      trust: this.deps.trust,
      trustMode: config.trustMode,
      testIdentityGuardrail: config.testIdentityGuardrail,
      limits: config.xmlLimits,
      now,
    });
    const withDocument = { ...context, documentId: read.ok ? read.document.id : read.document?.id };
    if (!read.ok) {
      return refusal(read.violations, withDocument);
    }
    const access = checkRegisterWrite(read.document, organisation, this.deps.organisations);
    if (access.length > 0) {
      return refusal(access, withDocument);
    }
    return this.store(request, frame, operation, read, now, withDocument);
  }

  private async store(
    request: ArchiveRequest,
    frame: ArchiveFrame,
    operation: Operation,
    read: ReadDocument,
    now: Date,
    context: Omit<ExchangeOutcome, 'typeCode' | 'violations' | 'warnings' | 'httpStatus'>,
  ): Promise<ExchangeOutcome> {
    const { document } = read;
    const h = document.header;
    try {
      const result = await this.deps.store.insertDocument({
        id: document.id,
        setId: document.setId,
        versionNumber: document.versionNumber,
        registerOid: document.custodian.oid,
        senderOid: frame.senderOid ?? '',
        hetu: document.client.hetu,
        palvelutehtava: h.palvelutehtava?.code,
        documentType: h.specificDocumentType?.code,
        generalDocumentType: document.code?.code,
        documentGroup: h.documentGroup?.code,
        prosessivaihe: h.prosessivaihe?.code,
        caseId: document.caseInfo.caseId,
        serviceUnitOid: document.caseInfo.serviceUnit?.oid,
        effectiveTime: document.effectiveTime,
        serviceRequest: operation.serviceRequest,
        cdaBytes: read.cdaBytes,
        messageBytes: request.messageBytes,
        messageId: `${frame.messageId?.root ?? ''}:${frame.messageId?.extension ?? ''}`,
        sha256: createHash('sha256').update(read.cdaBytes).digest('hex'),
        metadataJson: JSON.stringify({
          document,
          content: read.content,
          signatures: read.signatures,
          warnings: read.warnings.map((w) => ({ code: w.rule.code, detail: w.detail })),
        }),
        archivedAt: now.toISOString(),
      });
      if (result.kind === 'conflict') {
        return refusal(
          [
            violation(
              RULES.ARCHIVE_ID_CONFLICT,
              '/ClinicalDocument/id/@root',
              `document ${document.id} was archived on ${result.existing.archivedAt} with different content`,
            ),
          ],
          context,
        );
      }
      return {
        ...context,
        typeCode: 'AA',
        violations: [],
        warnings: read.warnings,
        repeated: result.kind === 'duplicate',
        httpStatus: 200,
      };
    } catch (e) {
      if (isKantaSimError(e) && e.code === 'STORE_FAILED') {
        return refusal([violation(RULES.ARCHIVE_UNAVAILABLE, '/', e.message)], {
          ...context,
          httpStatus: 503,
        });
      }
      throw e;
    }
  }
}
