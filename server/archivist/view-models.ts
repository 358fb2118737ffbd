/**
 * What the archivist pages read: plain readonly data shaped for the page, and the vocabulary (keys, reasons)
 * the page's texts are keyed by. archivist-ui imports these and nothing else from the server, so a store
 * column or a service type can change without reaching the markup. The service's results already carry
 * these shapes; where a page needs a derived value (a client's name, a split reason), the mapping functions
 * below build it once, on the route side.
 */
import { RULES } from '../rules/catalogue.js';
import type { RuleDefinition } from '../rules/rule.js';
import type { SignatureReport } from '../signature/signature-types.js';
import type { UsageAction, UsageEntry } from '../store/usage-log-store.js';
import { clientName, type ArchivedDocument } from './archived-document.js';
import type { DocumentView } from './document-view.js';
import type { MetadataValue } from './metadata-fields.js';
import type { CodeLists } from '../codes/code-lists.js';
import { documentTitle, titleCodesOf } from './document-title.js';
import type { CodeNames } from './metadata-fields.js';
import { splitReason, type AccessReason } from './purposes.js';
import type { RegisterContext } from './register-context.js';
import { structuredContent, type ContentValue } from './structured-content.js';
import { readUsageDetail, type UsageDetail } from './usage-detail.js';
import type { FieldChange } from './version-diff.js';

export type { SearchResult } from './document-view.js';
export type { CaseTitle, ResultDocument } from './group-results.js';
export type { CodeNames, MetadataKey, MetadataValue } from './metadata-fields.js';
export type { ContentChange, FieldChange, MetadataChange } from './version-diff.js';
export type { FieldLabel } from './content-fields.js';
export type { ProviderModel } from './provider.js';
export type { ContentField, ContentValue, SystemName } from './structured-content.js';
export type { RegisterContext, RegisterRightLine } from './register-context.js';
export type { SearchFilterKey } from './search-query.js';
export type { UsageDetail } from './usage-detail.js';
export type {
  SignatureCheckName,
  SignatureCheckNote,
  SignatureReport,
} from '../signature/signature-types.js';
export type { UsageAction } from '../store/usage-log-store.js';
export { ACCESS_REASONS, type AccessReason, type Purpose, type PurposeProblem } from './purposes.js';
export { USAGE_ACTIONS, type CsvColumn } from './usage-log.js';
export { COMPARE_KEYS } from './compare.js';

/** Who invalidated a document set, when and why. */
export interface InvalidationModel {
  readonly at: string;
  readonly via: 'client-system' | 'archivist';
  readonly by: { readonly id: string; readonly name?: string };
  readonly reason?: string;
}

/** A document version's facts as a page lists them. */
export interface DocumentFacts {
  readonly id: string;
  readonly hetu: string;
  readonly versionNumber: number;
  readonly effectiveTime?: string;
  readonly archivedAt: string;
  /** current, replaced or invalidated; `status` is shown when a row has no state. */
  readonly state?: string;
  readonly status: string;
  readonly invalidation?: InvalidationModel;
}

/** A document named for its reader: its facts and the client's name ('' when it carries none). */
export interface DocumentSummary {
  readonly stored: DocumentFacts;
  readonly clientName: string;
}

/** The document page's document: its summary, structured content, signatures and reading warnings. */
export interface DocumentModel extends DocumentSummary {
  /** The title's names (type or group from the code lists); undefined when no code names the document. */
  readonly title?: CodeNames;
  /** The structured content, labelled from the field dictionary; undefined when the document has none. */
  readonly structured?: ContentValue;
  readonly signatures: readonly SignatureReport[];
  /** Reading warnings by rule code, with the rule's texts when the catalogue knows the code. */
  readonly warnings: readonly WarningLine[];
}

export interface WarningLine {
  readonly code: string;
  readonly rule?: { readonly fi: string; readonly sv: string; readonly en: string };
}

/** One version in the history, with the changes from the previous one. */
export interface VersionModel {
  readonly document: { readonly stored: DocumentFacts };
  readonly changes: readonly FieldChange[];
}

/** The archivist's saved comparison: a tick and a note per field, and a general note. */
export interface CompareModel {
  readonly fields: Readonly<Record<string, { readonly matches: boolean; readonly note?: string }>>;
  readonly note: string;
  readonly archivistName: string;
  readonly updatedAt: string;
}

/** One line of a document's access log. */
export interface AccessLine {
  readonly at: string;
  readonly archivistName: string;
  readonly action: UsageAction;
}

export interface DocumentPageModel {
  readonly document: DocumentModel;
  readonly metadata: readonly MetadataValue[];
  readonly versions: readonly VersionModel[];
  readonly compare?: CompareModel;
  readonly accessLog: readonly AccessLine[];
  readonly register: RegisterContext;
}

/** One line of the organisation's usage log, the stated reason split into its code and free text. */
export interface UsageLine extends AccessLine {
  readonly hetu?: string;
  readonly documentId?: string;
  readonly reason: { readonly code?: AccessReason; readonly text?: string };
  readonly detail?: UsageDetail;
}

/** The summary of an archived document (the invalidation confirmation names what it invalidates). */
export function documentSummary(doc: ArchivedDocument): DocumentSummary {
  return { stored: doc.stored, clientName: clientName(doc.document) };
}

/** The document page's model from the service's view of the document. */
export function documentPageModel(view: DocumentView, codes: CodeLists): DocumentPageModel {
  const doc = view.document;
  const title = documentTitle(titleCodesOf(doc.document), codes);
  const structured = structuredContent(doc, codes);
  const warnings = doc.warnings.map((w): WarningLine => {
    const rule = (RULES as Readonly<Record<string, RuleDefinition | undefined>>)[w.code];
    return rule ? { code: w.code, rule: { fi: rule.fi, sv: rule.sv, en: rule.en } } : { code: w.code };
  });
  return {
    ...view,
    document: {
      ...documentSummary(doc),
      signatures: doc.signatures,
      warnings,
      ...(title ? { title } : {}),
      ...(structured ? { structured } : {}),
    },
  };
}

/** The usage log page's lines. */
export function usageLines(entries: readonly UsageEntry[]): UsageLine[] {
  return entries.map((e) => {
    const detail = readUsageDetail(e.action, e.detail);
    return { ...e, reason: splitReason(e.reason), detail };
  });
}
