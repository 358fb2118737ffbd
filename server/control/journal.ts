/**
 * The journal: every exchange on the Kanta interface, newest last, capped by configuration (`journalCap`)
 * so that a long CI run cannot grow memory without bound. Kept in memory: it describes traffic, not archive
 * state, so it is not part of snapshots and starts empty on every start.
 */
import type { ExchangeRecord } from '../app/kanta/kanta-app.js';
import { KantaSimError } from '../errors.js';

/** What an exchange came to: an acknowledgement type, or a transport-level fault that replaced it. */
export type JournalResult = 'AA' | 'AE' | 'AR' | 'HTTP_503' | 'SOAP_FAULT' | 'DROPPED';

export const JOURNAL_RESULTS: readonly JournalResult[] = [
  'AA',
  'AE',
  'AR',
  'HTTP_503',
  'SOAP_FAULT',
  'DROPPED',
];

export interface JournalEntry {
  /** Running number within this process, from 1. */
  readonly seq: number;
  /** Simulated time (the controllable clock) when the exchange started. */
  readonly time: string;
  /** The X-Correlation-Id of the answer (the caller's own when it sent one). */
  readonly correlationId: string;
  /** Subject of the TLS client certificate, as "C=FI, O=..., serialNumber=...". */
  readonly tlsSubject?: string;
  /** The sending organisation: the frame's sender, else the TLS certificate's serialNumber. */
  readonly organisation?: string;
  readonly interaction?: string;
  readonly serviceRequest?: string;
  readonly documentId?: string;
  readonly messageId?: string;
  readonly result: JournalResult;
  readonly httpStatus: number;
  /** Codes of the failed rules (AE/AR), in the order of the acknowledgement. */
  readonly rules: readonly string[];
  /** Codes of the warnings of an AA. */
  readonly warnings: readonly string[];
  readonly durationMs: number;
  /** The injected fault or sentinel identity that shaped the answer. */
  readonly fault?: { readonly id: string; readonly kind: string };
}

export interface JournalFilter {
  readonly organisation?: string;
  readonly interaction?: string;
  readonly serviceRequest?: string;
  readonly result?: JournalResult;
  /** A rule code among the entry's failed rules or warnings. */
  readonly rule?: string;
  readonly correlationId?: string;
  readonly documentId?: string;
  /** Entries at or after this instant (ISO 8601). */
  readonly since?: string;
  /** At most this many entries, the newest ones. */
  readonly limit?: number;
}

export const DEFAULT_JOURNAL_CAP = 10_000;

const TRANSPORT_RESULTS: Readonly<Record<string, JournalResult>> = {
  'http-503': 'HTTP_503',
  'soap-fault': 'SOAP_FAULT',
  drop: 'DROPPED',
};

/**
 * A copy of `entry` that shares no string with the request it describes. Why: values read from a
 * message (ids, OIDs) are V8 sliced strings that keep the whole message text alive, so a journal of
 * 10,000 entries held 10,000 messages (~30 KB each: the server's heap grew by that per request until the
 * cap; docs/performance.md). JSON round-tripping builds fresh strings; an entry is plain data anyway.
 */
function detached(entry: JournalEntry): JournalEntry {
  return JSON.parse(JSON.stringify(entry)) as JournalEntry;
}

export class Journal {
  private entries: JournalEntry[] = [];
  private seq = 0;
  private readonly listeners = new Set<(entry: JournalEntry) => void>();

  constructor(
    private readonly cap: number = DEFAULT_JOURNAL_CAP,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Records one exchange as reported by the Kanta interface. */
  record(exchange: ExchangeRecord): JournalEntry {
    const { outcome } = exchange;
    const transport = exchange.fault ? TRANSPORT_RESULTS[exchange.fault.kind] : undefined;
    const started = new Date(this.clock().getTime() - exchange.durationMs);
    const messageId = outcome.targetMessageId;
    const entry: JournalEntry = detached({
      seq: ++this.seq,
      time: started.toISOString(),
      correlationId: exchange.correlationId,
      ...opt('tlsSubject', exchange.tlsSubject),
      ...opt('organisation', outcome.senderOid ?? serialNumberOf(exchange.tlsSubject)),
      ...opt('interaction', outcome.interactionId),
      ...opt('serviceRequest', outcome.serviceRequest),
      ...opt('documentId', outcome.documentId),
      ...opt('messageId', messageId ? `${messageId.root}:${messageId.extension ?? ''}` : undefined),
      result: transport ?? outcome.typeCode,
      httpStatus: transport === 'DROPPED' ? 0 : transport ? transportStatus(transport) : outcome.httpStatus,
      rules: outcome.violations.map((v) => v.rule.code),
      warnings: outcome.warnings.map((v) => v.rule.code),
      durationMs: Math.round(exchange.durationMs * 10) / 10,
      ...(exchange.fault ? { fault: exchange.fault } : {}),
    });
    this.entries.push(entry);
    if (this.entries.length > this.cap) {
      this.entries.splice(0, this.entries.length - this.cap);
    }
    this.listeners.forEach((l) => l(entry));
    return entry;
  }

  /** Matching entries, oldest first. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const matching = this.entries.filter((e) => matchesJournal(e, filter));
    return filter.limit === undefined ? matching : matching.slice(-filter.limit);
  }

  /** Empties the journal, or removes the entries of one organisation. */
  clear(organisation?: string): void {
    this.entries =
      organisation === undefined ? [] : this.entries.filter((e) => e.organisation !== organisation);
  }

  /** Calls `listener` for every new entry until the returned function is called. */
  subscribe(listener: (entry: JournalEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Whether an entry matches every given filter field. */
export function matchesJournal(e: JournalEntry, f: JournalFilter): boolean {
  return (
    (f.organisation === undefined || e.organisation === f.organisation) &&
    (f.interaction === undefined || e.interaction === f.interaction) &&
    (f.serviceRequest === undefined || e.serviceRequest === f.serviceRequest) &&
    (f.result === undefined || e.result === f.result) &&
    (f.rule === undefined || e.rules.includes(f.rule) || e.warnings.includes(f.rule)) &&
    (f.correlationId === undefined || e.correlationId === f.correlationId) &&
    (f.documentId === undefined || e.documentId === f.documentId) &&
    (f.since === undefined || e.time >= new Date(f.since).toISOString())
  );
}

/** Reads a journal filter from query-string or JSON values; unknown keys and bad values fail by name. */
export function parseJournalFilter(input: Record<string, unknown>): JournalFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) {
      continue;
    }
    if (typeof value !== 'string' && !(key === 'limit' && typeof value === 'number')) {
      throw new KantaSimError('BAD_REQUEST', `journal filter "${key}" must be a single string`);
    }
    switch (key) {
      case 'organisation':
      case 'interaction':
      case 'serviceRequest':
      case 'rule':
      case 'correlationId':
      case 'documentId':
        out[key] = value;
        break;
      case 'result':
        if (!JOURNAL_RESULTS.includes(value as JournalResult)) {
          throw new KantaSimError(
            'BAD_REQUEST',
            `journal filter "result" must be one of ${JOURNAL_RESULTS.join(', ')}`,
          );
        }
        out[key] = value;
        break;
      case 'since':
        if (Number.isNaN(new Date(value as string).getTime())) {
          throw new KantaSimError('BAD_REQUEST', 'journal filter "since" must be an ISO 8601 date-time');
        }
        out[key] = value;
        break;
      case 'limit': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1) {
          throw new KantaSimError('BAD_REQUEST', 'journal filter "limit" must be a positive integer');
        }
        out[key] = n;
        break;
      }
      default:
        throw new KantaSimError(
          'BAD_REQUEST',
          `unknown journal filter "${key}"; known: organisation, interaction, serviceRequest, result, rule, correlationId, documentId, since, limit`,
        );
    }
  }
  return out as JournalFilter;
}

function serialNumberOf(subject: string | undefined): string | undefined {
  return subject ? /(?:^|, )serialNumber=([0-9.]+)/.exec(subject)?.[1] : undefined;
}

function transportStatus(result: JournalResult): number {
  return result === 'HTTP_503' ? 503 : 500;
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
