/**
 * The classroom: N trainee sandboxes, each its own register keeper with the same scenario history and its
 * own archivist account, and a trainer account that sees every sandbox. Making a class is idempotent (the
 * same class again changes nothing), a reset brings sandboxes back to the scenario (documents, compare and
 * invalidation records, usage log rows, sessions), and the console reads the class overview from here.
 *
 * The public types of the console and presenter pages are exported from this file.
 */
import type { Scenario } from '../control/scenario.js';
import { KantaSimError } from '../errors.js';
import type {
  ClassroomLang,
  ClassroomOrganisationRecord,
  ClassroomRecord,
} from '../store/classroom-store.js';
import { parseCreateInput, traineeOf } from './classroom-input.js';
import { sandboxScenario, unknownScenario } from './classroom-scenarios.js';
import {
  archivistName,
  organisationName,
  readablePassword,
  sandboxOid,
  sandboxUnitOid,
  unitName,
  usernameOf,
} from './sandbox-names.js';
import { decideOnExisting, readOverview } from './class-overview.js';
import type { ClassroomDeps } from './classroom-deps.js';
import { inLanes } from './in-lanes.js';
import { SandboxSeeding } from './sandbox-seeding.js';
import {
  summary,
  toAccount,
  type ClassAccount,
  type ClassOverview,
  type CreateAnswer,
  type CreateStatus,
  type SandboxRef,
} from './classroom-types.js';

export type * from './classroom-types.js';
export type { ClassroomDeps } from './classroom-deps.js';
export type { CreateClassInput, IfExists, TraineeSelection } from './classroom-input.js';
export type { ClassroomLang } from '../store/classroom-store.js';

export class ClassroomService {
  /** Making and resetting run one at a time: a console button pressed twice must not make two classes. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Scenarios (by content) applied whole, with the full check, to a sandbox of this class. */

  private readonly seeding: SandboxSeeding;

  constructor(private readonly deps: ClassroomDeps) {
    this.seeding = new SandboxSeeding(deps);
  }

  private oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Makes the class, or finds it (see CreateStatus); validates any surface's raw input. */
  create(raw: unknown): Promise<CreateAnswer> {
    return this.oneAtATime(() => this.createNow(raw));
  }

  /** Brings one trainee's sandbox back to the scenario and signs the trainee out. */
  resetSandbox(trainee: unknown): Promise<{ readonly reset: readonly string[] }> {
    return this.oneAtATime(() => this.resetSandboxNow(trainee));
  }

  /** Brings every sandbox back to the scenario, trainees signed out; the trainer's usage log rows go too. */
  resetClass(): Promise<{ readonly reset: readonly string[] }> {
    return this.oneAtATime(() => this.resetClassNow());
  }

  private async createNow(raw: unknown): Promise<CreateAnswer> {
    const input = parseCreateInput(raw);
    const scenarioName = input.scenario ?? this.deps.scenarios.defaultName;
    const scenario = await this.loadScenario(scenarioName);
    const existing = await this.deps.store.getClassroom();
    let status: CreateStatus = 'created';
    if (existing) {
      status = decideOnExisting(existing, { ...input, scenario: scenarioName });
    }
    const now = this.deps.clock().toISOString();
    const record: ClassroomRecord = {
      scenario: scenarioName,
      lang: existing?.lang ?? input.lang,
      trainees: Math.max(existing?.trainees ?? 0, input.trainees),
      createdAt: existing?.createdAt ?? now,
      ...(status === 'reset' ? { resetAt: now } : existing?.resetAt ? { resetAt: existing.resetAt } : {}),
    };
    await this.deps.store.saveClassroom(record);
    const accounts = await this.ensureAccounts(record, scenario);
    const toSeed = accounts.filter((a) => a.trainee > 0 && (status === 'reset' || a.seededAt === undefined));
    await this.seedAll(
      toSeed,
      scenario,
      (a, copy) =>
        status === 'reset'
          ? this.resetOne(a, accounts, scenario, record.lang, copy)
          : this.seedOne(a, scenario, record.lang, copy),
      (a) => this.deps.prepareCopy?.(this.sandboxScenario(scenario, a.trainee, record.lang)),
    );
    if (status === 'existing' && toSeed.length > 0) {
      status = 'extended'; // a sandbox left unfinished by an interrupted run was completed
    }
    return this.answer(status, record);
  }

  private async resetSandboxNow(trainee: unknown): Promise<{ readonly reset: readonly string[] }> {
    const { record, scenario } = await this.current();
    const n = traineeOf(trainee, record.trainees);
    const accounts = await this.deps.store.listOrganisations();
    const account = accounts.find((a) => a.trainee === n);
    if (!account) {
      throw new KantaSimError('NOT_FOUND', `trainee ${n} has no sandbox yet`);
    }
    await this.seedAll([account], scenario, (a, copy) =>
      this.resetOne(a, accounts, scenario, record.lang, copy),
    );
    return { reset: [account.username] };
  }

  private async resetClassNow(): Promise<{ readonly reset: readonly string[] }> {
    const { record, scenario } = await this.current();
    const accounts = await this.deps.store.listOrganisations();
    const sandboxes = accounts.filter((a) => a.trainee > 0);
    await this.seedAll(sandboxes, scenario, (a, copy) =>
      this.resetOne(a, accounts, scenario, record.lang, copy),
    );
    const trainer = accounts.find((a) => a.trainee === 0);
    if (trainer) {
      await this.deps.store.clearSandbox({
        organisationOid: trainer.organisationOid,
        signOut: [],
        alsoLogsOf: [],
      });
    }
    await this.deps.store.saveClassroom({ ...record, resetAt: this.deps.clock().toISOString() });
    return { reset: sandboxes.map((a) => a.username) };
  }

  /** The class for the trainer's console: accounts, sign-in state and what each trainee did. */
  overview(): Promise<ClassOverview> {
    return readOverview(this.deps);
  }

  /** Every account with its password, for the sign-in cards; NOT_FOUND when there is no class. */
  async accounts(): Promise<{ readonly trainer: ClassAccount; readonly trainees: readonly ClassAccount[] }> {
    const { record } = await this.current();
    const { trainer, trainees } = await this.answer('existing', record);
    return { trainer, trainees };
  }

  /** Whether the archivist is the class's trainer. */
  async isTrainer(archivistId: string): Promise<boolean> {
    const accounts = await this.deps.store.listOrganisations();
    return accounts.some((a) => a.trainee === 0 && a.archivistId === archivistId);
  }

  /** The trainee sandbox the archivist belongs to; undefined for the trainer and everyone else. */
  async sandboxOf(archivistId: string): Promise<SandboxRef | undefined> {
    const accounts = await this.deps.store.listOrganisations();
    const a = accounts.find((x) => x.trainee > 0 && x.archivistId === archivistId);
    return a ? { trainee: a.trainee, organisationOid: a.organisationOid, name: a.name } : undefined;
  }

  /** The class and its scenario; NOT_FOUND when no class was made on this data directory. */
  async current(): Promise<{ readonly record: ClassroomRecord; readonly scenario: Scenario }> {
    const record = await this.deps.store.getClassroom();
    if (!record) {
      throw new KantaSimError('NOT_FOUND', 'no class has been made here (kanta-sim classroom --trainees N)');
    }
    return { record, scenario: await this.loadScenario(record.scenario) };
  }

  /** The scenario retargeted into one sandbox (classroom-scenarios.ts sandboxScenario). */
  sandboxScenario(scenario: Scenario, trainee: number, lang: ClassroomLang): Scenario {
    return sandboxScenario(this.deps.retarget, scenario, trainee, lang);
  }

  /** The trainer's and every trainee's organisation and account, made where missing. */
  private async ensureAccounts(
    record: ClassroomRecord,
    scenario: Scenario,
  ): Promise<ClassroomOrganisationRecord[]> {
    const accounts = await this.deps.store.listOrganisations();
    const have = new Set(accounts.map((a) => a.trainee));
    const missing = Array.from({ length: record.trainees }, (_, i) => i + 1).filter((n) => !have.has(n));
    await inLanes(this.deps.seedConcurrency ?? 4, missing, async (n) => {
      // The sandbox gets the units the scenario's register keeper has, moved under the sandbox's OID.
      const keeper = this.sandboxScenario(scenario, n, record.lang).organisations.find(
        (o) => o.oid === sandboxOid(n),
      );
      accounts.push(await this.makeAccount(n, record.lang, [sandboxOid(n)], keeper?.units));
    });
    const sandboxes = Array.from({ length: record.trainees }, (_, i) => sandboxOid(i + 1));
    const trainer = accounts.find((a) => a.trainee === 0);
    if (trainer) {
      await this.deps.store.setArchivistRegisters(trainer.archivistId, sandboxes);
    } else {
      accounts.push(await this.makeAccount(0, record.lang, sandboxes));
    }
    return accounts.sort((a, b) => a.trainee - b.trainee);
  }

  private async makeAccount(
    trainee: number,
    lang: ClassroomLang,
    registerOids: readonly string[],
    units: readonly { readonly oid: string; readonly name: string }[] = [
      { oid: sandboxUnitOid(trainee), name: unitName(trainee, lang) },
    ],
  ): Promise<ClassroomOrganisationRecord> {
    const oid = sandboxOid(trainee);
    const name = organisationName(trainee, lang);
    await this.deps.ensureOrganisation({ oid, name, units });
    const password = readablePassword();
    const { archivist } = await this.deps.addArchivist({
      organisationOid: oid,
      name: archivistName(trainee, lang),
      username: usernameOf(trainee),
      password,
      registerOids,
    });
    const record = {
      organisationOid: oid,
      trainee,
      name,
      archivistId: archivist.id,
      username: archivist.username,
      password,
    };
    await this.deps.store.addOrganisation(record);
    return record;
  }

  private seedAll<T>(
    items: readonly T[],
    scenario: Scenario,
    work: (item: T, copy: boolean) => Promise<void>,
    prepare?: (item: T) => void,
  ): Promise<void> {
    return this.seeding.run(items, scenario, work, prepare);
  }

  private async seedOne(
    account: ClassroomOrganisationRecord,
    scenario: Scenario,
    lang: ClassroomLang,
    copy: boolean,
  ): Promise<void> {
    const own = this.sandboxScenario(scenario, account.trainee, lang);
    await this.deps.seed(own, { copyOfChecked: copy });
    await this.deps.store.setSeeded(account.organisationOid, this.deps.clock().toISOString());
  }

  private async resetOne(
    account: ClassroomOrganisationRecord,
    accounts: readonly ClassroomOrganisationRecord[],
    scenario: Scenario,
    lang: ClassroomLang,
    copy: boolean,
  ): Promise<void> {
    const trainerOids = accounts.filter((a) => a.trainee === 0).map((a) => a.organisationOid);
    await this.deps.store.setSeeded(account.organisationOid, undefined);
    this.deps.dropFaults?.(account.organisationOid);
    await this.deps.archive.reset(account.organisationOid);
    await this.deps.store.clearSandbox({
      organisationOid: account.organisationOid,
      signOut: [account.archivistId],
      alsoLogsOf: trainerOids,
    });
    await this.deps.onSandboxReset?.(account.archivistId);
    await this.seedOne(account, scenario, lang, copy);
  }

  private async loadScenario(name: string): Promise<Scenario> {
    const known = await this.deps.scenarios.names();
    if (!known.includes(name)) {
      throw unknownScenario(name, known);
    }
    return this.deps.scenarios.load(name);
  }

  private async answer(status: CreateStatus, record: ClassroomRecord): Promise<CreateAnswer> {
    const accounts = (await this.deps.store.listOrganisations()).map((a) => toAccount(a, record.lang));
    const trainer = accounts.find((a) => a.trainee === 0);
    if (!trainer) {
      throw new KantaSimError('INTERNAL', 'the class has no trainer account');
    }
    return { status, classroom: summary(record), trainer, trainees: accounts.filter((a) => a.trainee > 0) };
  }
}
