/**
 * The rehearsal's deviations as data (kind + parameters), for views that word them in the reader's language.
 * The findings keep their English `message` for the CLI and the JSON API; these carry the same facts.
 */
import type { RehearsalEvent } from '../store/rehearsal-store.js';
import {
  NO_VALUE,
  type ChecklistItem,
  type Evaluation,
  type FieldMismatch,
  type Finding,
} from './evaluation.js';
import type { DeviationLine, ExpectedRef, FieldDifference } from './view-models.js';

type RefusalEvent = Extract<RehearsalEvent, { kind: 'refusal' }>;

/**
 * Every deviation: the findings in their order, then (once the rehearsal is finished and the comparison was
 * required) the documents nobody compared, then the messages the archive refused.
 */
export function deviationLines(
  evaluation: Pick<Evaluation, 'checklist' | 'findings' | 'unexpected'>,
  refusals: readonly RefusalEvent[],
  options: { readonly finished: boolean; readonly requireClientSystemCheck: boolean },
): DeviationLine[] {
  const out: DeviationLine[] = [];
  const mismatchesSeen = new Map<string, number>();
  for (const f of evaluation.findings) {
    const item = evaluation.checklist.find((i) => i.key === f.key);
    const line = findingLine(f, item, evaluation, mismatchesSeen);
    if (line !== undefined) {
      out.push(line);
    }
  }
  if (options.finished && options.requireClientSystemCheck) {
    for (const item of evaluation.checklist) {
      if (item.document !== undefined && item.checks.matchesClientSystem === null) {
        out.push({ kind: 'not-compared', expected: refOf(item), documentId: item.document.id });
      }
    }
  }
  for (const r of refusals) {
    out.push({
      kind: 'refusal',
      typeCode: r.typeCode,
      rules: r.rules,
      ...(r.documentId === undefined ? {} : { documentId: r.documentId }),
      ...(r.senderOid === undefined ? {} : { senderOid: r.senderOid }),
    });
  }
  return out;
}

function findingLine(
  f: Finding,
  item: ChecklistItem | undefined,
  evaluation: Pick<Evaluation, 'unexpected'>,
  mismatchesSeen: Map<string, number>,
): DeviationLine | undefined {
  if (f.kind === 'unexpected') {
    const doc = evaluation.unexpected.find((d) => d.id === f.documentId);
    return doc === undefined
      ? undefined
      : {
          kind: 'unexpected',
          documentId: doc.id,
          version: doc.versionNumber,
          registerOid: doc.registerOid,
          ...(doc.documentType === undefined ? {} : { documentType: doc.documentType }),
          ...(doc.documentGroup === undefined ? {} : { documentGroup: doc.documentGroup }),
        };
  }
  if (item === undefined) {
    return undefined;
  }
  const expected = refOf(item);
  const doc = item.document;
  if (f.kind === 'missing' || doc === undefined) {
    return { kind: 'missing', expected, registerOid: item.expected.registerOid };
  }
  switch (f.kind) {
    case 'wrong-register':
      return {
        kind: 'wrong-register',
        expected,
        documentId: doc.id,
        registerOid: doc.registerOid,
        expectedRegisterOid: item.expected.registerOid,
      };
    case 'metadata-mismatch': {
      // Findings follow the item's mismatches one for one, in order.
      const n = mismatchesSeen.get(item.key) ?? 0;
      mismatchesSeen.set(item.key, n + 1);
      const m = item.metadataMismatches[n];
      return m === undefined
        ? undefined
        : { kind: 'metadata-mismatch', expected, documentId: doc.id, difference: differenceOf(m) };
    }
    case 'client-system-mismatch': {
      const cs = item.clientSystem;
      return {
        kind: 'client-system-mismatch',
        expected,
        documentId: doc.id,
        differences: (cs?.mismatches ?? []).map(differenceOf),
        ...(cs?.note === undefined ? {} : { note: cs.note }),
        ...(cs?.by === undefined ? {} : { by: cs.by }),
      };
    }
  }
}

function refOf(item: ChecklistItem): ExpectedRef {
  const e = item.expected;
  return {
    key: item.key,
    version: e.version,
    ...(e.documentType === undefined ? {} : { documentType: e.documentType }),
    ...(e.documentGroup === undefined ? {} : { documentGroup: e.documentGroup }),
  };
}

function differenceOf(m: FieldMismatch): FieldDifference {
  const value = (v: string): string | undefined => (v === NO_VALUE || v === '' ? undefined : v);
  const expected = m.rule === undefined ? value(m.expected) : undefined;
  const actual = value(m.actual);
  return {
    field: m.field,
    ...(expected === undefined ? {} : { expected }),
    ...(actual === undefined ? {} : { actual }),
    ...(m.rule === undefined ? {} : { rule: m.rule }),
    ...(m.otherCase === undefined ? {} : { otherCase: m.otherCase }),
  };
}
