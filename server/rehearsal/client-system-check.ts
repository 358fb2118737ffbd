/**
 * The "matches the client system" check of the rehearsal: against the metadata a CI job supplied for the
 * document, or else the tick an archivist or a person gave it.
 */
import type { ClientSystemDocument } from '../store/rehearsal-store.js';
import {
  NO_VALUE,
  type ArrivedDocument,
  type ChecklistItem,
  type EvaluateInput,
  type FieldMismatch,
} from './evaluation.js';

function ciEntry(key: string, input: EvaluateInput): ClientSystemDocument | undefined {
  return input.clientMetadata?.documents.find((d) => d.key === key);
}

/** What the client system shows, compared with what was archived. */
function ciMismatches(c: ClientSystemDocument, doc: ArrivedDocument): FieldMismatch[] {
  const pairs: [string, string | undefined, string | undefined][] = [
    ['documentId', c.documentId, doc.id],
    ['setId', c.setId, doc.setId],
    ['version', c.version === undefined ? undefined : String(c.version), String(doc.versionNumber)],
    ['documentGroup', c.documentGroup, doc.documentGroup],
    ['documentType', c.documentType, doc.documentType],
    ['serviceTask', c.serviceTask, doc.palvelutehtava],
    ['processPhase', c.processPhase, doc.prosessivaihe],
    ['registerOid', c.registerOid, doc.registerOid],
  ];
  return pairs
    .filter(([, expected, actual]) => expected !== undefined && expected !== actual)
    .map(([field, expected, actual]) => ({
      field,
      expected: expected as string,
      actual: actual ?? NO_VALUE,
    }));
}

/** Whether the document matches the client system: the CI's metadata first, else a person's tick. */
export function clientSystemCheck(
  key: string,
  doc: ArrivedDocument,
  input: EvaluateInput,
): { matchesClientSystem: boolean | null } {
  const c = ciEntry(key, input);
  if (c) {
    return { matchesClientSystem: ciMismatches(c, doc).length === 0 };
  }
  return { matchesClientSystem: input.ticks.get(doc.id)?.matches ?? null };
}

/** The same check with its source and mismatches, for the checklist. */
export function clientSystemDetail(
  key: string,
  doc: ArrivedDocument,
  input: EvaluateInput,
): Pick<ChecklistItem, 'clientSystem'> {
  const c = ciEntry(key, input);
  if (c) {
    return { clientSystem: { source: 'ci', mismatches: ciMismatches(c, doc) } };
  }
  const tick = input.ticks.get(doc.id);
  return tick === undefined
    ? {}
    : {
        clientSystem: {
          source: tick.source,
          mismatches: [],
          ...(tick.note === undefined ? {} : { note: tick.note }),
          ...(tick.by === undefined ? {} : { by: tick.by }),
        },
      };
}
