/**
 * The composition root's classroom step: the classroom's store on the shared database, the service that
 * makes and resets trainee sandboxes (through the seed, so a sandbox holds what the archive would have
 * stored) and the trainer's actions, whose "archive now" goes over the running Kanta interface.
 */
import path from 'node:path';
import type { KantaSimConfig } from '../config.js';
import type { ExchangeOutcome } from '../archive/archive-answer.js';
import { ClassroomActions, type Delivered } from '../classroom/classroom-actions.js';
import type { Retarget, ScenarioLibrary } from '../classroom/classroom-scenarios.js';
import { ClassroomService } from '../classroom/classroom-service.js';
import { deliverOverKanta, type KantaEndpoint } from '../classroom/kanta-delivery.js';
import { ScenarioFiles } from '../classroom/scenario-files.js';
import { SandboxCopies } from '../classroom/sandbox-copy.js';
import { createSeedSigner } from '../classroom/seed-signer.js';
import { retargetScenario } from '../control/retarget-scenario.js';
import { DEFAULT_SCENARIO, defaultScenarioDir } from '../control/scenario-library.js';
import type { Scenario } from '../control/scenario.js';
import { applySeed, type SeedDeps } from '../control/seed.js';
import { KantaSimError, isKantaSimError } from '../errors.js';
import { generateRsaKeyPair, type KeyPairPem } from '../pki/issue.js';
import { addOrganisation } from '../pki/organisations.js';
import type { ClassroomStore } from '../store/classroom-store.js';
import { SqliteClassroomStore } from '../store/sqlite-classroom-store.js';
import type { SqliteDatabase } from '../store/sqlite-database.js';
import type { ArchiveStore } from '../store/archive-store.js';
import type { ArchivistParts } from './archivist.js';
import type { ControlParts } from './control.js';
import type { Ground } from './ground.js';

/** A trainer's own scenarios: `<data-dir>/scenarios/<name>.json`, beside (and over) the shipped ones. */
export const SCENARIOS_DIR = 'scenarios';

export interface ClassroomParts {
  readonly service: ClassroomService;
  readonly actions: ClassroomActions;
  readonly store: ClassroomStore;
  /** The scenarios a class may be made from (the console offers them). */
  readonly scenarios: ScenarioLibrary;
  /** Stops the class's signing thread. */
  close(): Promise<void>;
}

export interface ClassroomCompositionDeps {
  readonly config: KantaSimConfig;
  readonly db: SqliteDatabase;
  readonly archive: ArchiveStore;
  readonly ground: Ground;
  readonly archivist: ArchivistParts;
  readonly control: ControlParts;
  readonly clock: () => Date;
  /** The Kanta interface once it listens (archive-now sends there). */
  readonly kantaEndpoint: () => KantaEndpoint | undefined;
  /** The scenario library; default the shipped scenarios. */
  readonly scenarios?: ScenarioLibrary;
  /** What else a sandbox reset clears for its trainee (the exercise answers). */
  readonly onSandboxReset?: (archivistId: string) => Promise<void>;
}

export function composeClassroom(deps: ClassroomCompositionDeps): ClassroomParts {
  const { config, ground, control, clock } = deps;
  const store = new SqliteClassroomStore(deps.db);
  const scenarios =
    deps.scenarios ??
    new ScenarioFiles([defaultScenarioDir(), path.join(config.dataDir, SCENARIOS_DIR)], DEFAULT_SCENARIO);
  // One key pair certified for every organisation the classroom makes: generating two RSA keys per
  // sandbox was most of a class's making time, and these organisations hold training data only ([S]).
  let classKeys: Promise<KeyPairPem> | undefined;
  const signer = createSeedSigner(2);
  const copies = new SandboxCopies(control.seed, (job) => signer.sign(job));
  const service = new ClassroomService({
    store,
    archive: deps.archive,
    usage: deps.archivist.usage,
    scenarios,
    retarget: retargetKeeper,
    ensureOrganisation: async (input) => {
      if (ground.organisations.get(input.oid)) {
        return;
      }
      classKeys ??= generateRsaKeyPair();
      const keyPair = await classKeys;
      await addOrganisation(config.dataDir, { ...input, now: clock(), keyPair }).catch((e: unknown) => {
        if (!(isKantaSimError(e) && e.code === 'ORG_EXISTS')) {
          throw e;
        }
      });
    },
    addArchivist: (input) => deps.archivist.addArchivist(input),
    seed: (scenario, options) =>
      options?.copyOfChecked ? copies.seed(scenario) : control.control.seed(scenario),
    prepareCopy: (scenario) => copies.prepare(scenario),
    discardPrepared: () => copies.discard(),
    dropFaults: (oid) => {
      for (const fault of control.faults.list().filter((f) => f.organisation === oid)) {
        control.faults.remove(fault.id);
      }
    },
    clock,
    ...(deps.onSandboxReset ? { onSandboxReset: deps.onSandboxReset } : {}),
  });
  const actions = new ClassroomActions({
    classroom: service,
    seedOverKanta: (scenario) => seedOverKanta(scenario, control.seed, deps.kantaEndpoint),
    addFault: (spec) => control.faults.add(spec),
    clock,
  });
  return { service, actions, store, scenarios, close: () => signer.close() };
}

/**
 * Applies a one-document scenario through the seed (so the document is checked and built as every seeded
 * one is) with the Kanta interface as the way in. A refusal there (a staged fault) is the trainer's
 * intended outcome: it is answered with its rules, whatever error the seed makes of it.
 */
async function seedOverKanta(
  scenario: Scenario,
  seed: SeedDeps,
  endpoint: () => KantaEndpoint | undefined,
): Promise<Delivered> {
  const deliver = deliverOverKanta(endpoint);
  let refusal: ExchangeOutcome | undefined;
  try {
    const result = await applySeed(scenario, {
      ...seed,
      archive: async (bytes, as) => {
        const outcome = await deliver(bytes, as);
        refusal = outcome.typeCode === 'AA' ? undefined : outcome;
        return outcome;
      },
    });
    return { archived: true, documentId: result.documents[0] };
  } catch (e) {
    if (refusal) {
      return { archived: false, rules: [...new Set(refusal.violations.map((v) => v.rule.code))] };
    }
    throw e;
  }
}

/**
 * Moves the scenario's register keeper (the organisation most of its documents are kept by; a provider
 * stays, serving every sandbox) into the sandbox, its units moved under the sandbox's OID.
 */
const retargetKeeper: Retarget = (scenario, keeper) => {
  const kept = new Map<string, number>();
  for (const d of scenario.documents) {
    kept.set(d.organisation, (kept.get(d.organisation) ?? 0) + 1);
  }
  const from = [...kept.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? scenario.organisations[0]?.oid;
  if (from === undefined) {
    throw new KantaSimError('BAD_REQUEST', 'the scenario keeps no register to give a sandbox');
  }
  return retargetScenario(scenario, { from, to: { oid: keeper.oid, name: keeper.name } });
};
