/** Where a rehearsal stands: no verdict while documents are awaited; a finished one keeps its verdict. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../server/rehearsal/evaluate.js';
import type { ArrivedDocument, ResolvedExpectation } from '../../server/rehearsal/evaluation.js';
import { rehearsalProgress } from '../../server/rehearsal/rehearsal-state.js';
import type { Rehearsal } from '../../server/store/rehearsal-store.js';

const REG = '1.2.246.10.1.10.0';
const expectation = (key: string, type: string, phase: string): ResolvedExpectation => ({
  key,
  template: 'clientPlan',
  documentGroup: '5',
  documentType: type,
  serviceTask: '24',
  processPhase: phase,
  version: 1,
  invalidated: false,
  register: 'own',
  serviceRequest: 'SP17',
  daysBeforeTest: 0,
  registerOid: REG,
});
const arrived = (id: string, type: string, phase: string, extra: Partial<ArrivedDocument> = {}) => ({
  id,
  setId: id,
  versionNumber: 1,
  registerOid: REG,
  senderOid: REG,
  palvelutehtava: '24',
  documentType: type,
  documentGroup: '5',
  prosessivaihe: phase,
  status: 'active' as const,
  archivedAt: `2026-03-10T10:00:0${id.slice(-1)}Z`,
  ...extra,
});
const EXPECTED = [expectation('plan', '15007', '3'), expectation('note', '12007', '5')];
const PLAN = arrived('1.1', '15007', '3');
const NOTE = arrived('1.2', '12007', '5');
const running: Rehearsal = {
  id: 'r1',
  organisationOid: REG,
  caseName: 'lapsiperheiden-palvelut',
  hetu: '010181-900C',
  status: 'running',
  startedAt: '2026-03-10T09:00:00Z',
  requireClientSystemCheck: true,
};
const judged = (docs: ArrivedDocument[], ticked: string[] = [], r: Rehearsal = running) =>
  evaluate({
    expected: EXPECTED,
    setup: [],
    arrived: docs,
    ticks: new Map(ticked.map((id) => [id, { matches: true, source: 'archivist' as const }])),
    requireClientSystemCheck: r.requireClientSystemCheck,
  });

describe('rehearsalProgress', () => {
  it('is waiting, without a result, right after start (where the evaluation alone says failed)', () => {
    const evaluation = judged([]);
    expect(evaluation.result).toBe('failed');
    const p = rehearsalProgress(running, evaluation);
    expect(p).toEqual({ state: 'waiting', expected: 2, archived: 0, compared: 0 });
    expect(p.outcome).toBeUndefined();
  });

  it('is in progress while some documents are awaited, even when one already deviates', () => {
    expect(rehearsalProgress(running, judged([PLAN])).state).toBe('in-progress');
    const wrongPhase = rehearsalProgress(running, judged([arrived('1.1', '15007', '9')], ['1.1']));
    expect(wrongPhase.state).toBe('in-progress');
    expect(wrongPhase.outcome).toBeUndefined();
  });

  it('is in progress when everything arrived but nobody has compared it yet', () => {
    const p = rehearsalProgress(running, judged([PLAN, NOTE], ['1.1']));
    expect(p).toEqual({ state: 'in-progress', expected: 2, archived: 2, compared: 1 });
  });

  it('passes or fails once every expected document arrived and was compared', () => {
    expect(rehearsalProgress(running, judged([PLAN, NOTE], ['1.1', '1.2']))).toMatchObject({
      state: 'passed',
      outcome: 'passed',
    });
    const wrong = judged([PLAN, arrived('1.2', '12007', '4')], ['1.1', '1.2']);
    expect(rehearsalProgress(running, wrong)).toMatchObject({ state: 'failed', outcome: 'failed' });
    const noCheck = { ...running, requireClientSystemCheck: false };
    expect(rehearsalProgress(noCheck, judged([PLAN, NOTE], [], noCheck)).state).toBe('passed');
  });

  it('keeps the verdict of a finished rehearsal with who finished it, and gives a cancelled one none', () => {
    const finished: Rehearsal = {
      ...running,
      status: 'finished',
      finishedAt: '2026-03-10T11:00:00Z',
      finishedBy: 'Arja Arkistonhoitaja',
      finalResult: 'failed',
    };
    // The kept verdict wins over a later comparison that would pass it.
    expect(rehearsalProgress(finished, judged([PLAN, NOTE], ['1.1', '1.2']))).toMatchObject({
      state: 'finished',
      outcome: 'failed',
      closedAt: '2026-03-10T11:00:00Z',
      closedBy: 'Arja Arkistonhoitaja',
    });
    const cancelled: Rehearsal = { ...running, status: 'cancelled', finishedAt: '2026-03-10T11:00:00Z' };
    const p = rehearsalProgress(cancelled, judged([PLAN]));
    expect(p.state).toBe('cancelled');
    expect(p.outcome).toBeUndefined();
  });

  it('names a test case nobody rehearsed as not started', () => {
    expect(rehearsalProgress(undefined, undefined)).toEqual({
      state: 'not-started',
      expected: 0,
      archived: 0,
      compared: 0,
    });
  });
});
