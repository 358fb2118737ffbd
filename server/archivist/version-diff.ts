/**
 * The field-by-field difference between two versions of a document: every metadata field and every leaf
 * of the structured content whose value changed, was added or was removed. Identity fields that always
 * change between versions (id, version number, archive time) are left out so the real changes stand out.
 */
import type { CodeLists } from '../codes/code-lists.js';
import type { ArchivedDocument } from './archived-document.js';
import { metadataComparable, metadataValues, type MetadataKey } from './metadata-fields.js';

export interface FieldChange {
  /** A MetadataKey, or `content:<path>` for a leaf of the structured content. */
  readonly field: string;
  readonly before?: string;
  readonly after?: string;
}

const ALWAYS_CHANGES: ReadonlySet<MetadataKey> = new Set([
  'documentId',
  'versionNumber',
  'archivedAt',
  'replaces',
  'status',
]);

/** What changed from `older` to `newer`, metadata first, then content paths in document order. */
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
    const before = metadataComparable(va);
    const after = metadataComparable(vb);
    if (before !== after) {
      changes.push({ field: va.key, ...(before ? { before } : {}), ...(after ? { after } : {}) });
    }
  });
  const leavesA = flatten(older.content.json);
  const leavesB = flatten(newer.content.json);
  for (const path of new Set([...leavesA.keys(), ...leavesB.keys()])) {
    const before = leavesA.get(path);
    const after = leavesB.get(path);
    if (before !== after) {
      changes.push({
        field: `content:${path}`,
        ...(before !== undefined ? { before } : {}),
        ...(after !== undefined ? { after } : {}),
      });
    }
  }
  return changes;
}

/** Leaves of a JSON value by dotted path (`suunnitelma.palvelut[0].code`). */
export function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      flatten(v, prefix ? `${prefix}.${k}` : k, out);
    }
  } else if (value !== undefined) {
    out.set(prefix, value === null ? 'null' : String(value));
  }
  return out;
}
