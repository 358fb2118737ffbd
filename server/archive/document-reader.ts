/**
 * Where the archive reads documents: readDocument (MIME, CDA parse, signatures, validation: all
 * synchronous CPU work, ~2-4 ms of XML per document) runs in a pool of worker threads, so that the event
 * loop serving TLS, HTTP and the store is never blocked by it (issue 7, docs/performance.md).
 *
 * The workers get everything readDocument needs as plain data when they start: the trust store as PEM
 * texts and the code lists as loaded. Both are fixed for the life of a running kanta-sim (the clock is
 * not, so `now` travels with each job). An answer read in a worker is the answer readDocument gives on
 * this thread: the pool falls back to this thread on any worker failure, revive() restores what the
 * thread boundary loses (the catalogue's own rule objects), and the CDA bytes are the job's own (see
 * ThreadReading).
 */
import type { CodeList, CodeLists } from '../codes/code-lists.js';
import type { TrustMode } from '../config.js';
import type { TrustStorePems } from '../pki/trust-store.js';
import type { CertificateTrust } from '../pki/trust-types.js';
import { reviveViolation } from '../rules/revive-rule.js';
import type { SignatureReport } from '../signature/signature-types.js';
import { createWorkerPool, workerEntry } from '../workers/worker-pool.js';
import type { XmlLimits } from '../xml/limits.js';
import { readDocument, type DocumentReading, type DocumentSource } from './read-document.js';

export interface DocumentReader {
  read(source: DocumentSource, now: Date): Promise<DocumentReading>;
  /** Starts the threads now; resolves with how many are ready (see WorkerPool.start). */
  start(): Promise<number>;
  /** Stops the reader's threads (reading then continues on the calling thread). */
  close(): Promise<void>;
}

/** What reading needs besides the document: fixed for the life of a running kanta-sim. */
export interface ReaderSetup {
  readonly codes: CodeLists;
  readonly trust: CertificateTrust & { toPems(): TrustStorePems };
  readonly trustMode: TrustMode;
  readonly testIdentityGuardrail: boolean;
  readonly limits: XmlLimits;
}

/** ReaderSetup as plain data, the way a worker receives it. */
export interface PlainReaderSetup {
  readonly trustPems: TrustStorePems;
  readonly codeLists: readonly CodeList[];
  readonly trustMode: TrustMode;
  readonly testIdentityGuardrail: boolean;
  readonly limits: XmlLimits;
}

export interface ReadJob {
  readonly source: DocumentSource;
  readonly now: Date;
}

/**
 * A reading as a worker sends it back: without the CDA bytes, which are the job's own (readDocument
 * answers with the package's bytes) and which the calling thread still holds. Cloning 10-20 KB back
 * with every document was the largest part of sending a reading (issue 17 profile).
 */
export type ThreadReading =
  | Omit<Extract<DocumentReading, { readonly ok: true }>, 'cdaBytes'>
  | Extract<DocumentReading, { readonly ok: false }>;

/** Reads on `threads` worker threads (0: on the calling thread); `onStartFailure` hears of a thread that
 *  could not load (reading then stays on the calling thread: slower, same answers). */
export function createDocumentReader(
  setup: ReaderSetup,
  threads: number,
  onStartFailure?: (reason: string) => void,
): DocumentReader {
  const onThread = (job: ReadJob): ThreadReading => readDocument(job.source, { ...setup, now: job.now });
  const pool = createWorkerPool<ReadJob, ThreadReading>({
    entry: workerEntry(import.meta.url, 'document-reader-worker'),
    workerData: plainSetup(setup),
    size: threads,
    runOnThread: onThread,
    revive: reviveReading,
    // A reading's garbage is short-lived and ~1 MB; V8's default young generation (tens of MB per
    // isolate) only made the server's resident memory grow under load (docs/performance.md).
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
    onStartFailure,
  });
  return {
    read: async (source, now) => withCdaBytes(await pool.run({ source: jobSource(source), now }), source),
    start: () => pool.start(),
    close: () => pool.close(),
  };
}

export function plainSetup(setup: ReaderSetup): PlainReaderSetup {
  return {
    trustPems: setup.trust.toPems(),
    codeLists: setup.codes.systems().flatMap((oid) => setup.codes.list(oid) ?? []),
    trustMode: setup.trustMode,
    testIdentityGuardrail: setup.testIdentityGuardrail,
    limits: setup.limits,
  };
}

/**
 * Only what reading needs crosses to a worker: not the query, not the wire warnings, and not the frame's
 * MIME text, whose document part is already in the package: the text is the largest string of a
 * message, and cloning it into the worker was a tenth of the main thread's time per document.
 */
function jobSource(source: DocumentSource): DocumentSource {
  const { frame } = source;
  const copy = frame.document;
  return {
    frame: copy?.text === undefined ? frame : { ...frame, document: withoutText(copy) },
    operation: source.operation,
    ...(source.document ? { document: source.document } : {}),
  };
}

function withoutText<T extends { readonly text?: string }>({ text: _text, ...rest }: T): Omit<T, 'text'> {
  return rest;
}

/** What a worker sends back for `reading` (see ThreadReading). */
export function withoutCdaBytes(reading: DocumentReading): ThreadReading {
  if (!reading.ok) {
    return reading;
  }
  const { ok, document, content, signatures, warnings } = reading;
  return { ok, document, content, signatures, warnings };
}

/** A reading made whole with the CDA bytes of its source: an accepted reading always had a package. */
function withCdaBytes(reading: ThreadReading, source: DocumentSource): DocumentReading {
  if (!reading.ok) {
    return reading;
  }
  const pkg = source.document;
  if (!pkg?.ok) {
    throw new Error('an accepted reading without a document package (read-document.ts never answers so)');
  }
  return { ...reading, cdaBytes: pkg.cdaBytes };
}

/** A job that crossed the thread boundary, made whole: the package's CDA bytes a Buffer again. */
export function reviveJob(job: ReadJob): ReadJob {
  const pkg = job.source.document;
  if (!pkg?.ok) {
    return job;
  }
  return { ...job, source: { ...job.source, document: { ...pkg, cdaBytes: asBuffer(pkg.cdaBytes) } } };
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A reading that crossed a thread boundary, made whole: the catalogue's own rule objects. */
export function reviveReading(reading: ThreadReading): ThreadReading {
  if (!reading.ok) {
    return { ...reading, violations: reading.violations.map(reviveViolation) };
  }
  return {
    ...reading,
    signatures: reading.signatures.map(reviveReport),
    warnings: reading.warnings.map(reviveViolation),
  };
}

function reviveReport(r: SignatureReport): SignatureReport {
  return { ...r, checks: r.checks.map((c) => (c.rule ? reviveViolation({ ...c, rule: c.rule }) : c)) };
}
