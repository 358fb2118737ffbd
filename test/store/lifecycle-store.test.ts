import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewDocument } from '../../server/store/archive-store.js';
import { openDatabase } from '../../server/store/open-database.js';
import { SqliteArchiveStore } from '../../server/store/sqlite-archive-store.js';
import { newDocument } from './new-document.js';
import type { SqliteDatabase } from '../../server/store/sqlite-database.js';

const doc = (id: string, setId: string, versionNumber: number): NewDocument =>
  newDocument(id, setId, versionNumber);

describe('SqliteArchiveStore lifecycle', () => {
  let db: SqliteDatabase;
  let store: SqliteArchiveStore;
  beforeEach(async () => {
    db = await openDatabase(':memory:');
    store = new SqliteArchiveStore(db);
  });
  afterEach(async () => {
    await db.close();
  });

  it('derives current and replaced, and the unique index refuses a second version with the same number', async () => {
    expect(await store.insertDocument(doc('1.1', '1.1', 1))).toEqual({ kind: 'inserted' });
    expect(await store.insertDocument(doc('1.2', '1.1', 2))).toEqual({ kind: 'inserted' });
    expect(await store.insertDocument(doc('1.3', '1.1', 2))).toEqual({ kind: 'version-conflict' });
    const states = (await store.listDocuments({ setId: '1.1' })).map((d) => [d.id, d.state]);
    expect(states).toEqual([
      ['1.1', 'replaced'],
      ['1.2', 'current'],
    ]);
    expect(await store.getDocumentBytes('1.3')).toBeUndefined();
  });

  it('runs the set check inside the insert and stores nothing when it refuses', async () => {
    await store.insertDocument(doc('2.1', '2.1', 1));
    const seen: number[] = [];
    const refused = await store.insertDocument(doc('2.2', '2.1', 2), {
      checkSet: (versions) => {
        seen.push(...versions.map((v) => v.versionNumber));
        return 'no';
      },
    });
    expect(refused).toEqual({ kind: 'refused', refusal: 'no' });
    expect(seen).toEqual([1]);
    expect(await store.countDocuments({ setId: '2.1' })).toBe(1);
  });

  it('invalidates a whole set with its record, and reset removes the record too', async () => {
    await store.insertDocument(doc('3.1', '3.1', 1));
    await store.insertDocument(doc('3.2', '3.1', 2));
    const record = {
      setId: '3.1',
      registerOid: '1.2.246.10.1.10.0',
      documentId: '3.2',
      at: '2026-02-01T00:00:00.000Z',
      via: 'archivist' as const,
      by: { kind: 'archivist', id: 'a1', name: 'Arja' },
      reason: 'wrong client',
    };
    expect(await store.invalidateSet({ ...record, setId: '9.9' })).toEqual({ kind: 'unknown' });
    expect(await store.invalidateSet(record)).toEqual({ kind: 'invalidated', record });
    const versions = await store.listDocuments({ setId: '3.1' });
    expect(versions.map((v) => v.state)).toEqual(['invalidated', 'invalidated']);
    expect(versions[0]?.invalidation).toEqual({ ...record, nullifyingDocumentId: undefined });
    expect(await store.countDocuments({ state: 'current' })).toBe(0);
    await store.reset('1.2.246.10.1.10.0');
    await store.insertDocument(doc('3.1', '3.1', 1));
    expect((await store.getDocument('3.1'))?.invalidation).toBeUndefined();
  });
});
