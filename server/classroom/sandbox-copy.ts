/**
 * Seeding a sandbox with a scenario that was already applied whole to another sandbox of the class. The
 * copy differs from the checked one only in the register keeper's OIDs and the ids derived from them
 * (retarget-scenario.ts), so the whole-scenario check before archiving (seed-checks.ts, a quarter of a
 * sandbox's seeding time) is not run again. Nothing is stored unchecked: every message still goes through
 * the archive, which reads it with all its rules, and an answer other than the checked scenario's plan (an
 * acceptance, or a planned refusal with its rule) stops the copy with CONFLICT. The copy's messages are
 * signed on the class's signing threads (seed-signer.ts) before the first is archived.
 */
import { createHash } from 'node:crypto';
import type { Scenario } from '../control/scenario.js';
import { applySeed, archiveSeedMessage, type SeedDeps } from '../control/seed.js';
import { planSeedMessages, type SeedMessage } from '../control/seed-message.js';
import type { SeedSigningJob } from '../control/seed-signing.js';
import { KantaSimError } from '../errors.js';

type Sign = (job: SeedSigningJob) => Promise<Buffer>;

/**
 * A class's sandbox copies. A copy's messages may be signed ahead (prepare) while the first sandbox is
 * still being checked on the main thread, so the signing threads use the core that check leaves idle.
 */
export class SandboxCopies {
  private readonly prepared = new Map<string, Promise<SeedMessage[]>>();
  /** The scenario's organisations and professionals, registered before a copy is planned ahead. */
  private readonly parties = new Map<string, Promise<unknown>>();

  constructor(
    private readonly deps: SeedDeps,
    private readonly sign: Sign,
  ) {}

  /** Starts signing a copy's messages; a failure is reported by the seed() that takes them. */
  prepare(scenario: Scenario): void {
    const key = copyKey(scenario);
    if (!this.prepared.has(key)) {
      const signing = this.partiesOf(scenario).then(() => signCopy(scenario, this.deps, this.sign));
      signing.catch(() => undefined); // awaited by seed(), or dropped by discard()
      this.prepared.set(key, signing);
    }
  }

  /**
   * Planning a copy needs the scenario's providers and professionals registered, which the first
   * sandbox's seed does too: the seed registers them alone first (an existing one is kept).
   */
  private partiesOf(scenario: Scenario): Promise<unknown> {
    const orgs = scenario.organisations.filter((o) => !this.deps.organisations.get(o.oid));
    const pros = scenario.professionals.filter((p) => !this.deps.professionals.get(p.regno));
    if (orgs.length === 0 && pros.length === 0) {
      return Promise.resolve();
    }
    // Every copy misses the same shared parties (its own keeper is registered): register them once.
    const key = JSON.stringify([orgs.map((o) => o.oid), pros.map((p) => p.regno)]);
    const onlyParties = { ...scenario, archivists: [], documents: [], invalidations: [], refusals: [] };
    let registering = this.parties.get(key);
    if (!registering) {
      registering = applySeed(onlyParties, this.deps);
      this.parties.set(key, registering);
    }
    return registering;
  }

  /** Drops what was prepared and not seeded (the first sandbox's check failed). */
  discard(): void {
    this.prepared.clear();
    this.parties.clear();
  }

  /** Archives the copy, with its prepared messages when there are any. */
  async seed(scenario: Scenario): Promise<string[]> {
    const key = copyKey(scenario);
    const signing = this.prepared.get(key) ?? signCopy(scenario, this.deps, this.sign);
    this.prepared.delete(key);
    return seedCheckedCopy(await signing, this.deps);
  }
}

function copyKey(scenario: Scenario): string {
  return createHash('sha256').update(JSON.stringify(scenario)).digest('hex');
}

/** A copy's messages, planned here and signed by `sign`, in the seed's order. */
async function signCopy(scenario: Scenario, deps: SeedDeps, sign: Sign): Promise<SeedMessage[]> {
  const planned = planSeedMessages(scenario, deps, deps.validation().codes);
  const signed = await Promise.all(planned.map((m) => sign(m.signing)));
  return planned.map(({ signing: _signing, ...m }, i) => ({ ...m, bytes: signed[i] as Buffer }));
}

/** Archives the copy's signed messages in the seed's order; resolves with the archived ids. */
export async function seedCheckedCopy(messages: readonly SeedMessage[], deps: SeedDeps): Promise<string[]> {
  const archived: string[] = [];
  for (const m of messages) {
    const { outcome, codes } = await archiveSeedMessage(m, deps);
    const asPlanned =
      m.kind === 'refusal'
        ? outcome.typeCode !== 'AA' && codes.includes(m.rule ?? '')
        : outcome.typeCode === 'AA';
    if (!asPlanned) {
      throw new KantaSimError(
        'CONFLICT',
        `${m.where}: document ${m.id} was answered ${outcome.typeCode} ${codes.join(', ')} in a copy of a checked scenario; ${archived.length} were archived before it`,
      );
    }
    if (m.kind !== 'refusal') {
      archived.push(m.id);
    }
  }
  return archived;
}
