/**
 * The register a document sits in and the register access rights (rekisterin käyttöoikeudet, SHA-SPEC
 * section 6) that apply to it: which register keeper's register, whether a provider archived it, and which
 * providers' service units the keeper's current client-relationship document lets archive into it for this
 * client, per service task and period. The rights are read the way the archive reads them for a write
 * (archive/access-rights.ts), so the panel shows what the archive decided by.
 */
import { coversDate, currentRights, isoDateOfHl7 } from '../archive/access-rights.js';
import type { CodeLists } from '../codes/code-lists.js';
import { CODE_SYSTEMS } from '../codes/code-systems.js';
import type { ArchiveStore } from '../store/archive-store.js';
import type { ArchivedDocument } from './archived-document.js';
import type { OrganisationNames } from './archivists.js';
import { namesOfCode } from './document-title.js';
import type { CodeNames } from './metadata-fields.js';
import { providerOfDocument, type ProviderModel } from './provider.js';

/** One provider service unit's right to the register for this client. */
export interface RegisterRightLine {
  readonly unitOid: string;
  readonly unitName?: string;
  readonly serviceTaskCode?: string;
  readonly serviceTask?: CodeNames;
  /** ISO dates. */
  readonly start: string;
  readonly end?: string;
  /** The right under which this document was archived (its unit, service task and date). */
  readonly coversThisDocument: boolean;
}

export interface RegisterContext {
  readonly registerOid: string;
  readonly registerName?: string;
  /** Set when a service provider archived the document. */
  readonly provider?: ProviderModel;
  /** Whether the register holds a current client-relationship document for the client. */
  readonly relationshipFound: boolean;
  readonly rights: readonly RegisterRightLine[];
}

/** The register context of a document the archivist may see (the rights come from the same register). */
export async function registerContextOf(
  doc: ArchivedDocument,
  store: ArchiveStore,
  organisations: OrganisationNames,
  codes: CodeLists,
): Promise<RegisterContext> {
  const { registerOid, hetu } = doc.stored;
  const { documents, rights } = await currentRights(store, hetu, registerOid);
  const provider = providerOfDocument(doc, organisations);
  const unit = doc.document.caseInfo.serviceUnit?.oid;
  const task = doc.document.header.palvelutehtava?.code;
  const date = isoDateOfHl7(doc.document.effectiveTime);
  const registerName = organisations.get(registerOid)?.name;
  return {
    registerOid,
    ...(registerName ? { registerName } : {}),
    ...(provider ? { provider } : {}),
    relationshipFound: documents.length > 0,
    rights: rights.map((r) => {
      const serviceTask = r.palvelutehtava
        ? namesOfCode({ code: r.palvelutehtava }, CODE_SYSTEMS.SERVICE_TASK, codes)
        : undefined;
      return {
        unitOid: r.unitOid,
        ...(r.unitName ? { unitName: r.unitName } : {}),
        ...(r.palvelutehtava ? { serviceTaskCode: r.palvelutehtava } : {}),
        ...(serviceTask ? { serviceTask } : {}),
        start: r.start,
        ...(r.end ? { end: r.end } : {}),
        coversThisDocument:
          provider !== undefined &&
          r.unitOid === unit &&
          r.palvelutehtava === task &&
          date !== undefined &&
          coversDate(r, date),
      };
    }),
  };
}
