/**
 * Register boundaries for reads: a caller reads its own registers in full, and a provider reads an
 * organiser's register for one client only while a register access right for one of its service units is
 * in force (SHA-SPEC section 6), and there only the documents of the service tasks under which the right is
 * listed, with the client-relationship documents that grant it. Every query goes through here before it
 * touches a document.
 */
import { CLIENT_RELATIONSHIP_GROUP } from '../cda/validate-document.js';
import type { ArchiveStore, DocumentFilter, StoredDocument } from '../store/archive-store.js';
import { coversDate, currentRights, finnishDate } from './access-rights.js';
import { organisationOids, type KnownOrganisation } from './identify-client.js';

/** Who asks, as plain values: the archivist UI builds one from an archivist's registers. */
export interface QueryCaller {
  /** Registers read in full: an organisation's own, or the register keepers an archivist acts for. */
  readonly registerOids: readonly string[];
  /** A provider's organisation and unit OIDs: their rights open organisers' registers client by client. */
  readonly providerUnitOids?: readonly string[];
  /** When the rights must be in force; default now. */
  readonly at?: Date;
}

/** What of one client's data a caller may read. */
export interface ClientReadScope {
  /** Every register the caller may read anything of (for the store's filter). */
  readonly registers: readonly string[];
  /** Registers read only in part, under rights: register OID -> the service tasks those rights cover. */
  readonly partial: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The caller on the Kanta interface: the TLS organisation, reading its own register and under its rights. */
export function callerFromOrganisation(org: KnownOrganisation, at: Date): QueryCaller {
  return { registerOids: [org.oid], providerUnitOids: organisationOids(org), at };
}

/** The registers of this client the caller may read, and which of them only for some service tasks. */
export async function clientReadScope(
  store: ArchiveStore,
  caller: QueryCaller,
  hetu: string,
): Promise<ClientReadScope> {
  const own = new Set(caller.registerOids);
  const partial = new Map<string, Set<string>>();
  const units = caller.providerUnitOids ?? [];
  if (units.length > 0) {
    const today = finnishDate(caller.at ?? new Date());
    const { rights } = await currentRights(store, hetu);
    for (const r of rights) {
      if (!own.has(r.registerOid) && units.includes(r.unitOid) && coversDate(r, today)) {
        const tasks = partial.get(r.registerOid) ?? new Set<string>();
        if (r.palvelutehtava !== undefined) {
          tasks.add(r.palvelutehtava);
        }
        partial.set(r.registerOid, tasks);
      }
    }
  }
  return { registers: [...own, ...partial.keys()], partial };
}

/**
 * Whether a document lies in the scope: in a register read in full, or in a register read under rights
 * and either a client-relationship document (it names the rights) or of a service task they cover.
 */
export function inReadScope(
  scope: ClientReadScope,
  doc: Pick<StoredDocument, 'registerOid' | 'documentGroup' | 'palvelutehtava'>,
): boolean {
  const tasks = scope.partial.get(doc.registerOid);
  if (tasks === undefined) {
    return scope.registers.includes(doc.registerOid);
  }
  return (
    doc.documentGroup === CLIENT_RELATIONSHIP_GROUP ||
    (doc.palvelutehtava !== undefined && tasks.has(doc.palvelutehtava))
  );
}

/** The documents matching `filter` inside the scope: registers read in part keep only what the rights cover. */
export async function listInScope(
  store: ArchiveStore,
  scope: ClientReadScope,
  filter: Omit<DocumentFilter, 'registerOids'>,
): Promise<StoredDocument[]> {
  const docs = await store.listDocuments({ ...filter, registerOids: scope.registers });
  return scope.partial.size === 0 ? docs : docs.filter((d) => inReadScope(scope, d));
}

/** Whether the caller may read this stored document. */
export async function mayRead(
  store: ArchiveStore,
  caller: QueryCaller,
  doc: StoredDocument,
): Promise<boolean> {
  if (caller.registerOids.includes(doc.registerOid)) {
    return true;
  }
  return inReadScope(await clientReadScope(store, caller, doc.hetu), doc);
}
