/**
 * The storage interface of the archive. The domain talks to this, never to SQL; a second backend is a new
 * implementation of this interface, not a branch inside one.
 */

export type DocumentStatus = 'active' | 'invalidated';

/** The searchable metadata extracted from a document, stored beside its original bytes. */
export interface DocumentIndexFields {
  readonly id: string;
  readonly setId: string;
  readonly versionNumber: number;
  /** The register keeper (custodian OID): every read and write is scoped by it. */
  readonly registerOid: string;
  readonly senderOid: string;
  readonly hetu: string;
  readonly palvelutehtava?: string;
  readonly documentType?: string;
  readonly generalDocumentType?: string;
  readonly documentGroup?: string;
  readonly prosessivaihe?: string;
  readonly caseId?: string;
  readonly serviceUnitOid?: string;
  readonly effectiveTime?: string;
  readonly serviceRequest: string;
}

export interface NewDocument extends DocumentIndexFields {
  /** The CDA exactly as received (after MIME decoding). */
  readonly cdaBytes: Buffer;
  /** The whole request message exactly as received. */
  readonly messageBytes: Buffer;
  readonly messageId: string;
  /** sha256 hex of cdaBytes: the identity used to tell a resubmission from an id conflict. */
  readonly sha256: string;
  /** The typed document, signature report and signed content, as JSON. */
  readonly metadataJson: string;
  readonly archivedAt: string;
}

export interface StoredDocument extends DocumentIndexFields {
  readonly sha256: string;
  readonly messageId: string;
  readonly status: DocumentStatus;
  readonly archivedAt: string;
  readonly metadataJson: string;
}

export type InsertResult =
  | { readonly kind: 'inserted' }
  | { readonly kind: 'duplicate'; readonly existing: StoredDocument }
  | { readonly kind: 'conflict'; readonly existing: StoredDocument };

export interface DocumentFilter {
  readonly registerOids?: readonly string[];
  readonly hetu?: string;
  readonly setId?: string;
  readonly status?: DocumentStatus;
  readonly palvelutehtava?: string;
  readonly documentType?: string;
  readonly prosessivaihe?: string;
  readonly caseId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface ArchiveStore {
  /** Stores a document atomically, or reports the document already archived under its id. */
  insertDocument(doc: NewDocument): Promise<InsertResult>;
  getDocument(id: string): Promise<StoredDocument | undefined>;
  /** The original CDA bytes, unchanged. */
  getDocumentBytes(id: string): Promise<Buffer | undefined>;
  listDocuments(filter: DocumentFilter): Promise<StoredDocument[]>;
  countDocuments(filter: DocumentFilter): Promise<number>;
  /** Removes everything, or everything of one register keeper. */
  reset(registerOid?: string): Promise<void>;
  /** Whether the database answers. */
  ping(): Promise<boolean>;
}
