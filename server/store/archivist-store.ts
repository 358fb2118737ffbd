/**
 * Storage of the archivist interface's people: archivists and their sessions. The archivist domain talks to
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
  /** The reason for access the archivist last stated (written into usage-log entries). */
  readonly reason?: string;
  readonly createdAt: string;
  readonly expiresAt: string;
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
  setSessionReason(tokenHash: string, reason: string): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Drops sessions expired at `now`. */
  pruneSessions(now: string): Promise<void>;
}
