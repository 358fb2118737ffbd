import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodeLists } from '../../server/codes/code-lists.js';
import { CODE_SYSTEMS } from '../../server/codes/code-systems.js';
import { loadOperationTable, OPERATION_NAMES } from '../../server/codes/operations.js';
import { isKantaSimError } from '../../server/errors.js';

const table = loadOperationTable();

describe('the shipped operation table', () => {
  it.each([
    { sp: 'SP1', operation: 'archive-client-relationship-document', groups: ['1'] },
    { sp: 'SP17', operation: 'archive-client-document', groups: ['5'] },
  ])('resolves the confirmed $sp', ({ sp, operation, groups }) => {
    expect(table.resolve('RCMR_IN200002FI01', sp)).toMatchObject({
      operation,
      confirmed: true,
      kind: 'archive',
      carriesDocument: true,
      documentGroups: groups,
    });
  });

  it('names every operation once, and labels the conventions unconfirmed', () => {
    expect(
      table
        .all()
        .map((o) => o.operation)
        .sort(),
    ).toEqual([...OPERATION_NAMES].sort());
    expect(
      table
        .all()
        .filter((o) => o.confirmed)
        .map((o) => o.serviceRequest),
    ).toEqual(['SP1', 'SP17']);
    expect(
      table
        .all()
        .filter((o) => !o.confirmed)
        .every((o) => (o.note ?? '').includes('kanta-sim')),
    ).toBe(true);
  });

  it('uses only service requests of the service-request code list', () => {
    const codes = loadCodeLists();
    for (const op of table.all()) {
      expect(codes.lookup(CODE_SYSTEMS.SERVICE_REQUEST, op.serviceRequest), op.serviceRequest).toBeDefined();
    }
  });

  it('does not resolve unknown pairs', () => {
    expect(table.resolve('RCMR_IN200002FI01', 'SP99')).toBeUndefined();
    expect(table.resolve('QUQI_IN000001UV01', 'SP1')).toBeUndefined();
    expect(table.interactions().has('RCMR_IN200002FI01')).toBe(true);
  });
});

describe('loadOperationTable errors', () => {
  it.each([
    { name: 'broken JSON', content: '[' },
    { name: 'no operations array', content: '{}' },
    {
      name: 'an unknown operation name',
      content: JSON.stringify({ operations: [{ operation: 'archive-everything' }] }),
    },
    {
      name: 'a pair mapped twice',
      content: JSON.stringify({
        operations: ['archive-client-document', 'archive-case-document'].map((operation) => ({
          operation,
          interactionId: 'RCMR_IN200002FI01',
          serviceRequest: 'SP17',
          kind: 'archive',
          carriesDocument: true,
          confirmed: false,
        })),
      }),
    },
  ])('refuses $name with CONFIG_INVALID naming the file', async ({ content }) => {
    const dir = await mkdtemp(join(tmpdir(), 'kanta-sim-ops-'));
    const file = join(dir, 'my-operations.json');
    await writeFile(file, content);
    try {
      loadOperationTable(file);
      expect.unreachable();
    } catch (e) {
      expect(isKantaSimError(e) && e.code).toBe('CONFIG_INVALID');
      expect((e as Error).message).toContain('my-operations.json');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
