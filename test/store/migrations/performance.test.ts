/**
 * The performance migrations on a database that already holds documents: the message copy and the
 * duplicate set index go, the documents stay readable, and lookups by set keep an index.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../server/store/migrations.js';
import { SqliteArchiveStore } from '../../../server/store/sqlite-archive-store.js';
import { SqliteDatabase } from '../../../server/store/sqlite-database.js';
import { migrationsBefore } from '../migrations-before.js';
import { newDocument } from '../new-document.js';

let db: SqliteDatabase;
afterEach(async () => {
  await db.close();
});

async function columns(table: string): Promise<string[]> {
  return (await db.all<{ name: string }>(`PRAGMA table_info(${table})`)).map((c) => c.name);
}

async function indexes(): Promise<string[]> {
  const rows = await db.all<{ name: string }>(
    "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'documents' ORDER BY name",
  );
  return rows.map((r) => r.name);
}

describe('performance-002 and -003 on an archive that holds documents', () => {
  it('drops the message copy and the duplicate set index; documents stay whole', async () => {
    db = await SqliteDatabase.open(':memory:');
    await migrate(db, migrationsBefore('performance-002-drop-duplicate-set-index'));
    const doc = newDocument('1.2.246.1.1', '1.2.246.1.1', 1);
    await db.run(
      `INSERT INTO documents (id, set_id, version_number, register_oid, sender_oid, hetu, service_request, message_id, sha256, archived_at, metadata_json)
       VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        doc.id,
        doc.setId,
        doc.registerOid,
        doc.senderOid,
        doc.hetu,
        doc.serviceRequest,
        doc.messageId,
        doc.sha256,
        doc.archivedAt,
        '{}',
      ],
    );
    await db.run('INSERT INTO document_bytes (id, cda, message) VALUES (?, ?, ?)', [
      doc.id,
      doc.cdaBytes,
      Buffer.from('<message/>'),
    ]);
    expect(await indexes()).toContain('documents_set');

    await migrate(db);

    expect(await columns('document_bytes')).toEqual(['id', 'cda']);
    expect(await indexes()).not.toContain('documents_set');
    expect(await indexes()).toContain('documents_set_version_unique');
    const store = new SqliteArchiveStore(db);
    expect((await store.getDocumentBytes(doc.id))?.toString()).toBe(doc.cdaBytes.toString());
    expect(await store.insertDocument({ ...newDocument('1.2.246.1.2', doc.setId, 2) })).toEqual({
      kind: 'inserted',
    });
    const plan = await db.all<{ detail: string }>(
      'EXPLAIN QUERY PLAN SELECT id FROM documents WHERE set_id = ? ORDER BY version_number',
      [doc.setId],
    );
    expect(plan.map((p) => p.detail).join(' ')).toContain('documents_set_version_unique');
  });
});
