/**
 * The findings of the rehearsal's judgement: a checklist item's failed checks as data for the pages and
 * reports to word, each with an English line for the CLI and JSON.
 */
import type { ChecklistItem, Finding } from './evaluation.js';

/** What a person or a CI job must act on for one checklist item, each with a readable line. */
export function itemFindings(item: ChecklistItem): Finding[] {
  const e = item.expected;
  const what = `${item.key} (${e.documentType ?? `group ${e.documentGroup}`} version ${e.version})`;
  const doc = item.document;
  if (doc === undefined) {
    return [
      {
        kind: 'missing',
        key: item.key,
        about: {
          ...(e.documentType === undefined ? {} : { documentType: e.documentType }),
          documentGroup: e.documentGroup,
          version: e.version,
          registerOid: e.registerOid,
        },
        message: `${what}: not archived (expected in register ${e.registerOid})`,
      },
    ];
  }
  const out: Finding[] = [];
  if (item.checks.inExpectedRegister === false) {
    out.push({
      kind: 'wrong-register',
      key: item.key,
      documentId: doc.id,
      expected: e.registerOid,
      actual: doc.registerOid,
      message: `${what}: document ${doc.id} is in register ${doc.registerOid}, expected ${e.registerOid}`,
    });
  }
  for (const m of item.metadataMismatches) {
    out.push({
      kind: 'metadata-mismatch',
      key: item.key,
      documentId: doc.id,
      ...m,
      message: `${what}: document ${doc.id} has ${m.field} ${m.actual}, expected ${m.expected}`,
    });
  }
  if (item.checks.matchesClientSystem === false) {
    const fields = item.clientSystem?.mismatches ?? [];
    out.push({
      kind: 'client-system-mismatch',
      key: item.key,
      documentId: doc.id,
      mismatches: fields,
      ...(item.clientSystem?.note ? { note: item.clientSystem.note } : {}),
      message:
        fields.length > 0
          ? `${what}: the client system shows ${fields.map((f) => `${f.field} ${f.expected}`).join(', ')}; the archive holds ${fields.map((f) => f.actual).join(', ')}`
          : `${what}: the archivist found that document ${doc.id} does not match the client system${item.clientSystem?.note ? ` (${item.clientSystem.note})` : ''}`,
    });
  }
  return out;
}
