/**
 * A stored document as the archivist interface reads it: the index row plus the typed document, its
 * signed content and signature report, decoded once from documents.metadata_json.
 */
import type { SignedContent, SocialDocument } from '../cda/social-document.js';
import type { SignatureReport } from '../signature/signature-types.js';
import type { StoredDocument } from '../store/archive-store.js';

export interface ArchivedDocument {
  readonly stored: StoredDocument;
  readonly document: SocialDocument;
  readonly content: SignedContent;
  readonly signatures: readonly SignatureReport[];
  readonly warnings: readonly { readonly code: string; readonly detail?: string }[];
}

interface MetadataJson {
  document?: SocialDocument;
  content?: SignedContent;
  signatures?: SignatureReport[];
  warnings?: { code: string; detail?: string }[];
}

/**
 * Decodes metadata_json. A row without a parsable document (an older or foreign row) still shows its index
 * fields, so the archivist can see that it exists.
 */
export function readArchivedDocument(stored: StoredDocument): ArchivedDocument {
  let meta: MetadataJson = {};
  try {
    const parsed: unknown = JSON.parse(stored.metadataJson);
    if (typeof parsed === 'object' && parsed !== null) {
      meta = parsed as MetadataJson;
    }
  } catch {
    meta = {};
  }
  const document: SocialDocument = meta.document ?? {
    id: stored.id,
    setId: stored.setId,
    versionNumber: stored.versionNumber,
    client: { hetu: stored.hetu, given: [], family: '' },
    custodian: { oid: stored.registerOid },
    caseInfo: { caseId: stored.caseId },
    header: { signers: [] },
    effectiveTime: stored.effectiveTime,
  };
  return {
    stored,
    document,
    content: meta.content ?? {},
    signatures: Array.isArray(meta.signatures) ? meta.signatures : [],
    warnings: Array.isArray(meta.warnings) ? meta.warnings : [],
  };
}

/** The client's name as "Family Given Given", or '' when the document carries none. */
export function clientName(doc: SocialDocument): string {
  return [doc.client.family, ...doc.client.given].filter((s) => s !== '').join(' ');
}
