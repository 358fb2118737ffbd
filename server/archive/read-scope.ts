/**
 * Register boundaries for reads: a caller reads its own registers in full, and a provider reads an
 * organiser's register for one client only while a register access right for one of its service units is
 * in force (SHA-SPEC section 6). Every query goes through here before it touches a document.
 */
import type { ArchiveStore, StoredDocument } from '../store/archive-store.js';
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

/** The caller on the Kanta interface: the TLS organisation, reading its own register and under its rights. */
export function callerFromOrganisation(org: KnownOrganisation, at: Date): QueryCaller {
  return { registerOids: [org.oid], providerUnitOids: organisationOids(org), at };
}

/** The registers whose data of this client the caller may read. */
export async function readableRegisters(
  store: ArchiveStore,
  caller: QueryCaller,
  hetu: string,
): Promise<string[]> {
  const own = new Set(caller.registerOids);
  const units = caller.providerUnitOids ?? [];
  if (units.length === 0) {
    return [...own];
  }
  const today = finnishDate(caller.at ?? new Date());
  const { rights } = await currentRights(store, hetu);
  for (const r of rights) {
    if (units.includes(r.unitOid) && coversDate(r, today)) {
      own.add(r.registerOid);
    }
  }
  return [...own];
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
  return (await readableRegisters(store, caller, doc.hetu)).includes(doc.registerOid);
}
