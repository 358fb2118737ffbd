/**
 * SqliteArchiveStore.reset(): a whole-archive reset drops and re-creates the archive tables from their own
 * schema text (fast: no row-by-row foreign-key work). It must leave exactly the schema it found, keep the
 * foreign key enforced, and never touch the other features' tables.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewDocument } from '../../server/store/archive-store.js';
import { openDatabase } from '../../server/store/open-database.js';
import { SqliteArchiveStore } from '../../server/store/sqlite-archive-store.js';
import type { SqliteDatabase } from '../../server/store/sqlite-database.js';
import { newDocument } from './new-document.js';

function doc(id: string, registerOid = '1.2.246.10.1.10.0'): NewDocument {
  return {
    ...newDocument(id, id, 1),
    registerOid,
    senderOid: registerOid,
    palvelutehtava: '12',
    documentType: '200',
    effectiveTime: '20260101120000+0200',
  };
}

function schemaOf(db: SqliteDatabase): Promise<{ type: string; name: string; sql: string | null }[]> {
  return db.all('SELECT type, name, sql FROM sqlite_master ORDER BY type, name');
}

describe('SqliteArchiveStore.reset', () => {
  let dir: string;
  let db: SqliteDatabase;
  let store: SqliteArchiveStore;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kanta-sim-reset-'));
    db = await openDatabase(path.join(dir, 'archive.sqlite'));
    store = new SqliteArchiveStore(db);
  });
  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('empties the archive and leaves the schema exactly as it was', async () => {
    const before = await schemaOf(db);
    for (let i = 0; i < 50; i++) {
      await store.insertDocument(doc(`1.${i}`));
    }
    await store.invalidateSet({
      setId: '1.0',
      registerOid: '1.2.246.10.1.10.0',
      documentId: '1.0',
      at: '2026-02-01T00:00:00.000Z',
      via: 'archivist',
      by: { kind: 'archivist', id: 'a1', name: 'Arja' },
    });
    await store.reset();
    expect(await store.countDocuments({})).toBe(0);
    expect(await db.get('SELECT COUNT(*) AS n FROM document_bytes')).toEqual({ n: 0 });
    expect(await db.get('SELECT COUNT(*) AS n FROM invalidations')).toEqual({ n: 0 });
    expect(await schemaOf(db)).toEqual(before);
  });

  it('keeps the foreign key and the unique version index working after a reset', async () => {
    await store.insertDocument(doc('2.1'));
    await store.reset();
    await expect(db.run("INSERT INTO document_bytes (id, cda) VALUES ('nope', x'00')")).rejects.toMatchObject(
      { code: 'STORE_FAILED' },
    );
    expect(await store.insertDocument(doc('2.1'))).toEqual({ kind: 'inserted' });
    expect(await store.insertDocument({ ...doc('2.2'), setId: '2.1' })).toEqual({ kind: 'version-conflict' });
    expect((await store.getDocumentBytes('2.1'))?.toString()).toBe('<cda id="2.1"/>');
  });

  it('leaves the other features’ tables alone and still resets one register by rows', async () => {
    await db.run(
      "INSERT INTO compare_records (document_id, register_oid, fields_json, archivist_id, archivist_name, updated_at) VALUES ('x', 'r', '{}', 'a', 'A', 't')",
    );
    await store.insertDocument(doc('3.1', '1.2.246.10.1.10.0'));
    await store.insertDocument(doc('3.2', '1.2.246.10.2.10.0'));
    await store.reset('1.2.246.10.1.10.0');
    expect((await store.listDocuments({})).map((d) => d.id)).toEqual(['3.2']);
    await store.reset();
    expect(await store.countDocuments({})).toBe(0);
    expect(await db.get('SELECT COUNT(*) AS n FROM compare_records')).toEqual({ n: 1 });
  });
});
