/**
 * Judging one rehearsal: its test case's expectations with their registers, the documents of its test client
 * archived while it ran (from its start, or ever, to its closing, or now), the client-system ticks, and the
 * evaluation of all that. The verdict and finishing both judge through here, so they cannot disagree.
 */
import type { ArchiveStore } from '../store/archive-store.js';
import type { Rehearsal, RehearsalEvent, RehearsalStore } from '../store/rehearsal-store.js';
import type { CompareSource } from './compare-source.js';
import { evaluate } from './evaluate.js';
import type { Evaluation } from './evaluation.js';
import type { OnboardingService } from './onboarding-service.js';
import type { TestCase, TestCaseLibrary } from './test-case.js';
import { clientSystemTicks, resolveRegisters, type ResolvedRegisters } from './verdict-inputs.js';

export interface JudgeDeps {
  readonly archive: Pick<ArchiveStore, 'listDocuments'>;
  readonly store: Pick<RehearsalStore, 'listEvents'>;
  readonly onboarding: Pick<OnboardingService, 'findOnboarding'>;
  readonly testCases: Pick<TestCaseLibrary, 'get'>;
  readonly compare?: CompareSource;
}

export interface Judgement extends Pick<ResolvedRegisters, 'onboarding' | 'registers'> {
  readonly testCase: TestCase;
  readonly evaluation: Evaluation;
  readonly events: readonly RehearsalEvent[];
}

/** The registers the rehearsal's documents are expected in; BAD_REQUEST when the organiser is unknown. */
export async function resolveRehearsalRegisters(
  onboarding: Pick<OnboardingService, 'findOnboarding'>,
  rehearsal: Rehearsal,
  testCase: TestCase,
): Promise<ResolvedRegisters> {
  return resolveRegisters(rehearsal, testCase, await onboarding.findOnboarding(rehearsal.organisationOid));
}

/** Evaluates what the archive holds for the rehearsal now. */
export async function judgeRehearsal(deps: JudgeDeps, rehearsal: Rehearsal): Promise<Judgement> {
  const testCase = deps.testCases.get(rehearsal.caseName);
  const { onboarding, registers, expected, setup } = await resolveRehearsalRegisters(
    deps.onboarding,
    rehearsal,
    testCase,
  );
  const arrived = (await deps.archive.listDocuments({ hetu: rehearsal.hetu, limit: 10_000 })).filter(
    (d) =>
      (rehearsal.since === undefined || d.archivedAt >= rehearsal.since) &&
      (rehearsal.finishedAt === undefined || d.archivedAt <= rehearsal.finishedAt),
  );
  const events = await deps.store.listEvents(rehearsal.id);
  const ticks = await clientSystemTicks(
    events,
    arrived.map((d) => d.id),
    deps.compare,
  );
  const evaluation = evaluate({
    expected,
    setup,
    arrived,
    ticks,
    clientMetadata: rehearsal.clientMetadata,
    requireClientSystemCheck: rehearsal.requireClientSystemCheck,
  });
  return { ...(onboarding === undefined ? {} : { onboarding }), registers, testCase, evaluation, events };
}
