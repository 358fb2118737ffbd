/**
 * Whether a document was archived by a service provider (palveluntuottaja) into the organiser's register
 * under a register access right (SHA-SPEC section 6: outsourced services, service vouchers), rather than by
 * the register keeper itself. The archive records who sent it: the frame's sender, which must be the
 * calling organisation or one of its units. A sender that is neither the register keeper nor one of the
 * keeper's units is a provider.
 */
import type { StoredDocument } from '../store/archive-store.js';
import type { ArchivedDocument } from './archived-document.js';
import type { OrganisationNames } from './archivists.js';

/** The provider's OID when a provider archived the document, else undefined. */
export function providerOf(
  stored: Pick<StoredDocument, 'senderOid' | 'registerOid'>,
  organisations?: OrganisationNames,
): string | undefined {
  const sender = stored.senderOid;
  if (sender === '' || sender === stored.registerOid) {
    return undefined;
  }
  const keeperUnits = organisations?.get(stored.registerOid)?.units ?? [];
  return keeperUnits.some((u) => u.oid === sender) ? undefined : sender;
}

/** A provider by OID and name: the organisation's registered name, else the document's own service unit's. */
export interface ProviderModel {
  readonly oid: string;
  readonly name?: string;
}

/** The provider that archived the document, named, or undefined when the register keeper did. */
export function providerOfDocument(
  doc: ArchivedDocument,
  organisations?: OrganisationNames,
): ProviderModel | undefined {
  const oid = providerOf(doc.stored, organisations);
  if (oid === undefined) {
    return undefined;
  }
  // The provider's document names the provider's service unit as its producer (encounterParticipant ADM).
  const name = organisations?.get(oid)?.name ?? doc.document.caseInfo.serviceUnit?.name;
  return { oid, ...(name ? { name } : {}) };
}
