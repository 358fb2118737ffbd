/**
 * The control API's unscoped view of archived documents (GET /__sim/documents): every register at once,
 * for tests. The archivist interface, not this, is the register-scoped view.
 */
import { KantaSimError } from '../errors.js';
import type { DocumentStatus, StoredDocument } from '../store/archive-store.js';

export interface AdminDocumentFilter {
  readonly hetu?: string;
  /** Register keeper (custodian) OID. */
  readonly register?: string;
  readonly setId?: string;
  readonly status?: DocumentStatus;
  readonly limit?: number;
  readonly offset?: number;
}

const STATUSES: readonly DocumentStatus[] = ['active', 'invalidated'];

/** Reads the filter from query-string or JSON values; unknown keys fail by name. */
export function parseDocumentFilter(input: Record<string, unknown>): AdminDocumentFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) {
      continue;
    }
    if (key === 'limit' || key === 'offset') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < (key === 'limit' ? 1 : 0) || n > 10_000) {
        throw new KantaSimError('BAD_REQUEST', `documents: "${key}" must be an integer up to 10000`);
      }
      out[key] = n;
      continue;
    }
    if (typeof value !== 'string' || value === '') {
      throw new KantaSimError('BAD_REQUEST', `documents: "${key}" must be a single non-empty string`);
    }
    if (key === 'status' && !STATUSES.includes(value as DocumentStatus)) {
      throw new KantaSimError('BAD_REQUEST', `documents: "status" must be one of ${STATUSES.join(', ')}`);
    }
    if (!['hetu', 'register', 'setId', 'status'].includes(key)) {
      throw new KantaSimError(
        'BAD_REQUEST',
        `documents: unknown filter "${key}"; known: hetu, register, setId, status, limit, offset`,
      );
    }
    out[key] = value;
  }
  return out as AdminDocumentFilter;
}

/** A stored document without its bulky metadata JSON. */
export function documentSummary(doc: StoredDocument): Omit<StoredDocument, 'metadataJson'> {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => key !== 'metadataJson')) as Omit<
    StoredDocument,
    'metadataJson'
  >;
}
