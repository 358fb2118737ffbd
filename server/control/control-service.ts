/**
 * The control API's service: reset, documents, journal, wait-for, faults, clock, snapshots and seeding,
 * over plain values. Routes (server/app/web/control-routes.ts) translate HTTP to these calls.
 *
 * Reset semantics: a full reset empties the archive, the journal and the fault list and returns the clock
 * to real time; a reset of one register keeper (`register`) removes only that register's documents and
 * the journal entries of that organisation, leaving faults and the clock alone. Snapshots, registered
 * organisations and professionals (files in the data directory) survive both.
 */
import type { ArchiveStore } from '../store/archive-store.js';
import type { SnapshotInfo, SnapshotStore } from '../store/snapshot-store.js';
import type { ClockSetting, ClockState, SimClock } from './clock.js';
import { documentSummary, type AdminDocumentFilter } from './documents-view.js';
import type { Fault, FaultRegistry } from './faults.js';
import type { Journal, JournalEntry, JournalFilter } from './journal.js';
import { applySeed, type Scenario, type SeedDeps, type SeedIdentity, type SeedResult } from './seed.js';
import { SENTINEL_IDENTITIES, type SentinelIdentity } from './sentinels.js';
import {
  toStoreFilter,
  waitFor,
  type StoredDocumentSummary,
  type WaitRequest,
  type WaitResult,
} from './wait-for.js';

export interface ControlServiceDeps {
  readonly store: ArchiveStore;
  readonly journal: Journal;
  readonly faults: FaultRegistry;
  readonly clock: SimClock;
  readonly snapshots: SnapshotStore;
  readonly seed: SeedDeps;
  readonly sentinels: boolean;
  /** Other features' in-memory state to clear on reset (e.g. sessions); called after the store's reset. */
  readonly onReset?: (register?: string) => Promise<void>;
}

export interface ResetResult {
  readonly register?: string;
  readonly durationMs: number;
}

export class ControlService {
  private readonly identities = new Map<string, SeedIdentity>();

  constructor(private readonly deps: ControlServiceDeps) {}

  async reset(register?: string): Promise<ResetResult> {
    const started = process.hrtime.bigint();
    await this.deps.store.reset(register);
    this.deps.journal.clear(register);
    if (register === undefined) {
      this.deps.faults.clear();
      this.deps.clock.reset();
    }
    await this.deps.onReset?.(register);
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    return {
      ...(register === undefined ? {} : { register }),
      durationMs: Math.round(durationMs * 100) / 100,
    };
  }

  async documents(
    filter: AdminDocumentFilter,
  ): Promise<{ total: number; documents: StoredDocumentSummary[] }> {
    const storeFilter = toStoreFilter(filter);
    const [total, docs] = await Promise.all([
      this.deps.store.countDocuments({ ...storeFilter, limit: undefined, offset: undefined }),
      this.deps.store.listDocuments(storeFilter),
    ]);
    return { total, documents: docs.map(documentSummary) };
  }

  journal(filter: JournalFilter): { entries: JournalEntry[] } {
    return { entries: this.deps.journal.list(filter) };
  }

  waitFor(request: WaitRequest, signal?: AbortSignal): Promise<WaitResult> {
    return waitFor(
      request,
      {
        journal: this.deps.journal,
        findDocument: async (f) => {
          const [doc] = await this.deps.store.listDocuments({ ...f, limit: 1 });
          return doc ? documentSummary(doc) : undefined;
        },
      },
      signal,
    );
  }

  addFault(body: unknown): Fault {
    return this.deps.faults.add(body);
  }

  faults(): { faults: Fault[] } {
    return { faults: this.deps.faults.list() };
  }

  removeFault(id: string): void {
    this.deps.faults.remove(id);
  }

  clearFaults(): { cleared: number } {
    return { cleared: this.deps.faults.clear() };
  }

  clock(): ClockState {
    return this.deps.clock.state();
  }

  setClock(setting: ClockSetting): ClockState {
    return this.deps.clock.apply(setting);
  }

  snapshot(name: string): Promise<SnapshotInfo> {
    return this.deps.snapshots.save(name, this.deps.clock.now().toISOString());
  }

  restore(name: string): Promise<SnapshotInfo> {
    return this.deps.snapshots.restore(name);
  }

  async snapshots(): Promise<{ snapshots: SnapshotInfo[] }> {
    return { snapshots: await this.deps.snapshots.list() };
  }

  async seed(scenario: Scenario): Promise<SeedResult> {
    const result = await applySeed(scenario, {
      ...this.deps.seed,
      recordExchange: (record) => this.deps.journal.record(record),
    });
    result.identities.forEach((i) => this.identities.set(i.hetu, i));
    return result;
  }

  /** Seeded test identities and the sentinel identities. */
  testIdentities(): { identities: SeedIdentity[]; sentinels: readonly SentinelIdentity[] } {
    return {
      identities: [...this.identities.values()],
      sentinels: this.deps.sentinels ? SENTINEL_IDENTITIES : [],
    };
  }
}
