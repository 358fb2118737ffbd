/**
 * What a query answers about one archived document version: the searchable metadata, the lifecycle state
 * and the invalidation record, never the internal bookkeeping (message bytes, journal ids).
 */
import type { DocumentState, InvalidationRecord, StoredDocument } from '../store/archive-store.js';

export interface DocumentMetadata {
  readonly id: string;
  readonly setId: string;
  readonly versionNumber: number;
  /** current = the highest valid version of its set; replaced; invalidated (never current). */
  readonly state: DocumentState;
  readonly registerOid: string;
  readonly senderOid: string;
  readonly hetu: string;
  readonly documentGroup?: string;
  readonly generalDocumentType?: string;
  /** Specific document type (tarkennettu asiakirjatyyppi) and its display name as the document gave it. */
  readonly documentType?: string;
  readonly documentTypeName?: string;
  readonly palvelutehtava?: string;
  readonly prosessivaihe?: string;
  readonly caseId?: string;
  readonly serviceUnitOid?: string;
  /** HL7 TS as the document wrote it. */
  readonly effectiveTime?: string;
  readonly serviceRequest: string;
  readonly replacesId?: string;
  readonly reasonOfCorrection?: string;
  readonly archivedAt: string;
  readonly sha256: string;
  readonly invalidation?: InvalidationRecord;
}

interface ArchivedHeader {
  readonly document?: {
    readonly header?: {
      readonly specificDocumentType?: { readonly displayName?: string };
      readonly reasonOfCorrection?: { readonly code?: string; readonly displayName?: string };
    };
  };
}

/** Metadata of a stored version, with the display names read from its archived header. */
export function toMetadata(doc: StoredDocument): DocumentMetadata {
  let header: NonNullable<ArchivedHeader['document']>['header'];
  try {
    header = (JSON.parse(doc.metadataJson) as ArchivedHeader).document?.header;
  } catch {
    header = undefined;
  }
  const reason = header?.reasonOfCorrection;
  const optional = {
    documentGroup: doc.documentGroup,
    generalDocumentType: doc.generalDocumentType,
    documentType: doc.documentType,
    documentTypeName: header?.specificDocumentType?.displayName,
    palvelutehtava: doc.palvelutehtava,
    prosessivaihe: doc.prosessivaihe,
    caseId: doc.caseId,
    serviceUnitOid: doc.serviceUnitOid,
    effectiveTime: doc.effectiveTime,
    replacesId: doc.replacesId,
    reasonOfCorrection: reason?.displayName ?? reason?.code,
    invalidation: doc.invalidation,
  };
  return {
    id: doc.id,
    setId: doc.setId,
    versionNumber: doc.versionNumber,
    state: doc.state,
    registerOid: doc.registerOid,
    senderOid: doc.senderOid,
    hetu: doc.hetu,
    serviceRequest: doc.serviceRequest,
    archivedAt: doc.archivedAt,
    sha256: doc.sha256,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}

/** Process-phase order (1 initiation .. 5 implementation), then date, then archiving order. */
export function byProcessPhase(a: DocumentMetadata, b: DocumentMetadata): number {
  const phase = (m: DocumentMetadata): number => Number(m.prosessivaihe ?? Number.MAX_SAFE_INTEGER);
  return (
    phase(a) - phase(b) ||
    (a.effectiveTime ?? '').localeCompare(b.effectiveTime ?? '') ||
    a.archivedAt.localeCompare(b.archivedAt)
  );
}
