/**
 * A client of the control API over HTTP, for test suites and the CLI: the same calls against an in-process
 * startKantaSim() (instance.control) or a kanta-sim started elsewhere (`controlClient('http://host:8080')`).
 * Errors answered by the API become KantaSimErrors with the API's code and message.
 */
import { ERROR_CODES, KantaSimError, type ErrorCode } from '../errors.js';
import type { SnapshotInfo } from '../store/snapshot-store.js';
import type { ClockState } from './clock.js';
import type { AdminDocumentFilter } from './documents-view.js';
import type { Fault } from './faults.js';
import type { FaultSpec } from './fault-spec.js';
import type { JournalEntry, JournalFilter } from './journal.js';
import type { Scenario } from './scenario.js';
import type { SeedResult } from './seed.js';
import type { StoredDocumentSummary, WaitResult } from './wait-for.js';

export interface ControlClient {
  /** Resets everything, or one register keeper's documents and journal entries. */
  reset(register?: string): Promise<{ register?: string; durationMs: number }>;
  documents(filter?: AdminDocumentFilter): Promise<{ total: number; documents: StoredDocumentSummary[] }>;
  journal(filter?: JournalFilter): Promise<JournalEntry[]>;
  /** Long-polls; resolves with `matched: false` on timeout (HTTP 408) rather than throwing. */
  waitFor(
    request:
      | { kind: 'document'; filter?: AdminDocumentFilter; timeoutMs?: number }
      | { kind: 'journal'; filter?: JournalFilter; timeoutMs?: number },
  ): Promise<WaitResult>;
  readonly faults: {
    add(spec: FaultSpec): Promise<Fault>;
    list(): Promise<Fault[]>;
    /** Removes one fault by id, or every fault. */
    clear(id?: string): Promise<void>;
  };
  readonly clock: {
    get(): Promise<ClockState>;
    /** Freezes "now" at `at`. */
    set(at: Date | string): Promise<ClockState>;
    /** Runs time shifted by `ms`. */
    offset(ms: number): Promise<ClockState>;
    reset(): Promise<ClockState>;
  };
  snapshot(name: string): Promise<SnapshotInfo>;
  restore(name: string): Promise<SnapshotInfo>;
  seed(scenario: Scenario | Record<string, unknown>): Promise<SeedResult>;
  health(): Promise<{ ready: boolean } & Record<string, unknown>>;
}

export interface ControlClientOptions {
  /** The control token of a web listener that is not on loopback (sent as `Authorization: Bearer`). */
  readonly token?: string;
}

/** A control client for the web listener at `webUrl` (e.g. http://127.0.0.1:8080). */
export function controlClient(webUrl: string, options: ControlClientOptions = {}): ControlClient {
  const auth: Record<string, string> =
    options.token === undefined ? {} : { authorization: `Bearer ${options.token}` };
  const base = webUrl.replace(/\/+$/, '');
  const call = async <T>(method: string, path: string, body?: unknown, accept: number[] = []): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        ...(body === undefined
          ? { headers: auth }
          : { headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
    } catch (cause) {
      throw new KantaSimError(
        'SERVICE_UNAVAILABLE',
        `cannot reach kanta-sim at ${base}: ${(cause as Error).message}`,
        {
          cause,
        },
      );
    }
    const text = await res.text();
    const data = text === '' ? undefined : (JSON.parse(text) as unknown);
    if (!res.ok && !accept.includes(res.status)) {
      const err = (data as { error?: { code?: string; message?: string } } | undefined)?.error;
      const code = err?.code && err.code in ERROR_CODES ? (err.code as ErrorCode) : 'INTERNAL';
      throw new KantaSimError(code, `${method} ${path}: ${err?.message ?? `HTTP ${res.status}`}`);
    }
    return data as T;
  };
  const qs = (filter: object = {}): string => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) {
      if (v !== undefined) {
        params.set(k, String(v));
      }
    }
    const s = params.toString();
    return s ? `?${s}` : '';
  };
  return {
    reset: (register) => call('POST', `/__sim/reset${qs({ register })}`),
    documents: (filter) => call('GET', `/__sim/documents${qs(filter)}`),
    journal: async (filter) =>
      (await call<{ entries: JournalEntry[] }>('GET', `/__sim/journal${qs(filter)}`)).entries,
    waitFor: (request) => call('POST', '/__sim/wait-for', request, [408]),
    faults: {
      add: (spec) => call('POST', '/__sim/faults', spec),
      list: async () => (await call<{ faults: Fault[] }>('GET', '/__sim/faults')).faults,
      clear: async (id) => {
        await call('DELETE', id === undefined ? '/__sim/faults' : `/__sim/faults/${encodeURIComponent(id)}`);
      },
    },
    clock: {
      get: () => call('GET', '/__sim/clock'),
      set: (at) =>
        call('PUT', '/__sim/clock', { mode: 'fixed', at: typeof at === 'string' ? at : at.toISOString() }),
      offset: (ms) => call('PUT', '/__sim/clock', { mode: 'offset', offsetMs: ms }),
      reset: () => call('PUT', '/__sim/clock', { mode: 'real' }),
    },
    snapshot: (name) => call('POST', '/__sim/snapshots', { name }),
    restore: (name) => call('POST', `/__sim/snapshots/${encodeURIComponent(name)}/restore`),
    seed: (scenario) => call('POST', '/__sim/seed', scenario),
    health: () => call('GET', '/__sim/health', undefined, [503]),
  };
}
