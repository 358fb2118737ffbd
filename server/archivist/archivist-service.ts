/**
 * The archivist interface's domain: sign-in, search, document view, compare and invalidation. Every read
 * goes through one register check (an archivist sees only the registers it acts for, and a document
 * elsewhere is "not found", so its existence does not leak) and one purpose check (a client's data shows
 * only after a purpose of use is stated for that client); every search and view is logged by the usage-log
 * service. It sees plain values, never HTTP.
 */
import type { CodeLists } from '../codes/code-lists.js';
import { KantaSimError } from '../errors.js';
import { checkHetu } from '../hl7/hetu.js';
import type { ArchiveStore } from '../store/archive-store.js';
import type { ArchivistStore } from '../store/archivist-store.js';
import type { CompareRecord, CompareRecordStore } from '../store/compare-record-store.js';
import { readArchivedDocument, type ArchivedDocument } from './archived-document.js';
import {
  authenticate,
  DEMO_USERNAME,
  toArchivist,
  type Archivist,
  type OrganisationNames,
} from './archivists.js';
import { parseCompareForm } from './compare.js';
import { documentFilter, searchDetail, type SearchQuery } from './search-query.js';
import { registerContextOf } from './register-context.js';
import { groupResults } from './group-results.js';
import type { DocumentOpening, DocumentView, SearchResult } from './document-view.js';
import type { ArchivistInvalidate } from './invalidation.js';
import { metadataValues } from './metadata-fields.js';
import type { Purpose } from './purposes.js';
import { findSession, startSession, type Session } from './sessions.js';
import type { UsageEvent, UsageLogService } from './usage-log-service.js';
import { compareDetail } from './usage-detail.js';
import { diffVersions } from './version-diff.js';

export interface ArchivistServiceDeps {
  readonly archive: ArchiveStore;
  readonly archivists: ArchivistStore;
  readonly compare: CompareRecordStore;
  /** The usage log and the purposes of use stated per client. */
  readonly usageLog: UsageLogService;
  readonly codes: CodeLists;
  readonly organisations: OrganisationNames;
  readonly clock: () => Date;
  /** Invalidation by the lifecycle domain (server/archive); see invalidation.ts. */
  readonly invalidate: ArchivistInvalidate;
}

/** How many documents one search returns at most (grouped on one page). */
export const SEARCH_LIMIT = 500;

export class ArchivistService {
  constructor(private readonly deps: ArchivistServiceDeps) {}

  private now(): Date {
    return this.deps.clock();
  }

  /** Signs in by password; undefined when the username or password is wrong. */
  async signIn(username: string, password: string): Promise<{ token: string; session: Session } | undefined> {
    const archivist = await authenticate(this.deps.archivists, username, password);
    return archivist ? this.open(archivist) : undefined;
  }

  /** The trainers' one-click sign-in as the demo organiser's archivist. */
  async signInDemo(): Promise<{ token: string; session: Session }> {
    const record = await this.deps.archivists.findArchivistByUsername(DEMO_USERNAME);
    if (!record) {
      throw new KantaSimError('NOT_FOUND', 'the demo archivist does not exist');
    }
    return this.open(toArchivist(record));
  }

  private async open(archivist: Archivist): Promise<{ token: string; session: Session }> {
    const started = await startSession(this.deps.archivists, archivist, this.now());
    await this.log(started.session, { action: 'sign-in' });
    return started;
  }

  session(token: string | undefined): Promise<Session | undefined> {
    return findSession(this.deps.archivists, token, this.now());
  }

  signOut(session: Session): Promise<void> {
    return this.deps.archivists.deleteSession(session.tokenHash);
  }

  /**
   * Searches the archivist's registers under the purpose stated with the search; logged with the client and
   * the filters. A search for a client states the purpose for that client (and for no other).
   */
  async search(session: Session, query: SearchQuery, purpose: Purpose): Promise<SearchResult> {
    const registers = this.registersFor(session, query.registerOid);
    if (query.hetu !== undefined && !checkHetu(query.hetu).ok) {
      throw new KantaSimError('BAD_REQUEST', `"${query.hetu}" is not a valid personal identity code`);
    }
    const filter = documentFilter(query, registers, SEARCH_LIMIT + 1);
    const rows = await this.deps.archive.listDocuments(filter);
    const truncated = rows.length > SEARCH_LIMIT;
    const docs = rows.slice(0, SEARCH_LIMIT).map(readArchivedDocument);
    const detail = searchDetail(query);
    if (query.hetu !== undefined) {
      await this.deps.usageLog.grant(session, query.hetu, purpose);
    }
    await this.log(session, { action: 'search', hetu: query.hetu, detail: detail || undefined }, purpose);
    return {
      groups: groupResults(docs, this.deps.codes, this.deps.organisations),
      count: docs.length,
      truncated,
    };
  }

  /**
   * One document with its metadata, versions, compare record and access log, logged as a view under the
   * purpose stated for its client; without one, nothing is shown or logged and the purpose is asked.
   */
  async viewDocument(session: Session, documentId: string): Promise<DocumentOpening> {
    const document = await this.visible(session, documentId);
    const purpose = await this.deps.usageLog.purposeFor(session, document.stored.hetu);
    if (!purpose) {
      return { kind: 'purpose-required' };
    }
    await this.log(session, {
      action: 'view',
      hetu: document.stored.hetu,
      documentId,
      registerOid: document.stored.registerOid,
    });
    const names = (oid: string): string | undefined => this.deps.organisations.get(oid)?.name;
    const set = (
      await this.deps.archive.listDocuments({
        setId: document.stored.setId,
        registerOids: session.archivist.registerOids,
      })
    )
      .sort((a, b) => a.versionNumber - b.versionNumber)
      .map(readArchivedDocument);
    const versions = set.map((d, i) => ({
      document: d,
      changes: i === 0 ? [] : diffVersions(set[i - 1] as ArchivedDocument, d, this.deps.codes),
    }));
    const view: DocumentView = {
      document,
      metadata: metadataValues(document, this.deps.codes, names),
      versions,
      compare: await this.deps.compare.getCompareRecord(documentId),
      accessLog: await this.deps.usageLog.entries(session, { documentId }, 20),
      purpose,
      register: await registerContextOf(
        document,
        this.deps.archive,
        this.deps.organisations,
        this.deps.codes,
      ),
    };
    return { kind: 'view', view };
  }

  /** Refuses (not found) a document outside the archivist's registers; tells nothing about one inside. */
  async checkVisible(session: Session, documentId: string): Promise<void> {
    await this.visible(session, documentId);
  }

  /** States the purpose of use for the client of a document the archivist may see. */
  async statePurposeForDocument(session: Session, documentId: string, purpose: Purpose): Promise<void> {
    const document = await this.visible(session, documentId);
    await this.deps.usageLog.grant(session, document.stored.hetu, purpose);
  }

  /** The document for a page that shows it without a full view (the invalidation confirmation). */
  async peekDocument(session: Session, documentId: string): Promise<ArchivedDocument> {
    return this.purposeful(session, documentId);
  }

  /** Saves the compare form of a document. */
  async saveCompare(
    session: Session,
    documentId: string,
    form: Record<string, unknown>,
  ): Promise<CompareRecord> {
    const document = await this.purposeful(session, documentId);
    const { fields, note } = parseCompareForm(form);
    const record: CompareRecord = {
      documentId,
      registerOid: document.stored.registerOid,
      fields,
      note,
      archivistId: session.archivist.id,
      archivistName: session.archivist.name,
      updatedAt: this.now().toISOString(),
    };
    await this.deps.compare.saveCompareRecord(record);
    await this.log(session, {
      action: 'compare',
      hetu: document.stored.hetu,
      documentId,
      registerOid: document.stored.registerOid,
      detail: compareDetail(
        Object.values(fields).filter((f) => f.matches).length,
        Object.keys(fields).length,
      ),
    });
    return record;
  }

  /** Invalidates the document's set with a reason (required); audited by the lifecycle domain and logged here. */
  async invalidate(session: Session, documentId: string, reason: string): Promise<void> {
    const trimmed = reason.replace(/\s+/g, ' ').trim();
    if (trimmed.length < 3) {
      throw new KantaSimError('BAD_REQUEST', 'an invalidation needs a reason');
    }
    const document = await this.purposeful(session, documentId);
    await this.deps.invalidate({
      documentId,
      registerOids: session.archivist.registerOids,
      by: { kind: 'archivist', id: session.archivist.id, name: session.archivist.name },
      reason: trimmed.slice(0, 1000),
      at: this.now(),
    });
    await this.log(session, {
      action: 'invalidate',
      hetu: document.stored.hetu,
      documentId,
      registerOid: document.stored.registerOid,
      detail: trimmed.slice(0, 1000),
    });
  }

  /** Register keepers' names for the register filter. */
  registerName(oid: string): string | undefined {
    return this.deps.organisations.get(oid)?.name;
  }

  private registersFor(session: Session, registerOid: string | undefined): readonly string[] {
    const own = session.archivist.registerOids;
    if (registerOid === undefined) {
      return own;
    }
    if (!own.includes(registerOid)) {
      throw new KantaSimError('FORBIDDEN', 'the archivist does not act for this register');
    }
    return [registerOid];
  }

  private async visible(session: Session, documentId: string): Promise<ArchivedDocument> {
    const stored = await this.deps.archive.getDocument(documentId);
    if (!stored || !session.archivist.registerOids.includes(stored.registerOid)) {
      throw new KantaSimError('NOT_FOUND', 'no such document in your registers');
    }
    return readArchivedDocument(stored);
  }

  /**
   * A visible document whose client has a stated purpose of use. The pages ask for the purpose before
   * they offer these actions, so a request without one is refused, not asked.
   */
  private async purposeful(session: Session, documentId: string): Promise<ArchivedDocument> {
    const document = await this.visible(session, documentId);
    if (!(await this.deps.usageLog.purposeFor(session, document.stored.hetu))) {
      throw new KantaSimError('FORBIDDEN', 'state the purpose of use for this client first');
    }
    return document;
  }

  /** Logs a deployment-test action: its pages show the test client's documents. */
  logDeploymentTest(session: Session, hetu: string, detail: string): Promise<void> {
    return this.log(session, { action: 'deployment-test', hetu, detail });
  }

  private log(session: Session, event: UsageEvent, stated?: Purpose): Promise<void> {
    return this.deps.usageLog.record(session, event, stated);
  }
}
