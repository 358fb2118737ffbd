/**
 * Group commit for SqliteArchiveStore.insertDocument: the documents that arrive while a write transaction
 * is running are decided and stored together in the next one.
 *
 * Why: a write transaction costs the same few statements (BEGIN, one lookup of the ids, one of the sets,
 * one multi-row insert per table, COMMIT) and one append to the log whatever its size. With the
 * asynchronous sqlite3 binding each statement waited for the busy event loop and groups of three or four
 * formed at every transaction; with the synchronous binding (sqlite-database.ts) a transaction runs in one
 * turn of the loop and most groups are of one, but while the write lock is held for a WAL checkpoint
 * (wal-checkpointer.ts) the documents that arrive meanwhile are stored together as soon as it is free.
 *
 * What stays exactly as before:
 * - Each document is decided against the database as the group's transaction sees it, and a group never
 *   holds two documents of the same id or the same set, so no decision in a group depends on another
 *   member's (the later one waits for the next group).
 * - An answer is given only after COMMIT, so an acknowledged document is durable.
 * - If the group's transaction fails, nothing of it is stored and each member is retried alone, so one
 *   bad member (a racing version hitting the unique index) cannot fail the others, and a failing database
 *   still fails each of them with its own error.
 */
import type { InsertOptions, InsertResult, NewDocument, StoredDocument } from './archive-store.js';
import type { SqlValue, SqliteDatabase } from './sqlite-database.js';
import {
  INSERT_COLUMNS,
  SELECT_DOCUMENTS,
  placeholders,
  selectSetVersions,
  toStored,
  type DocumentRow,
} from './sqlite-document-rows.js';

/** The most documents in one group: 21 columns each stay far below SQLite's 32,766 bound parameters. */
const MAX_GROUP = 32;

interface Pending {
  readonly doc: NewDocument;
  readonly options: InsertOptions<unknown>;
  readonly resolve: (result: InsertResult<unknown>) => void;
  readonly reject: (error: unknown) => void;
}

/** A member's answer, given once the group's transaction has committed. */
interface Decision {
  readonly member: Pending;
  readonly result: InsertResult<unknown>;
}

export class GroupInsert {
  private queue: Pending[] = [];
  private scheduled = false;

  /**
   * @param recordInvalidation writes a nullified version's invalidation inside the open transaction
   * @param isVersionConflict tells the unique (set_id, version_number) violation from other failures
   */
  constructor(
    private readonly db: SqliteDatabase,
    private readonly recordInvalidation: (
      record: NonNullable<InsertOptions<unknown>['invalidate']>,
    ) => Promise<void>,
    private readonly isVersionConflict: (e: unknown) => boolean,
  ) {}

  submit<R>(doc: NewDocument, options: InsertOptions<R>): Promise<InsertResult<R>> {
    return new Promise<InsertResult<R>>((resolve, reject) => {
      this.queue.push({
        doc,
        options: options as InsertOptions<unknown>,
        resolve: resolve as (result: InsertResult<unknown>) => void,
        reject,
      });
      this.schedule();
    });
  }

  /** Queues one group transaction behind whatever the connection is doing, unless one is queued already. */
  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) {
      return;
    }
    this.scheduled = true;
    void this.db
      .exclusive(async () => {
        this.scheduled = false;
        const group = this.takeGroup();
        // Members that had to wait (same id or set as one in this group) get the next transaction.
        this.schedule();
        await this.run(group);
      })
      .catch(() => undefined);
  }

  /** The first members of the queue, at most one per document id and per set. */
  private takeGroup(): Pending[] {
    const group: Pending[] = [];
    const rest: Pending[] = [];
    const ids = new Set<string>();
    const sets = new Set<string>();
    for (const p of this.queue) {
      if (group.length < MAX_GROUP && !ids.has(p.doc.id) && !sets.has(p.doc.setId)) {
        group.push(p);
        ids.add(p.doc.id);
        sets.add(p.doc.setId);
      } else {
        rest.push(p);
      }
    }
    this.queue = rest;
    return group;
  }

  private async run(group: readonly Pending[]): Promise<void> {
    let decisions: Decision[];
    try {
      decisions = await this.db.inTransaction(() => this.decideAndWrite(group));
    } catch (e) {
      if (group.length > 1) {
        // Nothing of the group is stored; each member alone gets its own answer or its own error.
        for (const member of group) {
          await this.run([member]);
        }
        return;
      }
      const [member] = group;
      if (member && this.isVersionConflict(e)) {
        member.resolve({ kind: 'version-conflict' });
      } else {
        member?.reject(e);
      }
      return;
    }
    for (const d of decisions) {
      d.member.resolve(d.result);
    }
  }

  /** Runs inside the open transaction: decides every member, then writes the accepted ones. */
  private async decideAndWrite(group: readonly Pending[]): Promise<Decision[]> {
    const existing = await this.byId(group.map((p) => p.doc.id));
    const checked = group.filter((p) => p.options.checkSet && !existing.has(p.doc.id));
    const versions = await selectSetVersions(
      this.db,
      checked.map((p) => p.doc.setId),
    );
    const decisions: Decision[] = [];
    const accepted: Pending[] = [];
    for (const member of group) {
      const { doc, options } = member;
      const found = existing.get(doc.id);
      if (found) {
        const kind = found.sha256 === doc.sha256 ? 'duplicate' : 'conflict';
        decisions.push({ member, result: { kind, existing: found } });
        continue;
      }
      const refusal = options.checkSet?.(versions.get(doc.setId) ?? []);
      if (refusal !== undefined) {
        decisions.push({ member, result: { kind: 'refused', refusal } });
        continue;
      }
      accepted.push(member);
      decisions.push({ member, result: { kind: 'inserted' } });
    }
    await this.insertRows(accepted);
    for (const { options } of accepted) {
      if (options.invalidate) {
        await this.recordInvalidation(options.invalidate);
      }
    }
    return decisions;
  }

  private async byId(ids: readonly string[]): Promise<Map<string, StoredDocument>> {
    const rows = await this.db.all<DocumentRow>(
      `${SELECT_DOCUMENTS} WHERE d.id IN (${placeholders(ids.length)})`,
      ids,
    );
    return new Map(rows.map((r) => [r.id, toStored(r)]));
  }

  private async insertRows(members: readonly Pending[]): Promise<void> {
    if (members.length === 0) {
      return;
    }
    const row = `(${placeholders(INSERT_COLUMNS.length)})`;
    await this.db.run(
      `INSERT INTO documents (${INSERT_COLUMNS.join(', ')}) VALUES ${members.map(() => row).join(', ')}`,
      members.flatMap((m) => documentValues(m.doc, m.options.invalidate ? 'invalidated' : 'active')),
    );
    await this.db.run(
      `INSERT INTO document_bytes (id, cda) VALUES ${members.map(() => '(?, ?)').join(', ')}`,
      members.flatMap((m) => [m.doc.id, m.doc.cdaBytes]),
    );
  }
}

/** One document's values in INSERT_COLUMNS order. */
function documentValues(doc: NewDocument, status: 'active' | 'invalidated'): SqlValue[] {
  const values = {
    id: doc.id,
    set_id: doc.setId,
    version_number: doc.versionNumber,
    register_oid: doc.registerOid,
    sender_oid: doc.senderOid,
    hetu: doc.hetu,
    palvelutehtava: doc.palvelutehtava ?? null,
    document_type: doc.documentType ?? null,
    general_document_type: doc.generalDocumentType ?? null,
    document_group: doc.documentGroup ?? null,
    prosessivaihe: doc.prosessivaihe ?? null,
    case_id: doc.caseId ?? null,
    service_unit_oid: doc.serviceUnitOid ?? null,
    effective_time: doc.effectiveTime ?? null,
    service_request: doc.serviceRequest,
    replaces_id: doc.replacesId ?? null,
    status,
    message_id: doc.messageId,
    sha256: doc.sha256,
    archived_at: doc.archivedAt,
    metadata_json: doc.metadataJson,
  } satisfies Record<(typeof INSERT_COLUMNS)[number], SqlValue>;
  return INSERT_COLUMNS.map((c) => values[c]);
}
