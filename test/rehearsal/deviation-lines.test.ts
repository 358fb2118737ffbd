/** The rehearsal's deviations as data: the facts of each finding, with nothing worded in English. */
import { describe, expect, it } from 'vitest';
import { deviationLines } from '../../server/rehearsal/deviation-lines.js';
import { evaluate } from '../../server/rehearsal/evaluate.js';
import type { ArrivedDocument, ResolvedExpectation } from '../../server/rehearsal/evaluation.js';

const REG = '1.2.246.10.1.10.0';
const OTHER = '1.2.246.10.2.10.0';
const expectation = (key: string, extra: Partial<ResolvedExpectation> = {}): ResolvedExpectation => ({
  key,
  template: 'clientPlan',
  documentGroup: '5',
  documentType: '15007',
  serviceTask: '24',
  processPhase: '3',
  version: 1,
  invalidated: false,
  register: 'own',
  serviceRequest: 'SP17',
  daysBeforeTest: 0,
  registerOid: REG,
  ...extra,
});
const arrived = (id: string, extra: Partial<ArrivedDocument> = {}): ArrivedDocument => ({
  id,
  setId: id,
  versionNumber: 1,
  registerOid: REG,
  senderOid: REG,
  palvelutehtava: '24',
  documentType: '15007',
  documentGroup: '5',
  prosessivaihe: '3',
  status: 'active',
  archivedAt: `2026-03-10T10:00:0${id.slice(-1)}Z`,
  ...extra,
});

describe('deviationLines', () => {
  it('gives each finding as a kind with its parameters, absent values as absent', () => {
    const evaluation = evaluate({
      expected: [
        expectation('plan', { case: 'A' }),
        expectation('plan2', { version: 2, replaces: 'missing-one' }),
        expectation('note', { documentType: '12007', processPhase: '5', case: 'B' }),
        expectation('decision', { documentType: '14007' }),
      ],
      setup: [],
      arrived: [
        arrived('1.1', { caseId: '9.1' }),
        arrived('1.2', { versionNumber: 2, setId: '1.2', registerOid: OTHER }),
        arrived('1.3', { documentType: '12007', prosessivaihe: undefined, caseId: '9.1' }),
        arrived('1.4', { documentType: '99999' }),
      ],
      ticks: new Map(),
      requireClientSystemCheck: false,
    });
    const lines = deviationLines(evaluation, [], { finished: false, requireClientSystemCheck: false });
    // Two cases bound to the same case OID: each of the two documents is told to be in another case.
    expect(lines).toEqual([
      {
        kind: 'metadata-mismatch',
        expected: { key: 'plan', documentType: '15007', documentGroup: '5', version: 1 },
        documentId: '1.1',
        difference: { field: 'case', actual: '9.1', rule: 'other-case', otherCase: 'B' },
      },
      {
        kind: 'wrong-register',
        expected: { key: 'plan2', documentType: '15007', documentGroup: '5', version: 2 },
        documentId: '1.2',
        registerOid: OTHER,
        expectedRegisterOid: REG,
      },
      {
        kind: 'metadata-mismatch',
        expected: { key: 'plan2', documentType: '15007', documentGroup: '5', version: 2 },
        documentId: '1.2',
        difference: { field: 'setId', actual: '1.2', rule: 'same-set' },
      },
      {
        kind: 'metadata-mismatch',
        expected: { key: 'note', documentType: '12007', documentGroup: '5', version: 1 },
        documentId: '1.3',
        difference: { field: 'processPhase', expected: '5' },
      },
      {
        kind: 'metadata-mismatch',
        expected: { key: 'note', documentType: '12007', documentGroup: '5', version: 1 },
        documentId: '1.3',
        difference: { field: 'case', actual: '9.1', rule: 'other-case', otherCase: 'A' },
      },
      {
        kind: 'missing',
        expected: { key: 'decision', documentType: '14007', documentGroup: '5', version: 1 },
        registerOid: REG,
      },
      {
        kind: 'unexpected',
        documentId: '1.4',
        documentType: '99999',
        documentGroup: '5',
        version: 1,
        registerOid: REG,
      },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/\(none\)|replaced version|a case other/);
  });

  it('adds, once finished, the documents nobody compared, and the refusals', () => {
    const evaluation = evaluate({
      expected: [expectation('plan')],
      setup: [],
      arrived: [arrived('1.1')],
      ticks: new Map(),
      requireClientSystemCheck: true,
    });
    const refusal = {
      kind: 'refusal' as const,
      at: '2026-03-10T10:00:00Z',
      senderOid: REG,
      typeCode: 'AE',
      rules: ['SIGNATURE_DIGEST'],
    };
    const open = deviationLines(evaluation, [refusal], { finished: false, requireClientSystemCheck: true });
    expect(open.map((l) => l.kind)).toEqual(['refusal']);
    const closed = deviationLines(evaluation, [refusal], { finished: true, requireClientSystemCheck: true });
    expect(closed).toEqual([
      {
        kind: 'not-compared',
        expected: { key: 'plan', documentType: '15007', documentGroup: '5', version: 1 },
        documentId: '1.1',
      },
      { kind: 'refusal', senderOid: REG, typeCode: 'AE', rules: ['SIGNATURE_DIGEST'] },
    ]);
  });
});
