/**
 * What the classroom service is given by the composition root: its store, the archive and usage log it
 * resets, the scenario library, and the ways to make organisations, accounts and seeds.
 */
import type { Archivist, AddArchivistInput } from '../archivist/archivists.js';
import type { Scenario } from '../control/scenario.js';
import type { ArchiveStore } from '../store/archive-store.js';
import type { ClassroomStore } from '../store/classroom-store.js';
import type { UsageLogStore } from '../store/usage-log-store.js';
import type { Retarget, ScenarioLibrary } from './classroom-scenarios.js';

export interface ClassroomDeps {
  readonly store: ClassroomStore;
  readonly archive: Pick<ArchiveStore, 'reset'>;
  readonly usage: Pick<UsageLogStore, 'list'>;
  readonly scenarios: ScenarioLibrary;
  readonly retarget: Retarget;
  /** Registers the organisation (test PKI credentials) unless it is registered already. */
  readonly ensureOrganisation: (input: {
    readonly oid: string;
    readonly name: string;
    readonly units: readonly { readonly oid: string; readonly name: string }[];
  }) => Promise<void>;
  readonly addArchivist: (input: AddArchivistInput) => Promise<{ archivist: Archivist; password: string }>;
  /**
   * Applies a scenario whole or not at all through the archive (server/control/seed.ts); with
   * `copyOfChecked`, a retargeted copy of a scenario already applied to another sandbox (sandbox-copy.ts).
   */
  readonly seed: (scenario: Scenario, options?: { readonly copyOfChecked?: boolean }) => Promise<unknown>;
  /** Starts signing a copy ahead, while the first sandbox is checked; seed(…, copyOfChecked) takes it. */
  readonly prepareCopy?: (scenario: Scenario) => void;
  /** Drops copies prepared and not seeded. */
  readonly discardPrepared?: () => void;
  /** Drops the faults staged for an organisation ("make the next document fail"). */
  readonly dropFaults?: (organisationOid: string) => void;
  /** How many sandboxes are seeded at once. */
  readonly seedConcurrency?: number;
  readonly clock: () => Date;
  /** What else a sandbox reset clears for its trainee (the exercise answers). */
  readonly onSandboxReset?: (archivistId: string) => Promise<void>;
}
