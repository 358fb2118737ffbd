/**
 * What an archivist's search asks, and how it becomes a filter of the archive: within the registers the
 * archivist acts for, dates as the prefixes of HL7 times, and a line for the usage log.
 */
import { KantaSimError } from '../errors.js';
import type { DocumentFilter, DocumentState } from '../store/archive-store.js';

export interface SearchQuery {
  readonly hetu?: string;
  readonly palvelutehtava?: string;
  readonly documentType?: string;
  readonly prosessivaihe?: string;
  readonly caseId?: string;
  /** ISO dates YYYY-MM-DD, inclusive. */
  readonly from?: string;
  readonly to?: string;
  readonly state?: DocumentState;
  readonly registerOid?: string;
}

/** The archive's filter for `query` in `registers`, returning at most `limit` documents. */
export function documentFilter(
  query: SearchQuery,
  registers: readonly string[],
  limit: number,
): DocumentFilter {
  return {
    registerOids: registers,
    hetu: query.hetu,
    palvelutehtava: query.palvelutehtava,
    documentType: query.documentType,
    prosessivaihe: query.prosessivaihe,
    caseId: query.caseId,
    state: query.state,
    from: query.from ? hl7Day(query.from) : undefined,
    to: query.to ? `${hl7Day(query.to)}~` : undefined,
    limit,
  };
}

/** The search's filters as the usage log records them (the client's hetu has its own column). */
export function searchDetail(query: SearchQuery): string {
  return Object.entries(query)
    .filter(([k, v]) => k !== 'hetu' && v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('; ');
}

/** `2026-01-15` -> `20260115`, the prefix of HL7 times as stored. */
function hl7Day(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    throw new KantaSimError('BAD_REQUEST', `"${iso}" is not a date (YYYY-MM-DD)`);
  }
  return iso.replace(/-/g, '');
}

/** A search filter: what narrows a search beyond the client (the hetu) and the purpose of use. */
export type SearchFilterKey = Exclude<keyof SearchQuery, 'hetu'>;

export const SEARCH_FILTER_KEYS = [
  'palvelutehtava',
  'documentType',
  'prosessivaihe',
  'caseId',
  'from',
  'to',
  'state',
  'registerOid',
] as const satisfies readonly SearchFilterKey[];
