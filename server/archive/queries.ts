/**
 * The query service: plain values in, plain values out, every read scoped to the registers the caller may
 * use (read-scope.ts). The Kanta interface (HL7 V3 queries and the JSON API) and the archivist UI call these
 * same functions. A client or document outside the caller's registers is answered with a rule, never with
 * an empty success, and the answer is the same whether the data exists elsewhere or not at all.
 */
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';
import type { ArchiveStore, DocumentState, InvalidationRecord } from '../store/archive-store.js';
import { CLIENT_RELATIONSHIP_GROUP } from '../cda/validate-document.js';
import { rightsFromRelationshipJson, structuredContent, type RegisterRight } from './access-rights.js';
import { byProcessPhase, toMetadata, type DocumentMetadata } from './document-metadata.js';
import {
  clientReadScope,
  listInScope,
  mayRead,
  type ClientReadScope,
  type QueryCaller,
} from './read-scope.js';

export type { QueryCaller } from './read-scope.js';
export type { DocumentMetadata } from './document-metadata.js';

export type QueryResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly violation: RuleViolation };

/** Filters of a document metadata query; dates are ISO (YYYY-MM-DD) or HL7 TS, both ends inclusive. */
export interface DocumentQuery {
  readonly hetu: string;
  readonly palvelutehtava?: string;
  readonly prosessivaihe?: string;
  readonly caseId?: string;
  readonly documentType?: string;
  readonly from?: string;
  readonly to?: string;
  readonly status?: DocumentState;
}

export interface ClientRelationshipAnswer {
  readonly hetu: string;
  /** The current client-relationship documents in the registers the caller may read. */
  readonly documents: readonly DocumentMetadata[];
  /** The register access rights those documents grant. */
  readonly rights: readonly RegisterRight[];
}

export interface CaseAnswer {
  readonly caseId: string;
  readonly registerOid: string;
  readonly palvelutehtava?: string;
  /** The case's current documents in process-phase order. */
  readonly documents: readonly DocumentMetadata[];
}

export interface SetHistory {
  readonly setId: string;
  /** The highest valid version; absent when the set is invalidated. */
  readonly currentId?: string;
  readonly invalidation?: InvalidationRecord;
  /** Every version, oldest first. */
  readonly versions: readonly DocumentMetadata[];
}

/** Kooste: the client's service tasks, their cases and the current documents in process-phase order. */
export interface ClientSummary {
  readonly hetu: string;
  readonly clientRelationship: readonly DocumentMetadata[];
  readonly serviceTasks: readonly {
    readonly palvelutehtava: string;
    readonly cases: readonly CaseAnswer[];
  }[];
}

const DOCUMENT_STATES: readonly DocumentState[] = ['current', 'replaced', 'invalidated'];
const ok = <T>(value: T): QueryResult<T> => ({ ok: true, value });
const refuse = <T>(rule: RuleViolation['rule'], location: string, detail: string): QueryResult<T> => ({
  ok: false,
  violation: violation(rule, location, detail),
});

/** What of this client the caller may read; a refusal when that holds nothing of the client. */
async function clientScope(
  store: ArchiveStore,
  caller: QueryCaller,
  hetu: string | undefined,
): Promise<QueryResult<ClientReadScope>> {
  if (hetu === undefined || hetu.trim() === '') {
    return refuse(RULES.QUERY_PARAMETER_MISSING, 'hetu', 'the client (hetu) is required');
  }
  const scope = await clientReadScope(store, caller, hetu);
  const any =
    scope.partial.size === 0
      ? (await store.countDocuments({ hetu, registerOids: scope.registers })) > 0
      : (await listInScope(store, scope, { hetu })).length > 0;
  if (!any) {
    const registers = scope.registers.join(', ') || 'none';
    return refuse(
      RULES.QUERY_CLIENT_NOT_IN_REGISTER,
      'hetu',
      `no data of client ${hetu} in the registers and service tasks this caller may read (${registers})`,
    );
  }
  return ok(scope);
}

/** The client-relationship documents of a client and the register access rights they grant. */
export async function queryClientRelationship(
  store: ArchiveStore,
  caller: QueryCaller,
  params: { readonly hetu: string },
): Promise<QueryResult<ClientRelationshipAnswer>> {
  const scope = await clientScope(store, caller, params.hetu);
  if (!scope.ok) {
    return scope;
  }
  const docs = await listInScope(store, scope.value, {
    hetu: params.hetu,
    documentGroup: CLIENT_RELATIONSHIP_GROUP,
    state: 'current',
  });
  const rights = docs.flatMap((d) =>
    rightsFromRelationshipJson(structuredContent(d), {
      registerOid: d.registerOid,
      hetu: d.hetu,
      relationshipDocumentId: d.id,
    }),
  );
  return ok({ hetu: params.hetu, documents: docs.map(toMetadata), rights });
}

/** The client's cases (asiat) with their current documents. */
export async function queryCases(
  store: ArchiveStore,
  caller: QueryCaller,
  params: { readonly hetu: string },
): Promise<QueryResult<CaseAnswer[]>> {
  const scope = await clientScope(store, caller, params.hetu);
  if (!scope.ok) {
    return scope;
  }
  const docs = await listInScope(store, scope.value, { hetu: params.hetu, state: 'current' });
  return ok(groupCases(docs.map(toMetadata)));
}

function groupCases(docs: readonly DocumentMetadata[]): CaseAnswer[] {
  const cases = new Map<string, DocumentMetadata[]>();
  for (const d of docs) {
    if (d.caseId !== undefined && d.documentGroup !== CLIENT_RELATIONSHIP_GROUP) {
      const key = `${d.registerOid}\u0000${d.caseId}`;
      cases.set(key, [...(cases.get(key) ?? []), d]);
    }
  }
  return [...cases.values()]
    .map((list) => {
      const sorted = [...list].sort(byProcessPhase);
      const first = sorted[0] as DocumentMetadata;
      return {
        caseId: first.caseId as string,
        registerOid: first.registerOid,
        ...(first.palvelutehtava === undefined ? {} : { palvelutehtava: first.palvelutehtava }),
        documents: sorted,
      };
    })
    .sort((a, b) => (a.documents[0]?.effectiveTime ?? '').localeCompare(b.documents[0]?.effectiveTime ?? ''));
}

/** Document metadata by client and filters, every version with its state, in date order. */
export async function queryDocuments(
  store: ArchiveStore,
  caller: QueryCaller,
  query: DocumentQuery,
): Promise<QueryResult<DocumentMetadata[]>> {
  if (query.status !== undefined && !DOCUMENT_STATES.includes(query.status)) {
    return refuse(
      RULES.QUERY_PARAMETER_INVALID,
      'status',
      `status must be one of ${DOCUMENT_STATES.join(', ')}`,
    );
  }
  const from = hl7Bound(query.from, '');
  const to = hl7Bound(query.to, '~');
  if (from === null || to === null) {
    return refuse(
      RULES.QUERY_PARAMETER_INVALID,
      from === null ? 'from' : 'to',
      'dates are YYYY-MM-DD or HL7 TS',
    );
  }
  const scope = await clientScope(store, caller, query.hetu);
  if (!scope.ok) {
    return scope;
  }
  const docs = await listInScope(store, scope.value, {
    hetu: query.hetu,
    palvelutehtava: query.palvelutehtava,
    prosessivaihe: query.prosessivaihe,
    caseId: query.caseId,
    documentType: query.documentType,
    state: query.status,
    from,
    to,
  });
  return ok(docs.map(toMetadata));
}

/**
 * A date bound as an HL7 TS prefix: YYYY-MM-DD -> YYYYMMDD; the upper bound gets a suffix sorting after
 * any time of that day. undefined = no bound, null = unreadable.
 */
function hl7Bound(value: string | undefined, suffix: string): string | undefined | null {
  if (value === undefined || value === '') {
    return undefined;
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) {
    return `${iso[1]}${iso[2]}${iso[3]}${suffix}`;
  }
  return /^\d{8}(\d{4,6})?$/.test(value) ? `${value}${suffix}` : null;
}

/** One document's metadata. */
export async function getDocumentMetadata(
  store: ArchiveStore,
  caller: QueryCaller,
  id: string,
): Promise<QueryResult<DocumentMetadata>> {
  const doc = await store.getDocument(id);
  if (!doc || !(await mayRead(store, caller, doc))) {
    return refuse(RULES.QUERY_DOCUMENT_NOT_IN_REGISTER, 'documentId', `document ${id}`);
  }
  return ok(toMetadata(doc));
}

/** One document's original CDA bytes, unchanged, with its metadata. */
export async function getDocumentContent(
  store: ArchiveStore,
  caller: QueryCaller,
  id: string,
): Promise<QueryResult<{ readonly metadata: DocumentMetadata; readonly bytes: Buffer }>> {
  const meta = await getDocumentMetadata(store, caller, id);
  if (!meta.ok) {
    return meta;
  }
  const bytes = await store.getDocumentBytes(id);
  return bytes === undefined
    ? refuse(RULES.QUERY_DOCUMENT_NOT_IN_REGISTER, 'documentId', `document ${id} has no stored bytes`)
    : ok({ metadata: meta.value, bytes });
}

/** Every version of a set, oldest first, with the current one and the invalidation named. */
export async function getSetHistory(
  store: ArchiveStore,
  caller: QueryCaller,
  setId: string,
): Promise<QueryResult<SetHistory>> {
  const versions = await store.listDocuments({ setId });
  const first = versions[0];
  if (!first || !(await mayRead(store, caller, first))) {
    return refuse(RULES.QUERY_DOCUMENT_NOT_IN_REGISTER, 'setId', `document set ${setId}`);
  }
  const meta = versions.map(toMetadata).sort((a, b) => a.versionNumber - b.versionNumber);
  const current = meta.find((m) => m.state === 'current');
  return ok({
    setId,
    versions: meta,
    ...(current === undefined ? {} : { currentId: current.id }),
    ...(first.invalidation === undefined ? {} : { invalidation: first.invalidation }),
  });
}

/** The summary (kooste) of a client: service tasks -> cases -> current documents in process-phase order. */
export async function getClientSummary(
  store: ArchiveStore,
  caller: QueryCaller,
  params: { readonly hetu: string },
): Promise<QueryResult<ClientSummary>> {
  const scope = await clientScope(store, caller, params.hetu);
  if (!scope.ok) {
    return scope;
  }
  const docs = (await listInScope(store, scope.value, { hetu: params.hetu, state: 'current' })).map(
    toMetadata,
  );
  const tasks = new Map<string, CaseAnswer[]>();
  for (const c of groupCases(docs)) {
    const task = c.palvelutehtava ?? '';
    tasks.set(task, [...(tasks.get(task) ?? []), c]);
  }
  return ok({
    hetu: params.hetu,
    clientRelationship: docs.filter((d) => d.documentGroup === CLIENT_RELATIONSHIP_GROUP),
    serviceTasks: [...tasks.entries()]
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .map(([palvelutehtava, cases]) => ({ palvelutehtava, cases })),
  });
}
