/**
 * The SQL shape of the documents table for SqliteArchiveStore: the columns written, the SELECT with the
 * derived lifecycle state and the set's invalidation, the WHERE built from a DocumentFilter, and row -> domain.
 */
import type { DocumentFilter, InvalidationRecord, StoredDocument } from './archive-store.js';
import type { SqlValue, SqliteDatabase } from './sqlite-database.js';

export interface DocumentRow {
  id: string;
  set_id: string;
  version_number: number;
  register_oid: string;
  sender_oid: string;
  hetu: string;
  palvelutehtava: string | null;
  document_type: string | null;
  general_document_type: string | null;
  document_group: string | null;
  prosessivaihe: string | null;
  case_id: string | null;
  service_unit_oid: string | null;
  effective_time: string | null;
  service_request: string;
  replaces_id: string | null;
  status: 'active' | 'invalidated';
  state: 'current' | 'replaced' | 'invalidated';
  message_id: string;
  sha256: string;
  archived_at: string;
  metadata_json: string;
  inv_document_id: string | null;
  inv_at: string | null;
  inv_via: 'client-system' | 'archivist' | null;
  inv_by_kind: string | null;
  inv_by_id: string | null;
  inv_by_name: string | null;
  inv_reason: string | null;
  inv_nullifying_document_id: string | null;
}

/** Columns written on insert, in order. */
export const INSERT_COLUMNS = [
  'id',
  'set_id',
  'version_number',
  'register_oid',
  'sender_oid',
  'hetu',
  'palvelutehtava',
  'document_type',
  'general_document_type',
  'document_group',
  'prosessivaihe',
  'case_id',
  'service_unit_oid',
  'effective_time',
  'service_request',
  'replaces_id',
  'status',
  'message_id',
  'sha256',
  'archived_at',
  'metadata_json',
] as const;

/** A version is replaced when its set holds a higher version; an invalidated set has no current version. */
const STATE = `CASE WHEN d.status = 'invalidated' THEN 'invalidated'
  WHEN EXISTS (SELECT 1 FROM documents n WHERE n.set_id = d.set_id AND n.version_number > d.version_number)
  THEN 'replaced' ELSE 'current' END`;

export const SELECT_DOCUMENTS = `SELECT ${INSERT_COLUMNS.map((c) => `d.${c}`).join(', ')}, ${STATE} AS state,
  i.document_id AS inv_document_id, i.invalidated_at AS inv_at, i.via AS inv_via, i.by_kind AS inv_by_kind,
  i.by_id AS inv_by_id, i.by_name AS inv_by_name, i.reason AS inv_reason,
  i.nullifying_document_id AS inv_nullifying_document_id
  FROM documents d LEFT JOIN invalidations i ON i.set_id = d.set_id`;

export function whereClause(filter: DocumentFilter): { where: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (filter.registerOids) {
    parts.push(`d.register_oid IN (${placeholders(filter.registerOids.length) || 'NULL'})`);
    params.push(...filter.registerOids);
  }
  const equal: [keyof DocumentFilter, string][] = [
    ['hetu', 'd.hetu'],
    ['setId', 'd.set_id'],
    ['status', 'd.status'],
    ['palvelutehtava', 'd.palvelutehtava'],
    ['documentType', 'd.document_type'],
    ['documentGroup', 'd.document_group'],
    ['prosessivaihe', 'd.prosessivaihe'],
    ['caseId', 'd.case_id'],
    ['state', STATE],
  ];
  for (const [key, column] of equal) {
    const value = filter[key];
    if (typeof value === 'string') {
      parts.push(`(${column}) = ?`);
      params.push(value);
    }
  }
  if (filter.from) {
    parts.push('d.effective_time >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    parts.push('d.effective_time <= ?');
    params.push(filter.to);
  }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function toStored(row: DocumentRow): StoredDocument {
  const opt = (v: string | null): string | undefined => v ?? undefined;
  const invalidation: InvalidationRecord | undefined =
    row.inv_at === null || row.inv_via === null
      ? undefined
      : {
          setId: row.set_id,
          registerOid: row.register_oid,
          documentId: row.inv_document_id ?? row.id,
          at: row.inv_at,
          via: row.inv_via,
          by: { kind: row.inv_by_kind ?? '', id: row.inv_by_id ?? '', name: opt(row.inv_by_name) },
          reason: opt(row.inv_reason),
          nullifyingDocumentId: opt(row.inv_nullifying_document_id),
        };
  return {
    id: row.id,
    setId: row.set_id,
    versionNumber: row.version_number,
    registerOid: row.register_oid,
    senderOid: row.sender_oid,
    hetu: row.hetu,
    palvelutehtava: opt(row.palvelutehtava),
    documentType: opt(row.document_type),
    generalDocumentType: opt(row.general_document_type),
    documentGroup: opt(row.document_group),
    prosessivaihe: opt(row.prosessivaihe),
    caseId: opt(row.case_id),
    serviceUnitOid: opt(row.service_unit_oid),
    effectiveTime: opt(row.effective_time),
    serviceRequest: row.service_request,
    replacesId: opt(row.replaces_id),
    status: row.status,
    state: row.state,
    messageId: row.message_id,
    sha256: row.sha256,
    archivedAt: row.archived_at,
    metadataJson: row.metadata_json,
    ...(invalidation === undefined ? {} : { invalidation }),
  };
}

/** `n` bound-parameter marks for an IN list or a VALUES row. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** Every version of each of `setIds`, oldest first, by set (a set without documents is absent). */
export async function selectSetVersions(
  db: SqliteDatabase,
  setIds: readonly string[],
): Promise<Map<string, StoredDocument[]>> {
  const out = new Map<string, StoredDocument[]>();
  if (setIds.length === 0) {
    return out;
  }
  const rows = await db.all<DocumentRow>(
    `${SELECT_DOCUMENTS} WHERE d.set_id IN (${placeholders(setIds.length)}) ORDER BY d.set_id, d.version_number`,
    setIds,
  );
  for (const row of rows) {
    const list = out.get(row.set_id) ?? [];
    list.push(toStored(row));
    out.set(row.set_id, list);
  }
  return out;
}
