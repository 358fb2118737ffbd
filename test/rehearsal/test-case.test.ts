import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, SERVICE_TASKS } from '../../server/cda/templates-codes.js';
import { parseTestCase, TestCaseLibrary } from '../../server/rehearsal/test-case.js';

describe('test cases as data', () => {
  const cases = new TestCaseLibrary().list();

  it('ships the four cases a real organisation runs', () => {
    expect(cases.map((c) => c.name)).toEqual([
      'lapsiperheiden-palvelut',
      'lastensuojelu',
      'palveluntuottaja',
      'vanhat-tiedot',
    ]);
  });

  it.each(cases)('$name expects the codes the document templates write', (tc) => {
    for (const d of tc.documents) {
      const kind = DOCUMENT_KINDS[d.template];
      const task = Object.entries(SERVICE_TASKS).find(
        ([, t]) => t.code === (d.serviceTask ?? tc.serviceTask),
      )?.[0];
      const perTask = kind.byServiceTask[task as keyof typeof SERVICE_TASKS];
      expect(d.documentGroup, d.key).toBe(kind.documentGroup);
      expect(d.documentType, d.key).toBe(perTask?.specificDocumentType?.code);
      expect(d.processPhase, d.key).toBe(kind.prosessivaihe?.code);
    }
  });

  it('refuses a broken case naming the field', () => {
    expect(() =>
      parseTestCase({
        name: 'x',
        title: { fi: 'x', en: 'x' },
        serviceTask: '24',
        role: 'organiser',
        documents: [{ key: 'a', template: 'letter', documentGroup: '5' }],
      }),
    ).toThrow(/documents\[0\]\.template/);
    expect(() =>
      parseTestCase({
        name: 'x',
        title: { fi: 'x', en: 'x' },
        serviceTask: '24',
        role: 'organiser',
        documents: [
          { key: 'a', template: 'clientPlan', documentGroup: '5' },
          { key: 'a', template: 'clientNote', documentGroup: '5' },
        ],
      }),
    ).toThrow(/used twice/);
    expect(() => new TestCaseLibrary().get('nope')).toThrow(/known: lapsiperheiden-palvelut/);
  });
});
