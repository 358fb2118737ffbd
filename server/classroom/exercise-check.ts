/**
 * Checking a trainee's answer against an exercise's key, in the trainee's own sandbox: a pasted document
 * counts only when it is in one of the trainee's registers and is what the key describes. The same key
 * resolution serves the test that checks every shipped exercise against its scenario.
 */
import { clientName, readArchivedDocument } from '../archivist/archived-document.js';
import { KantaSimError } from '../errors.js';
import type { ArchiveStore, StoredDocument } from '../store/archive-store.js';
import type { BasisField, DocumentKey, Exercise } from './exercise.js';

/** The longest answer kept: an OID is far shorter, and a pasted page is not an answer. */
export const ANSWER_MAX_LENGTH = 200;

export type ArchiveReader = Pick<ArchiveStore, 'getDocument' | 'listDocuments'>;

/** A trainee's answer as checked: the value as kept, and whether it is right. */
export interface CheckedAnswer {
  readonly value: string;
  readonly correct: boolean;
}

/**
 * Checks `given` for `exercise` as the archivist with `registerOids` answers it. A choice that is not one
 * of the options, or an empty or overlong answer, is BAD_REQUEST (the form says so); a wrong document is a
 * wrong answer, not an error.
 */
export async function checkAnswer(
  exercise: Exercise,
  given: unknown,
  registerOids: readonly string[],
  archive: ArchiveReader,
): Promise<CheckedAnswer> {
  const value = normaliseAnswer(given);
  const { answer } = exercise;
  if (answer.type === 'choice') {
    if (!answer.options.some((o) => o.id === value)) {
      throw new KantaSimError('BAD_REQUEST', `"${value}" is not an option of exercise ${exercise.id}`, {
        details: { field: 'answer' },
      });
    }
    return { value, correct: value === answer.correct };
  }
  const stored = await archive.getDocument(value);
  const own = stored !== undefined && registerOids.includes(stored.registerOid);
  return { value, correct: own && matchesKey(stored, answer.document) };
}

/** The answer without the spaces and `urn:oid:` prefix a copy from the interface may bring along. */
function normaliseAnswer(given: unknown): string {
  const value = typeof given === 'string' ? given.trim().replace(/^urn:oid:/i, '') : '';
  if (value === '' || value.length > ANSWER_MAX_LENGTH) {
    throw new KantaSimError('BAD_REQUEST', 'the answer is empty or too long', {
      details: { field: 'answer' },
    });
  }
  return value;
}

/** Whether a stored document is what the key describes. */
export function matchesKey(stored: StoredDocument, key: DocumentKey): boolean {
  const checks: boolean[] = [
    key.palvelutehtava === undefined || stored.palvelutehtava === key.palvelutehtava,
    key.documentType === undefined || stored.documentType === key.documentType,
    key.prosessivaihe === undefined || stored.prosessivaihe === key.prosessivaihe,
    key.versionNumber === undefined || stored.versionNumber === key.versionNumber,
    key.state === undefined || stored.state === key.state,
    key.client === undefined || clientName(readArchivedDocument(stored).document) === key.client,
  ];
  return checks.every(Boolean);
}

/** Every document of the registers that the key describes (an exercise's key should find exactly one). */
export async function resolveKey(
  archive: ArchiveReader,
  registerOids: readonly string[],
  key: DocumentKey,
): Promise<StoredDocument[]> {
  const candidates = await archive.listDocuments({
    registerOids,
    ...(key.palvelutehtava === undefined ? {} : { palvelutehtava: key.palvelutehtava }),
    ...(key.documentType === undefined ? {} : { documentType: key.documentType }),
  });
  return candidates.filter((d) => matchesKey(d, key));
}

/** The value of a basis field of a document (`replacedBy` reads the version that replaced it). */
export async function basisValue(
  archive: ArchiveReader,
  stored: StoredDocument,
  field: BasisField,
): Promise<string | undefined> {
  switch (field) {
    case 'invalidation.reason':
      return stored.invalidation?.reason;
    case 'invalidation.by':
      return stored.invalidation?.by.name ?? stored.invalidation?.by.id;
    case 'invalidation.via':
      return stored.invalidation?.via;
    case 'versionNumber':
      return String(stored.versionNumber);
    case 'reasonOfCorrection': {
      const reason = readArchivedDocument(stored).document.header.reasonOfCorrection;
      return reason?.displayName ?? reason?.code;
    }
    case 'replacedBy.versionNumber': {
      const set = await archive.listDocuments({ registerOids: [stored.registerOid], setId: stored.setId });
      const next = set.find((d) => d.replacesId === stored.id);
      return next === undefined ? undefined : String(next.versionNumber);
    }
  }
}
