/**
 * A document's title in three languages, from the code lists: its specific type, else its general type,
 * else its document group. The client-relationship document (asiakkuusasiakirja) carries no type code at
 * all (the real SP1 document writes `code nullFlavor="NA"`), so without the group it would have no name
 * but its OID. The document's own displayName is the last resort, as the Finnish name.
 */
import type { CodedValue } from '../cda/social-document.js';
import type { CodeLists } from '../codes/code-lists.js';
import { CODE_SYSTEMS } from '../codes/code-systems.js';
import type { CodeNames } from './metadata-fields.js';

/** The codes a title is read from, as the document header carries them. */
export interface TitleCodes {
  readonly specificDocumentType?: CodedValue;
  readonly generalDocumentType?: CodedValue;
  readonly documentGroup?: CodedValue;
}

/** The title codes of a typed document. */
export function titleCodesOf(doc: {
  readonly code?: CodedValue;
  readonly header: { readonly specificDocumentType?: CodedValue; readonly documentGroup?: CodedValue };
}): TitleCodes {
  return {
    specificDocumentType: doc.header.specificDocumentType,
    generalDocumentType: doc.code,
    documentGroup: doc.header.documentGroup,
  };
}

/** The names of one coded value from its list, else its displayName as the Finnish name. */
export function namesOfCode(
  value: CodedValue | undefined,
  defaultSystem: string,
  codes: CodeLists,
): CodeNames | undefined {
  if (!value?.code) {
    return value?.displayName ? { fi: value.displayName } : undefined;
  }
  const entry = codes.lookup(value.codeSystem ?? defaultSystem, value.code);
  if (entry) {
    return { fi: entry.fi, ...(entry.sv ? { sv: entry.sv } : {}), ...(entry.en ? { en: entry.en } : {}) };
  }
  return value.displayName ? { fi: value.displayName } : undefined;
}

/** The document's title names, or undefined when no code names it (the page then says "Document"). */
export function documentTitle(title: TitleCodes, codes: CodeLists): CodeNames | undefined {
  return (
    namesOfCode(title.specificDocumentType, CODE_SYSTEMS.DOCUMENT_TYPE, codes) ??
    namesOfCode(title.generalDocumentType, CODE_SYSTEMS.DOCUMENT_TYPE, codes) ??
    namesOfCode(title.documentGroup, CODE_SYSTEMS.DOCUMENT_GROUP, codes)
  );
}
