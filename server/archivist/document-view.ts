/** What the archivist service answers: a search's grouped results and an opened document's view. */
import type { CompareRecord } from '../store/compare-record-store.js';
import type { UsageEntry } from '../store/usage-log-store.js';
import type { ArchivedDocument } from './archived-document.js';
import type { ClientGroup } from './group-results.js';
import type { MetadataValue } from './metadata-fields.js';
import type { Purpose } from './purposes.js';
import type { RegisterContext } from './register-context.js';
import type { FieldChange } from './version-diff.js';

export interface SearchResult {
  readonly groups: readonly ClientGroup[];
  readonly count: number;
  /** More matched than were returned. */
  readonly truncated: boolean;
}

export interface VersionEntry {
  readonly document: ArchivedDocument;
  /** Changes from the previous version (empty for the first). */
  readonly changes: readonly FieldChange[];
}

export interface DocumentView {
  readonly document: ArchivedDocument;
  readonly metadata: readonly MetadataValue[];
  readonly versions: readonly VersionEntry[];
  readonly compare?: CompareRecord;
  readonly accessLog: readonly UsageEntry[];
  /** The purpose of use stated for the document's client, under which this view was logged. */
  readonly purpose: Purpose;
  /** The register and the register access rights that apply to the document. */
  readonly register: RegisterContext;
}

/** Opening a document: its view, or the purpose of use for its client still to be asked. */
export type DocumentOpening =
  { readonly kind: 'view'; readonly view: DocumentView } | { readonly kind: 'purpose-required' };
