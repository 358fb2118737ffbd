/**
 * Storage of the archivist interface's people: archivists, their sessions and the purposes of use stated in
 * each session. The archivist domain talks to
 * this interface, never to SQL (sqlite-archivist-store.ts implements it).
 */

export interface ArchivistRecord {
  readonly id: string;
  /** The organisation the archivist belongs to (whose usage log it reads). */
  readonly organisationOid: string;
  readonly username: string;
  readonly name: string;
  /** `scrypt$N$r$p$salt$hash`, see server/archivist/passwords.ts. */
  readonly passwordHash: string;
  /** The register keepers the archivist acts for; it sees these registers and no others. */
  readonly registerOids: readonly string[];
  /** The one-click demo archivist for trainers. */
  readonly demo: boolean;
  readonly createdAt: string;
}

export interface SessionRecord {
  /** sha256 of the cookie token: a leaked database does not give away live sessions. */
  readonly tokenHash: string;
  readonly archivistId: string;
  /** The per-session token every form carries back (CSRF protection). */
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** A purpose of use (käyttötarkoitus) stated in one session for one client. */
export interface PurposeRecord {
  readonly tokenHash: string;
  readonly hetu: string;
  /** One of the reasons of server/archivist/purposes.ts. */
  readonly reasonCode: string;
  readonly reasonText?: string;
  readonly grantedAt: string;
}

export interface ArchivistStore {
  /** Adds an archivist; resolves false when the username is taken. */
  insertArchivist(record: ArchivistRecord): Promise<boolean>;
  getArchivist(id: string): Promise<ArchivistRecord | undefined>;
  findArchivistByUsername(username: string): Promise<ArchivistRecord | undefined>;
  listArchivists(organisationOid?: string): Promise<ArchivistRecord[]>;
  insertSession(session: SessionRecord): Promise<void>;
  /** The session if it exists and has not expired at `now`. */
  getSession(tokenHash: string, now: string): Promise<SessionRecord | undefined>;
  /** Records the purpose stated for a client in a session, replacing the one stated before for that client. */
  grantPurpose(record: PurposeRecord): Promise<void>;
  /** The purpose stated for this client in this session, if any. */
  getPurpose(tokenHash: string, hetu: string): Promise<PurposeRecord | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Drops sessions expired at `now`. */
  pruneSessions(now: string): Promise<void>;
}
