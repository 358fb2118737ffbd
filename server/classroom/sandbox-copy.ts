/**
 * Seeding a sandbox with a scenario that was already applied whole to another sandbox of the class. The
 * copy differs from the checked one only in the register keeper's OIDs and the ids derived from them
 * (retarget-scenario.ts), so the whole-scenario check before archiving (seed-checks.ts, a quarter of a
 * sandbox's seeding time) is not run again. Nothing is stored unchecked: every message still goes through
 * the archive, which reads it with all its rules, and an answer other than the checked scenario's plan (an
 * acceptance, or a planned refusal with its rule) stops the copy with CONFLICT. The copy's messages are
 * signed by `sign` (the class's signing thread, seed-signer.ts) before the first is archived.
 */
import type { Scenario } from '../control/scenario.js';
import { archiveSeedMessage, type SeedDeps } from '../control/seed.js';
import { planSeedMessages } from '../control/seed-message.js';
import type { SeedSigningJob } from '../control/seed-signing.js';
import { KantaSimError } from '../errors.js';

/** Builds and archives the copy's messages in the seed's order; resolves with the archived ids. */
export async function seedCheckedCopy(
  scenario: Scenario,
  deps: SeedDeps,
  sign: (job: SeedSigningJob) => Promise<Buffer>,
): Promise<string[]> {
  const planned = planSeedMessages(scenario, deps, deps.validation().codes);
  const signed = await Promise.all(planned.map((m) => sign(m.signing)));
  const messages = planned.map((m, i) => ({ ...m, bytes: signed[i] as Buffer }));
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
