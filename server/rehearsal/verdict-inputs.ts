/**
 * What a rehearsal's verdict is computed from besides the archive: the registers its documents are expected
 * in (from the onboarding record's access rights or the rehearsal's organiser) and the "matches the client
 * system" ticks (the archivist's compare records, else the latest manual tick).
 */
import { KantaSimError } from '../errors.js';
import type { Rehearsal, RehearsalEvent } from '../store/rehearsal-store.js';
import { compareVerdict, type CompareSource } from './compare-source.js';
import type { ClientSystemTick, ResolvedExpectation } from './evaluation.js';
import type { OnboardingView } from './onboarding-service.js';
import type { ExpectedDocument, TestCase } from './test-case.js';

export interface ResolvedRegisters {
  readonly onboarding?: OnboardingView;
  readonly registers: { readonly own: string; readonly organiser?: string };
  readonly expected: ResolvedExpectation[];
  readonly setup: ResolvedExpectation[];
}

/** The test case's expectations with their registers as OIDs; BAD_REQUEST when the organiser is unknown. */
export function resolveRegisters(
  rehearsal: Rehearsal,
  testCase: TestCase,
  onboarding: OnboardingView | undefined,
): ResolvedRegisters {
  const own = onboarding?.registerKeeperOid ?? rehearsal.organisationOid;
  const right = onboarding?.registerAccessRights.find(
    (r) => r.serviceTasks.length === 0 || r.serviceTasks.includes(testCase.serviceTask),
  );
  const organiser = rehearsal.organiserOid ?? right?.organiserOid;
  const needsOrganiser = [...testCase.setup, ...testCase.documents].some((d) => d.register === 'organiser');
  if (needsOrganiser && organiser === undefined) {
    throw new KantaSimError(
      'BAD_REQUEST',
      `test case ${testCase.name} archives into the organiser's register: record the register access right in the onboarding record of ${rehearsal.organisationOid}, or give organiserOid`,
      { details: { field: 'caseName', reason: 'case-needs-organiser' } },
    );
  }
  const at = (d: ExpectedDocument): ResolvedExpectation => ({
    ...d,
    registerOid: d.register === 'organiser' ? (organiser as string) : own,
  });
  return {
    ...(onboarding === undefined ? {} : { onboarding }),
    registers: { own, ...(organiser === undefined ? {} : { organiser }) },
    expected: testCase.documents.map(at),
    setup: testCase.setup.map(at),
  };
}

/** Ticks by document id: the archivist's compare record first, else the latest manual tick. */
export async function clientSystemTicks(
  events: readonly RehearsalEvent[],
  ids: readonly string[],
  compare: CompareSource | undefined,
): Promise<Map<string, ClientSystemTick>> {
  const out = new Map<string, ClientSystemTick>();
  for (const e of events) {
    if (e.kind === 'client-system-check') {
      out.set(e.documentId, {
        matches: e.matches,
        source: 'manual',
        ...(e.note === undefined ? {} : { note: e.note }),
        ...(e.by === undefined ? {} : { by: e.by }),
      });
    }
  }
  if (compare !== undefined) {
    for (const id of ids) {
      const record = await compare.getCompareRecord(id);
      const judged = record === undefined ? undefined : compareVerdict(record);
      if (judged !== undefined) {
        out.set(id, { ...judged, source: 'archivist' });
      }
    }
  }
  return out;
}
