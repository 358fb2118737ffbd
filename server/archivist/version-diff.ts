/**
 * The field-by-field difference between two versions of a document: every metadata field and every leaf
 * of the structured content whose value changed, was added or was removed. A change carries the values
 * themselves (codes with their code-list names, dates as dates) and, for the content, the path of field
 * labels from the field dictionary, so the page shows words and formatted values rather than JSON paths.
 * Identity fields that always change between versions (id, version number, archive time) are left out so
 * the real changes stand out.
 */
import type { CodeLists } from '../codes/code-lists.js';
import type { ArchivedDocument } from './archived-document.js';
import type { FieldLabel } from './content-fields.js';
import {
  metadataComparable,
  metadataValues,
  type MetadataKey,
  type MetadataValue,
} from './metadata-fields.js';
import { contentLeaves, structuredContent, type ContentValue } from './structured-content.js';

/** A changed metadata field, with both values as the metadata table shows them. */
export interface MetadataChange {
  readonly kind: 'metadata';
  readonly field: MetadataKey;
  readonly before?: MetadataValue;
  readonly after?: MetadataValue;
}

/** A changed leaf of the structured content: its labels (list positions from 1) and both values. */
export interface ContentChange {
  readonly kind: 'content';
  /** A stable path, `content:<dotted path>`, for tests and anchors; never shown. */
  readonly field: string;
  readonly labels: readonly (FieldLabel | number)[];
  readonly before?: ContentValue;
  readonly after?: ContentValue;
}

export type FieldChange = MetadataChange | ContentChange;

const ALWAYS_CHANGES: ReadonlySet<MetadataKey> = new Set([
  'documentId',
  'versionNumber',
  'archivedAt',
  'replaces',
  'status',
]);

const hasValue = (v: MetadataValue): boolean => metadataComparable(v) !== '';

/** What changed from `older` to `newer`, metadata first, then content leaves in document order. */
export function diffVersions(
  older: ArchivedDocument,
  newer: ArchivedDocument,
  codes: CodeLists,
): FieldChange[] {
  const changes: FieldChange[] = [];
  const a = metadataValues(older, codes);
  const b = metadataValues(newer, codes);
  a.forEach((va, i) => {
    const vb = b[i];
    if (!vb || ALWAYS_CHANGES.has(va.key)) {
      return;
    }
    if (metadataComparable(va) !== metadataComparable(vb)) {
      changes.push({
        kind: 'metadata',
        field: va.key,
        ...(hasValue(va) ? { before: va } : {}),
        ...(hasValue(vb) ? { after: vb } : {}),
      });
    }
  });
  const leavesA = contentLeaves(structuredContent(older, codes));
  const leavesB = contentLeaves(structuredContent(newer, codes));
  for (const path of new Set([...leavesA.keys(), ...leavesB.keys()])) {
    const before = leavesA.get(path);
    const after = leavesB.get(path);
    if (JSON.stringify(before?.value) !== JSON.stringify(after?.value)) {
      changes.push({
        kind: 'content',
        field: `content:${path}`,
        labels: (after ?? before)?.labels ?? [],
        ...(before !== undefined ? { before: before.value } : {}),
        ...(after !== undefined ? { after: after.value } : {}),
      });
    }
  }
  return changes;
}
