/**
 * The ids a scenario's documents get. A scenario names its documents and cases by scenario-local keys
 * (`"key": "aino-plan"`, `"case": "aino-ls"`), never by absolute ids, and every id is derived from the
 * register keeper's OID and that key. So the same scenario applied to N organisations (retarget-scenario.ts)
 * gives N disjoint id sets, and applying it again to the same organisation gives the same ids, which is how
 * a seed recognises that it was already applied.
 */
import { createHash } from 'node:crypto';
import type { Scenario, SeedDocument } from './scenario.js';

/** The arcs kanta-sim puts under an organisation's base for seeded documents and cases. */
const DOCUMENT_ARC = '95';
const CASE_ARC = '96';
const RELATIONSHIP_ARC = '97';

/**
 * The organisation's base arcs: `1.2.246.10.1234567.10.0` -> `1.2.246.10.1234567` (the `.10.0` is the
 * organisation's own node in kanta-sim's OIDs; documents and cases hang beside it).
 */
export function organisationBase(oid: string): string {
  return oid.replace(/\.10\.0$/, '');
}

/** A stable decimal arc from a key: 15 digits of its SHA-256, never with a leading zero. */
function arcOf(key: string): string {
  const digest = createHash('sha256').update(key, 'utf8').digest();
  const n = digest.readBigUInt64BE(0) % 10n ** 14n;
  return (n + 10n ** 14n).toString();
}

/** The document id of `key` in the register of `keeperOid`. */
export function documentIdFor(keeperOid: string, key: string): string {
  return `${organisationBase(keeperOid)}.${DOCUMENT_ARC}.${arcOf(`document:${key}`)}`;
}

/** The case (asia) id of `caseKey` in the register of `keeperOid`. */
export function caseIdFor(keeperOid: string, caseKey: string): string {
  return `${organisationBase(keeperOid)}.${CASE_ARC}.${arcOf(`case:${caseKey}`)}`;
}

/** The client relationship's own id (asiakkuuden yksilöintitunnus) of a client-relationship document set. */
export function relationshipIdFor(keeperOid: string, rootKey: string): string {
  return `${organisationBase(keeperOid)}.${RELATIONSHIP_ARC}.${arcOf(`relationship:${rootKey}`)}`;
}

/** The id of the nullified version an invalidation archives. */
export function invalidationIdFor(
  keeperOid: string,
  invalidation: { document: string; key?: string },
): string {
  return documentIdFor(keeperOid, invalidation.key ?? `${invalidation.document}~invalidation`);
}

/**
 * A document's key: its own `key`, or for an entry without one (the older format) a key made of its place
 * and content, so that two different scenarios never share ids by accident while the same entry does.
 */
export function documentKeyOf(document: SeedDocument, index: number): string {
  if (document.key !== undefined) {
    return document.key;
  }
  const digest = createHash('sha256').update(JSON.stringify(document), 'utf8').digest('hex');
  return `#${index}:${digest.slice(0, 16)}`;
}

/** The id one document entry gets: its explicit `id`, else derived from its keeper and key. */
export function documentIdOf(document: SeedDocument, index: number): string {
  return document.id ?? documentIdFor(document.organisation, documentKeyOf(document, index));
}

/**
 * Every document id the scenario would create, in order: its documents, then the nullified versions its
 * invalidations archive (refusals store nothing). A caller that must be idempotent (the classroom)
 * compares these with what is archived: all present means applied.
 */
export function plannedDocumentIds(scenario: Scenario): string[] {
  const keeperOf = (key: string): string => scenario.documents.find((d) => d.key === key)?.organisation ?? '';
  return [
    ...scenario.documents.map((d, i) => documentIdOf(d, i)),
    ...scenario.invalidations.map((inv) => invalidationIdFor(keeperOf(inv.document), inv)),
  ];
}
