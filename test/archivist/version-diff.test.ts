import { describe, expect, it } from 'vitest';
import { diffVersions, type ContentChange } from '../../server/archivist/version-diff.js';
import { loadCodeLists } from '../../server/codes/code-lists.js';
import { archivedFromSpec, planSpec } from './support-documents.js';

const codes = loadCodeLists();

const v1Spec = planSpec(
  '1.2.246.10.12345678.95.2026.2',
  new Date('2026-12-01T08:00:00Z'),
  'Kahden viikon välein.',
);
const v2Spec = {
  ...planSpec('1.2.246.10.12345678.95.2026.3', new Date('2026-12-03T18:30:00Z'), 'Viikoittain.'),
  setId: v1Spec.id,
  versionNumber: 2,
};

describe('the version diff', () => {
  const changes = diffVersions(archivedFromSpec(v1Spec), archivedFromSpec(v2Spec), codes);

  it('gives metadata changes as the values themselves, for the page to format', () => {
    const time = changes.find((c) => c.field === 'effectiveTime');
    expect(time).toMatchObject({
      kind: 'metadata',
      before: { key: 'effectiveTime', text: '20261201100000+0200' },
      after: { key: 'effectiveTime', text: '20261203203000+0200' },
    });
    expect(changes.map((c) => c.field)).not.toContain('documentId');
  });

  it('gives content changes by their labels and typed values, not by dotted JSON paths', () => {
    const content = changes.filter((c): c is ContentChange => c.kind === 'content');
    const meetings = content.find((c) =>
      c.labels.some((l) => typeof l !== 'number' && l.names?.fi?.startsWith('Suunnitelma asiakkaan')),
    );
    expect(meetings?.before).toEqual({ kind: 'text', text: 'Kahden viikon välein.' });
    expect(meetings?.after).toEqual({ kind: 'text', text: 'Viikoittain.' });
    const date = content.find((c) => c.field === 'content:paivamaara');
    expect(date?.labels.map((l) => (typeof l === 'number' ? l : l.names?.sv))).toEqual(['Datum']);
    expect(date?.after).toEqual({ kind: 'date', date: '2026-12-03' });
  });

  it('finds nothing between a version and itself', () => {
    expect(diffVersions(archivedFromSpec(v1Spec), archivedFromSpec(v1Spec), codes)).toEqual([]);
  });
});
