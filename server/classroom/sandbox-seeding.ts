/**
 * The order in which a class's sandboxes are seeded. The first sandbox of a scenario not applied yet is
 * seeded alone with the whole check, while the other sandboxes' copies are signed ahead on the signing
 * threads; then the copies are archived a few at a time (sandbox-copy.ts).
 */
import { createHash } from 'node:crypto';
import type { Scenario } from '../control/scenario.js';
import type { ClassroomDeps } from './classroom-deps.js';
import { inLanes } from './in-lanes.js';

export class SandboxSeeding {
  /** The scenarios (by content) applied whole once by this service: later sandboxes are copies. */
  private readonly checked = new Set<string>();

  constructor(private readonly deps: Pick<ClassroomDeps, 'seedConcurrency' | 'discardPrepared'>) {}

  async run<T>(
    items: readonly T[],
    scenario: Scenario,
    work: (item: T, copy: boolean) => Promise<void>,
    prepare: (item: T) => void = () => undefined,
  ): Promise<void> {
    const lanes = this.deps.seedConcurrency ?? 4;
    const key = createHash('sha256').update(JSON.stringify(scenario)).digest('hex');
    const [first, ...rest] = items;
    if (first === undefined || this.checked.has(key)) {
      return inLanes(lanes, items, (item) => work(item, true));
    }
    rest.forEach((item) => prepare(item));
    try {
      await work(first, false);
    } catch (e) {
      this.deps.discardPrepared?.();
      throw e;
    }
    this.checked.add(key);
    return inLanes(lanes, rest, (item) => work(item, true));
  }
}
