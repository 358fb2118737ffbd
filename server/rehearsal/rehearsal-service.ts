/**
 * The deployment-test rehearsal as operations: start one for an organisation + test case + test identity,
 * watch refusals on the Kanta interface, record the client-system ticks, and judge what the archive holds.
 * The CLI, the JSON API and the archivist interface all call these; nothing here knows about HTTP.
 */
import { KantaSimError } from '../errors.js';
import type { ArchiveStore } from '../store/archive-store.js';
import type { Rehearsal, RehearsalEvent, RehearsalStore } from '../store/rehearsal-store.js';
import type { CompareSource } from './compare-source.js';
import { deviationLines } from './deviation-lines.js';
import type { Evaluation } from './evaluation.js';
import { judgeRehearsal, resolveRehearsalRegisters } from './judge-rehearsal.js';
import type { OnboardingService, OnboardingView } from './onboarding-service.js';
import { newRehearsalId, parseClientMetadata, unknownRehearsal } from './rehearsal.js';
import { booleanAt, objectAt, oidAt, optionalOidAt, optionalStringAt, stringAt } from './read-input.js';
import type { TestCase, TestCaseLibrary } from './test-case.js';
import { requireTestIdentity } from './test-identities.js';
import { finalResult, rehearsalProgress } from './rehearsal-state.js';
import type { DeviationLine, RehearsalProgress } from './view-models.js';

/** What the Kanta interface reports after each exchange (ExchangeRecord fits). */
export interface ObservedExchange {
  readonly startedAt: Date;
  readonly outcome: {
    readonly typeCode: string;
    readonly senderOid?: string;
    readonly documentId?: string;
    readonly violations: readonly { readonly rule: { readonly code: string } }[];
  };
}

export interface RehearsalServiceDeps {
  readonly archive: Pick<ArchiveStore, 'listDocuments'>;
  readonly store: RehearsalStore;
  readonly onboarding: OnboardingService;
  readonly testCases: TestCaseLibrary;
  readonly clock: () => Date;
  /** The archivist's compare records; absent until the archivist interface is wired in. */
  readonly compare?: CompareSource;
}

export type RefusalEvent = Extract<RehearsalEvent, { kind: 'refusal' }>;

/** The verdict: JSON for CI (GET /__sim/rehearsals/:id) and the source of the report. */
export interface RehearsalVerdict {
  readonly rehearsal: Rehearsal;
  readonly testCase: Pick<TestCase, 'name' | 'title' | 'serviceTask' | 'role' | 'oldData'>;
  readonly onboarding?: OnboardingView;
  readonly registers: { readonly own: string; readonly organiser?: string };
  /** True only for a pass: while running, every document arrived and matched; once finished, the kept verdict. */
  readonly passed: boolean;
  /** Where the rehearsal stands (waiting, in progress, passed, failed, finished, cancelled). */
  readonly progress: RehearsalProgress;
  /** The judgement of what the archive holds now; `progress` says whether it is a verdict yet. */
  readonly evaluation: Evaluation;
  /** The findings, the uncompared documents of a finished rehearsal and the refusals, as data. */
  readonly deviations: readonly DeviationLine[];
  /** Messages the archive refused from the organisation while the rehearsal ran. */
  readonly refusals: readonly RefusalEvent[];
  readonly evaluatedAt: string;
}

export class RehearsalService {
  constructor(private readonly deps: RehearsalServiceDeps) {}

  /**
   * Starts a rehearsal from untrusted JSON `{ organisationOid, caseName, hetu?, requireClientSystemCheck?,
   * organiserOid?, clientMetadata? }`. Without a hetu, the identity handed to the organisation for the
   * case's service is used; a hetu not yet handed out is recorded as handed to it now.
   */
  async start(raw: unknown): Promise<Rehearsal> {
    const o = objectAt(raw, 'rehearsal');
    const organisationOid = oidAt(o.organisationOid, 'organisationOid');
    const testCase = this.deps.testCases.get(stringAt(o.caseName, 'caseName'));
    const hetu = await this.identityFor(organisationOid, testCase, optionalStringAt(o.hetu, 'hetu'));
    const now = this.deps.clock();
    const organiserOid = optionalOidAt(o.organiserOid, 'organiserOid');
    const rehearsal: Rehearsal = {
      id: newRehearsalId(now),
      organisationOid,
      caseName: testCase.name,
      hetu,
      status: 'running',
      startedAt: now.toISOString(),
      since: booleanAt(o.includeEarlier, 'includeEarlier', false) ? undefined : now.toISOString(),
      requireClientSystemCheck: booleanAt(o.requireClientSystemCheck, 'requireClientSystemCheck', true),
      ...(organiserOid === undefined ? {} : { organiserOid }),
      ...(o.clientMetadata === undefined ? {} : { clientMetadata: parseClientMetadata(o.clientMetadata) }),
    };
    await resolveRehearsalRegisters(this.deps.onboarding, rehearsal, testCase);
    await this.deps.store.insertRehearsal(rehearsal);
    return rehearsal;
  }

  async get(id: string): Promise<Rehearsal> {
    return (await this.deps.store.getRehearsal(id)) ?? unknownRehearsal(id);
  }

  list(filter: { organisationOid?: string; caseName?: string } = {}): Promise<Rehearsal[]> {
    return this.deps.store.listRehearsals(filter);
  }

  /**
   * Finishes a running rehearsal and keeps its verdict as it stands now (a document missing or not compared
   * fails it); documents archived later are not judged. CONFLICT when it is no longer running.
   */
  async finish(id: string, by?: string): Promise<Rehearsal> {
    const r = await this.running(id);
    const closing: Rehearsal = { ...r, finishedAt: this.deps.clock().toISOString() };
    const { evaluation } = await judgeRehearsal(this.deps, closing);
    const finished: Rehearsal = {
      ...closing,
      status: 'finished',
      finalResult: finalResult(evaluation),
      ...(by === undefined ? {} : { finishedBy: by }),
    };
    await this.deps.store.updateRehearsal(finished);
    return finished;
  }

  /** Cancels a running rehearsal: closed without a verdict. CONFLICT when it is no longer running. */
  async cancel(id: string, by?: string): Promise<Rehearsal> {
    const r = await this.running(id);
    const cancelled: Rehearsal = {
      ...r,
      status: 'cancelled',
      finishedAt: this.deps.clock().toISOString(),
      ...(by === undefined ? {} : { finishedBy: by }),
    };
    await this.deps.store.updateRehearsal(cancelled);
    return cancelled;
  }

  /** Supplies (replaces) the client-system metadata a CI job read from the client system. */
  async setClientMetadata(id: string, raw: unknown): Promise<Rehearsal> {
    const r = await this.get(id);
    const updated: Rehearsal = { ...r, clientMetadata: parseClientMetadata(raw) };
    await this.deps.store.updateRehearsal(updated);
    return updated;
  }

  /** A person's tick `{ documentId, matches, note?, by? }` when no compare record is at hand. */
  async recordClientSystemCheck(id: string, raw: unknown): Promise<void> {
    await this.get(id);
    const o = objectAt(raw, 'check');
    if (typeof o.matches !== 'boolean') {
      throw new KantaSimError('BAD_REQUEST', 'matches: expected true or false');
    }
    const note = optionalStringAt(o.note, 'note');
    const by = optionalStringAt(o.by, 'by');
    await this.deps.store.addEvent(id, {
      kind: 'client-system-check',
      at: this.deps.clock().toISOString(),
      documentId: stringAt(o.documentId, 'documentId'),
      matches: o.matches,
      ...(note === undefined ? {} : { note }),
      ...(by === undefined ? {} : { by }),
    });
  }

  /** The checklist and verdict now, computed from the archive (up to its closing, once closed). */
  async verdict(id: string): Promise<RehearsalVerdict> {
    const rehearsal = await this.get(id);
    const { testCase, onboarding, registers, evaluation, events } = await judgeRehearsal(
      this.deps,
      rehearsal,
    );
    const progress = rehearsalProgress(rehearsal, evaluation);
    const refusals = events.filter((e): e is RefusalEvent => e.kind === 'refusal');
    return {
      rehearsal,
      testCase: {
        name: testCase.name,
        title: testCase.title,
        serviceTask: testCase.serviceTask,
        role: testCase.role,
        oldData: testCase.oldData,
      },
      ...(onboarding === undefined ? {} : { onboarding }),
      registers,
      passed: (progress.outcome ?? evaluation.result) === 'passed',
      progress,
      evaluation,
      deviations: deviationLines(evaluation, refusals, {
        finished: rehearsal.status === 'finished',
        requireClientSystemCheck: rehearsal.requireClientSystemCheck,
      }),
      refusals,
      evaluatedAt: this.deps.clock().toISOString(),
    };
  }

  private async running(id: string): Promise<Rehearsal> {
    const r = await this.get(id);
    if (r.status !== 'running') {
      throw new KantaSimError('CONFLICT', `rehearsal ${id} is already ${r.status}`, {
        details: { status: r.status },
      });
    }
    return r;
  }

  /**
   * For CI: the verdict of the organisation's latest rehearsal of the case, or of a new one over every
   * document of the identity when none was started (a CI job may send first and ask afterwards).
   */
  async verify(raw: unknown): Promise<RehearsalVerdict> {
    const o = objectAt(raw, 'verify');
    const caseName = stringAt(o.caseName, 'caseName');
    const organisationOid = optionalOidAt(o.organisationOid, 'organisationOid');
    const latest = (await this.deps.store.listRehearsals({ caseName, organisationOid }))[0];
    let rehearsal = latest;
    if (rehearsal === undefined) {
      if (organisationOid === undefined) {
        throw new KantaSimError(
          'BAD_REQUEST',
          `no rehearsal of ${caseName} was started; name the organisation (--org OID) to verify what it archived`,
        );
      }
      rehearsal = await this.start({
        organisationOid,
        caseName,
        hetu: o.hetu,
        organiserOid: o.organiserOid,
        includeEarlier: true,
        requireClientSystemCheck: o.clientMetadata !== undefined,
      });
    }
    if (o.clientMetadata !== undefined) {
      rehearsal = await this.setClientMetadata(rehearsal.id, o.clientMetadata);
    }
    return this.verdict(rehearsal.id);
  }

  /** Records refusals of the organisations of running rehearsals; called after every Kanta exchange. */
  async observe(exchange: ObservedExchange): Promise<void> {
    const { outcome } = exchange;
    if (outcome.typeCode === 'AA' || outcome.senderOid === undefined) {
      return;
    }
    const running = await this.deps.store.listRehearsals({ status: 'running' });
    for (const r of running.filter(
      (x) => x.organisationOid === outcome.senderOid || x.organiserOid === outcome.senderOid,
    )) {
      await this.deps.store.addEvent(r.id, {
        kind: 'refusal',
        at: exchange.startedAt.toISOString(),
        senderOid: outcome.senderOid,
        ...(outcome.documentId === undefined ? {} : { documentId: outcome.documentId }),
        typeCode: outcome.typeCode,
        rules: outcome.violations.map((v) => v.rule.code),
      });
    }
  }

  private async identityFor(
    organisationOid: string,
    testCase: TestCase,
    hetu: string | undefined,
  ): Promise<string> {
    if (hetu === undefined) {
      const mine = (await this.deps.onboarding.listIdentities({ customerOid: organisationOid })).filter(
        (a) => a.serviceTask === testCase.serviceTask,
      );
      const last = mine[mine.length - 1];
      if (last === undefined) {
        throw new KantaSimError(
          'BAD_REQUEST',
          `no test identity is handed to ${organisationOid} for service ${testCase.serviceTask}; give one (hetu)`,
          { details: { field: 'hetu', reason: 'hetu-none-handed-out' } },
        );
      }
      return last.hetu;
    }
    requireTestIdentity(hetu);
    // Refuses an identity another customer holds for this service (TEST_IDENTITY_ASSIGNED).
    await this.deps.onboarding.assignIdentity({
      hetu,
      serviceTask: testCase.serviceTask,
      customerOid: organisationOid,
    });
    return hetu;
  }
}
