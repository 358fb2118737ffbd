/**
 * The archivist's invalidation, handed to the lifecycle domain (server/archive/invalidate.ts), which owns
 * the rules (the whole set is invalidated; the audit record says who, when and why) and the store
 * transaction. Its refusals become KantaSimErrors for the interface.
 */
import { invalidateDocument } from '../archive/invalidate.js';
import { KantaSimError } from '../errors.js';
import { RULES } from '../rules/catalogue.js';
import type { ArchiveStore } from '../store/archive-store.js';

export interface ArchivistInvalidationInput {
  readonly documentId: string;
  /** The registers the archivist acts for: the lifecycle domain refuses a document outside them. */
  readonly registerOids: readonly string[];
  readonly by: { readonly kind: 'archivist'; readonly id: string; readonly name: string };
  readonly reason: string;
  readonly at: Date;
}

/** Invalidates or throws a KantaSimError (BAD_REQUEST no reason, NOT_FOUND, CONFLICT already invalidated). */
export type ArchivistInvalidate = (input: ArchivistInvalidationInput) => Promise<void>;

/** The invalidation of the running archive. */
export function archiveInvalidation(store: ArchiveStore): ArchivistInvalidate {
  return async (input) => {
    const result = await invalidateDocument(store, input);
    if (result.ok) {
      return;
    }
    const { rule, detail } = result.violation;
    const message = `${rule.code}: ${detail ?? rule.en}`;
    if (rule.code === RULES.INVALIDATION_ALREADY_DONE.code) {
      throw new KantaSimError('CONFLICT', message);
    }
    if (rule.code === RULES.QUERY_DOCUMENT_NOT_IN_REGISTER.code) {
      throw new KantaSimError('NOT_FOUND', message);
    }
    throw new KantaSimError('BAD_REQUEST', message);
  };
}
