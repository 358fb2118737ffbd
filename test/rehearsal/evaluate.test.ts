import { describe, expect, it } from 'vitest';
import { compareVerdict } from '../../server/rehearsal/compare-source.js';
import { evaluate } from '../../server/rehearsal/evaluate.js';
import type { ArrivedDocument, ResolvedExpectation } from '../../server/rehearsal/evaluation.js';

const REG = '1.2.246.10.1.10.0';
const expectation = (
  key: string,
  type: string,
  phase: string,
  extra: Partial<ResolvedExpectation> = {},
): ResolvedExpectation => ({
  key,
  template: 'clientPlan',
  documentGroup: '5',
  documentType: type,
  serviceTask: '24',
  processPhase: phase,
  case: 'A',
  version: 1,
  invalidated: false,
  register: 'own',
  serviceRequest: 'SP17',
  daysBeforeTest: 0,
  registerOid: REG,
  ...extra,
});
const arrived = (
  id: string,
  type: string,
  phase: string,
  extra: Partial<ArrivedDocument> = {},
): ArrivedDocument => ({
  id,
  setId: id,
  versionNumber: 1,
  registerOid: REG,
  senderOid: REG,
  palvelutehtava: '24',
  documentType: type,
  documentGroup: '5',
  prosessivaihe: phase,
  caseId: '1.2.246.10.1.96.1',
  status: 'active',
  archivedAt: `2026-03-10T10:00:0${id.slice(-1)}Z`,
  ...extra,
});
const base = { setup: [], ticks: new Map(), requireClientSystemCheck: false };

describe('evaluate', () => {
  it('passes when every expected document arrived as expected', () => {
    const e = evaluate({
      ...base,
      expected: [expectation('plan', '15007', '3'), expectation('note', '12007', '5')],
      arrived: [arrived('1.1', '15007', '3'), arrived('1.2', '12007', '5')],
    });
    expect(e.result).toBe('passed');
    expect(e.checklist.map((i) => i.document?.id)).toEqual(['1.1', '1.2']);
  });

  it('lists an unexpected document and a process phase and case that differ', () => {
    const e = evaluate({
      ...base,
      expected: [expectation('plan', '15007', '3'), expectation('note', '12007', '5')],
      arrived: [
        arrived('1.1', '15007', '3'),
        arrived('1.2', '12007', '4', { caseId: '1.2.246.10.1.96.2' }),
        arrived('1.3', '14007', '4'),
      ],
    });
    expect(e.result).toBe('failed');
    expect(e.findings.map((f) => [f.kind, f.key ?? f.documentId, f.field])).toEqual([
      ['metadata-mismatch', 'note', 'processPhase'],
      ['metadata-mismatch', 'note', 'case'],
      ['unexpected', '1.3', undefined],
    ]);
  });

  it('is pending until the client-system check is ticked, when that is required', () => {
    const input = {
      ...base,
      requireClientSystemCheck: true,
      expected: [expectation('plan', '15007', '3')],
      arrived: [arrived('1.1', '15007', '3')],
    };
    expect(evaluate(input).result).toBe('pending');
    expect(
      evaluate({ ...input, ticks: new Map([['1.1', { matches: true, source: 'archivist' as const }]]) })
        .result,
    ).toBe('passed');
    const differs = evaluate({
      ...input,
      ticks: new Map([['1.1', { matches: false, source: 'manual' as const, note: 'date' }]]),
    });
    expect(differs.findings.map((f) => f.kind)).toEqual(['client-system-mismatch']);
  });

  it('compares CI-supplied client-system metadata with the archive', () => {
    const e = evaluate({
      ...base,
      expected: [expectation('plan', '15007', '3')],
      arrived: [arrived('1.1', '15007', '3')],
      clientMetadata: { documents: [{ key: 'plan', documentId: '1.1', serviceTask: '26' }] },
    });
    expect(e.checklist[0]?.checks.matchesClientSystem).toBe(false);
    expect(e.findings).toHaveLength(1);
    expect(e.findings[0]?.message).toContain('serviceTask 26');
  });

  it('expects an invalidated document to be invalidated and a new version to keep the setId', () => {
    const e = evaluate({
      ...base,
      expected: [
        expectation('plan', '15007', '3'),
        expectation('plan2', '15007', '3', { version: 2, replaces: 'plan', invalidated: true }),
      ],
      arrived: [
        arrived('1.1', '15007', '3'),
        arrived('1.2', '15007', '3', { versionNumber: 2, setId: '9.9' }),
      ],
    });
    expect(e.findings.map((f) => f.field)).toEqual(['invalidated', 'setId']);
  });

  it('reads the archivist compare record field by field', () => {
    expect(compareVerdict({ fields: {} })).toBeUndefined();
    expect(compareVerdict({ fields: { a: { matches: true } }, archivistName: 'Arja' })).toEqual({
      matches: true,
      by: 'Arja',
    });
    expect(
      compareVerdict({ fields: { a: { matches: true }, b: { matches: false, note: 'eri pvm' } } })?.matches,
    ).toBe(false);
  });
});
