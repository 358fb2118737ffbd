/**
 * The storage interface of the archive. The domain talks to this, never to SQL; a second backend is a new
 * implementation of this interface, not a branch inside one.
 */

export type DocumentStatus = 'active' | 'invalidated';

/**
 * Where a version stands in its set: the highest valid version is current, older ones are replaced, and an
 * invalidated set (mitätöity) has no current version at all.
 */
export type DocumentState = 'current' | 'replaced' | 'invalidated';

/** Who invalidated a set: the client system (a nullified new version) or an archivist in the archivist UI. */
export interface InvalidationRecord {
  readonly setId: string;
  readonly registerOid: string;
  /** The version the invalidation named (the replaced version, or the one the archivist chose). */
  readonly documentId: string;
  /** ISO instant. */
  readonly at: string;
  readonly via: 'client-system' | 'archivist';
  readonly by: { readonly kind: string; readonly id: string; readonly name?: string };
  readonly reason?: string;
  /** The nullified version that carried a client system's invalidation. */
  readonly nullifyingDocumentId?: string;
}

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
  /** relatedDocument RPLC: the version this one replaces. */
  readonly replacesId?: string;
}

export interface NewDocument extends DocumentIndexFields {
  /** The CDA exactly as received (after MIME decoding). */
  readonly cdaBytes: Buffer;
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
  readonly state: DocumentState;
  readonly archivedAt: string;
  readonly metadataJson: string;
  /** Present when the set was invalidated. */
  readonly invalidation?: InvalidationRecord;
}

export type InsertResult<R = never> =
  | { readonly kind: 'inserted' }
  | { readonly kind: 'duplicate'; readonly existing: StoredDocument }
  | { readonly kind: 'conflict'; readonly existing: StoredDocument }
  /** The caller's set check refused the version (decided inside the insert transaction). */
  | { readonly kind: 'refused'; readonly refusal: R }
  /** Another version with the same setId and versionNumber won a race (the unique index fired). */
  | { readonly kind: 'version-conflict' };

export interface InsertOptions<R> {
  /**
   * Decides, inside the same write transaction as the insert, whether the version may join its set; sees
   * every stored version of the set (any register). Returning a value refuses the insert with it.
   */
  readonly checkSet?: (versions: readonly StoredDocument[]) => R | undefined;
  /** Stores the document as invalidated and invalidates its whole set with this record (nullified version). */
  readonly invalidate?: InvalidationRecord;
}

export type InvalidateResult<R> =
  | { readonly kind: 'invalidated'; readonly record: InvalidationRecord }
  | { readonly kind: 'refused'; readonly refusal: R }
  | { readonly kind: 'unknown' };

export interface DocumentFilter {
  readonly registerOids?: readonly string[];
  readonly hetu?: string;
  readonly setId?: string;
  readonly status?: DocumentStatus;
  readonly state?: DocumentState;
  readonly documentGroup?: string;
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
  insertDocument<R = never>(doc: NewDocument, options?: InsertOptions<R>): Promise<InsertResult<R>>;
  /**
   * Invalidates every version of a set atomically; `check` sees the set's versions inside the transaction
   * and may refuse. Unknown set: { kind: 'unknown' }.
   */
  invalidateSet<R = never>(
    record: InvalidationRecord,
    check?: (versions: readonly StoredDocument[]) => R | undefined,
  ): Promise<InvalidateResult<R>>;
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
