import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isKantaSimError } from '../../server/errors.js';
import type { NewDocument, StoredDocument } from '../../server/store/archive-store.js';
import { openDatabase } from '../../server/store/open-database.js';
import { SqliteArchiveStore } from '../../server/store/sqlite-archive-store.js';
import type { SqliteDatabase } from '../../server/store/sqlite-database.js';
import { newDocument } from './new-document.js';

/** A fresh in-memory store per test, its database counting the transactions it begins. */
let db: SqliteDatabase;
let store: SqliteArchiveStore;
let begins: number;
beforeEach(async () => {
  db = await openDatabase(':memory:');
  store = new SqliteArchiveStore(db);
  begins = 0;
  const exec = db.exec.bind(db);
  db.exec = (sql: string) => {
    if (sql.startsWith('BEGIN')) {
      begins++;
    }
    return exec(sql);
  };
});
afterEach(async () => {
  await db.close();
});

describe('group commit of concurrent inserts', () => {
  it('stores documents that arrive together in fewer transactions than documents, each answered inserted', async () => {
    const docs = Array.from({ length: 20 }, (_, i) => newDocument(`1.${i}`, `1.${i}`, 1));
    const results = await Promise.all(docs.map((d) => store.insertDocument(d)));
    expect(results.every((r) => r.kind === 'inserted')).toBe(true);
    expect(begins).toBeLessThan(docs.length);
    expect(begins).toBeGreaterThanOrEqual(1);
    expect(await store.countDocuments({})).toBe(20);
    for (const d of docs) {
      expect((await store.getDocumentBytes(d.id))?.toString()).toBe(d.cdaBytes.toString());
    }
  });

  it('tells a resubmission from an id conflict when both arrive in flight with the original', async () => {
    const [first, again, other] = await Promise.all([
      store.insertDocument(newDocument('2.1', '2.1', 1)),
      store.insertDocument(newDocument('2.1', '2.1', 1)),
      store.insertDocument(newDocument('2.1', '2.1', 1, 'different-content')),
    ]);
    expect(first).toEqual({ kind: 'inserted' });
    expect(again?.kind).toBe('duplicate');
    expect(other?.kind).toBe('conflict');
    expect(await store.countDocuments({ setId: '2.1' })).toBe(1);
  });

  it('decides two versions of one set in order: the second sees the first', async () => {
    await store.insertDocument(newDocument('3.1', '3.1', 1));
    const seen: string[][] = [];
    const check = (versions: readonly StoredDocument[]): string | undefined => {
      seen.push(versions.map((v) => v.id));
      return versions.some((v) => v.versionNumber === 2) ? 'version 2 exists' : undefined;
    };
    const [a, b] = await Promise.all([
      store.insertDocument(newDocument('3.2', '3.1', 2), { checkSet: check }),
      store.insertDocument(newDocument('3.3', '3.1', 2), { checkSet: check }),
    ]);
    expect(a).toEqual({ kind: 'inserted' });
    expect(b).toEqual({ kind: 'refused', refusal: 'version 2 exists' });
    expect(seen).toEqual([['3.1'], ['3.1', '3.2']]);
  });

  it('a member that fails the group does not fail the others, and is not stored', async () => {
    const broken = { ...newDocument('4.2', '4.2', 1), hetu: null } as unknown as NewDocument;
    const results = await Promise.allSettled([
      store.insertDocument(newDocument('4.1', '4.1', 1)),
      store.insertDocument(broken),
      store.insertDocument(newDocument('4.3', '4.3', 1)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const failure = results[1]?.status === 'rejected' ? (results[1].reason as unknown) : undefined;
    expect(isKantaSimError(failure) && failure.code).toBe('STORE_FAILED');
    expect((await store.listDocuments({})).map((d) => d.id).sort()).toEqual(['4.1', '4.3']);
    expect(await store.getDocumentBytes('4.2')).toBeUndefined();
  });

  it('a racing version that only the unique index catches is answered version-conflict, alone', async () => {
    await store.insertDocument(newDocument('5.1', '5.1', 1));
    const [a, b] = await Promise.all([
      store.insertDocument(newDocument('5.2', '5.1', 2)),
      store.insertDocument(newDocument('5.3', '5.1', 2)),
    ]);
    expect([a?.kind, b?.kind]).toEqual(['inserted', 'version-conflict']);
  });

  it('when the database fails, every member gets the failure and nothing is stored', async () => {
    await db.exec('DROP TABLE document_bytes');
    const results = await Promise.allSettled(
      ['6.1', '6.2', '6.3'].map((id) => store.insertDocument(newDocument(id, id, 1))),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(await store.countDocuments({})).toBe(0);
  });
});
