/**
 * Long-poll: resolves as soon as a document or journal entry matching a filter exists (already, or when it
 * arrives), or reports a timeout. Re-checks on every journal entry, and on a short interval for documents
 * stored by other paths (seeding, the archivist interface).
 */
import { KantaSimError } from '../errors.js';
import type { DocumentFilter, StoredDocument } from '../store/archive-store.js';
import type { Journal, JournalEntry, JournalFilter } from './journal.js';
import { parseJournalFilter } from './journal.js';
import { parseDocumentFilter, type AdminDocumentFilter } from './documents-view.js';

export const DEFAULT_WAIT_MS = 5_000;
export const MAX_WAIT_MS = 120_000;
const POLL_MS = 100;

export type WaitRequest =
  | { readonly kind: 'document'; readonly filter: AdminDocumentFilter; readonly timeoutMs: number }
  | { readonly kind: 'journal'; readonly filter: JournalFilter; readonly timeoutMs: number };

export type WaitResult =
  | { readonly matched: true; readonly kind: 'document'; readonly item: StoredDocumentSummary }
  | { readonly matched: true; readonly kind: 'journal'; readonly item: JournalEntry }
  | { readonly matched: false; readonly kind: 'document' | 'journal'; readonly timeoutMs: number };

export type StoredDocumentSummary = Omit<StoredDocument, 'metadataJson'>;

export interface WaitDeps {
  readonly journal: Journal;
  readonly findDocument: (filter: DocumentFilter) => Promise<StoredDocumentSummary | undefined>;
}

/** Reads a POST /__sim/wait-for body: {kind, filter, timeoutMs}. */
export function parseWaitRequest(body: unknown): WaitRequest {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const timeoutMs = b.timeoutMs ?? DEFAULT_WAIT_MS;
  if (
    typeof timeoutMs !== 'number' ||
    !Number.isInteger(timeoutMs) ||
    timeoutMs < 0 ||
    timeoutMs > MAX_WAIT_MS
  ) {
    throw new KantaSimError('BAD_REQUEST', `wait-for: "timeoutMs" must be an integer 0-${MAX_WAIT_MS}`);
  }
  const filter = b.filter ?? {};
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw new KantaSimError('BAD_REQUEST', 'wait-for: "filter" must be an object');
  }
  const f = filter as Record<string, unknown>;
  if (b.kind === 'document') {
    return { kind: 'document', filter: parseDocumentFilter(f), timeoutMs };
  }
  if (b.kind === 'journal') {
    return { kind: 'journal', filter: parseJournalFilter(f), timeoutMs };
  }
  throw new KantaSimError('BAD_REQUEST', 'wait-for: "kind" must be "document" or "journal"');
}

/** Waits for a match; `signal` aborts the wait (the HTTP client went away). */
export function waitFor(request: WaitRequest, deps: WaitDeps, signal?: AbortSignal): Promise<WaitResult> {
  return new Promise((resolve, reject) => {
    let done = false;
    let checking = false;
    const cleanups: (() => void)[] = [];
    const finish = (result: WaitResult | Error): void => {
      if (done) {
        return;
      }
      done = true;
      cleanups.forEach((c) => c());
      if (result instanceof Error) {
        reject(result);
      } else {
        resolve(result);
      }
    };
    const check = async (): Promise<void> => {
      if (done || checking) {
        return;
      }
      checking = true;
      try {
        if (request.kind === 'journal') {
          const item = deps.journal.list({ ...request.filter, limit: undefined })[0];
          if (item) {
            finish({ matched: true, kind: 'journal', item });
          }
        } else {
          const item = await deps.findDocument(toStoreFilter(request.filter));
          if (item) {
            finish({ matched: true, kind: 'document', item });
          }
        }
      } catch (e) {
        finish(e as Error);
      } finally {
        checking = false;
      }
    };
    const timer = setTimeout(
      () => finish({ matched: false, kind: request.kind, timeoutMs: request.timeoutMs }),
      request.timeoutMs,
    );
    cleanups.push(() => clearTimeout(timer));
    cleanups.push(deps.journal.subscribe(() => void check()));
    if (request.kind === 'document') {
      const poll = setInterval(() => void check(), POLL_MS);
      cleanups.push(() => clearInterval(poll));
    }
    if (signal) {
      const onAbort = (): void =>
        finish({ matched: false, kind: request.kind, timeoutMs: request.timeoutMs });
      signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => signal.removeEventListener('abort', onAbort));
    }
    void check();
  });
}

/** The admin filter in the store's terms. */
export function toStoreFilter(f: AdminDocumentFilter): DocumentFilter {
  return {
    ...(f.register ? { registerOids: [f.register] } : {}),
    ...(f.hetu ? { hetu: f.hetu } : {}),
    ...(f.setId ? { setId: f.setId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.limit ? { limit: f.limit } : {}),
    ...(f.offset ? { offset: f.offset } : {}),
  };
}
