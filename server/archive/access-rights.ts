/**
 * The register access right (rekisterin käyttöoikeus, SHA-SPEC section 6): the organiser's current
 * client-relationship document for a client lists, per service task, each provider's service unit with a
 * start date and, once ended, an end date. The keys follow the real SP1 document:
 * asiakkuusasiakirja.sosiaalihuollon_palvelutehtava[].palveluntuottaja[].palveluyksikon_nimi.code,
 * .asiakkuuden_alkamispvm, .asiakkuuden_paattymispvm. Only the current (highest valid) version counts, so a
 * later version that ends a right takes effect for documents dated after its end date.
 */
import type { ArchiveStore, StoredDocument } from '../store/archive-store.js';
import { CLIENT_RELATIONSHIP_GROUP } from '../cda/validate-document.js';

/** One provider service unit's right to use an organiser's register for one client. */
export interface RegisterRight {
  /** The organiser's register (custodian of the client-relationship document). */
  readonly registerOid: string;
  readonly hetu: string;
  /** The client-relationship document version the right was read from. */
  readonly relationshipDocumentId: string;
  readonly palvelutehtava?: string;
  readonly unitOid: string;
  readonly unitName?: string;
  /** ISO date YYYY-MM-DD. */
  readonly start: string;
  readonly end?: string;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the provider rights from a client-relationship document's structured form; tolerant of gaps. */
export function rightsFromRelationshipJson(
  json: unknown,
  source: Pick<RegisterRight, 'registerOid' | 'hetu' | 'relationshipDocumentId'>,
): RegisterRight[] {
  const root = obj(obj(json)?.['asiakkuusasiakirja']);
  const out: RegisterRight[] = [];
  for (const task of arr(root?.['sosiaalihuollon_palvelutehtava'])) {
    const t = obj(task);
    const palvelutehtava = str(obj(t?.['palvelutehtava'])?.['code']);
    for (const provider of arr(t?.['palveluntuottaja'])) {
      const p = obj(provider);
      const unit = obj(p?.['palveluyksikon_nimi']);
      const unitOid = str(unit?.['code']);
      const start = str(p?.['asiakkuuden_alkamispvm']);
      const end = str(p?.['asiakkuuden_paattymispvm']);
      if (unitOid === undefined || start === undefined || !ISO_DATE.test(start)) {
        continue; // a provider entry without unit or start date grants nothing
      }
      out.push({
        ...source,
        unitOid,
        start,
        ...(palvelutehtava === undefined ? {} : { palvelutehtava }),
        ...(str(unit?.['display']) === undefined ? {} : { unitName: str(unit?.['display']) }),
        ...(end !== undefined && ISO_DATE.test(end) ? { end } : {}),
      });
    }
  }
  return out;
}

/** The structured form archived with a document (metadataJson.content.json). */
export function structuredContent(doc: StoredDocument): unknown {
  try {
    return obj(obj(JSON.parse(doc.metadataJson))?.['content'])?.['json'];
  } catch {
    return undefined;
  }
}

/**
 * The rights recorded for a client by the current client-relationship documents, in one register or (no
 * registerOid) in every register. Internal: callers decide what of it they may reveal.
 */
export async function currentRights(
  store: ArchiveStore,
  hetu: string,
  registerOid?: string,
): Promise<{ readonly documents: readonly StoredDocument[]; readonly rights: readonly RegisterRight[] }> {
  const documents = await store.listDocuments({
    hetu,
    documentGroup: CLIENT_RELATIONSHIP_GROUP,
    state: 'current',
    ...(registerOid === undefined ? {} : { registerOids: [registerOid] }),
  });
  const rights = documents.flatMap((d) =>
    rightsFromRelationshipJson(structuredContent(d), {
      registerOid: d.registerOid,
      hetu,
      relationshipDocumentId: d.id,
    }),
  );
  return { documents, rights };
}

/** Whether a right covers a date (ISO YYYY-MM-DD), both ends inclusive. */
export function coversDate(right: RegisterRight, date: string): boolean {
  return right.start <= date && (right.end === undefined || date <= right.end);
}

/** The ISO date of an HL7 TS (YYYYMMDD...), as the document wrote it; undefined when unreadable. */
export function isoDateOfHl7(ts: string | undefined): string | undefined {
  const m = ts === undefined ? null : /^(\d{4})(\d{2})(\d{2})/.exec(ts);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** The calendar date in Finland of an instant (rights are dated in Finnish local dates). */
export function finnishDate(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(at);
}
