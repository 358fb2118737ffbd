/**
 * Server-side sessions of the archivist interface. The browser holds only a random token (HttpOnly,
 * SameSite=Strict cookie); the table keeps its sha256, the archivist and a per-session CSRF token that
 * every form must carry back, so a cross-site page can neither read nor replay it.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ArchivistStore, SessionRecord } from '../store/archivist-store.js';
import { toArchivist, type Archivist } from './archivists.js';

/** A working day: long enough for a deployment test, short enough that a forgotten session ends. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export interface Session {
  readonly tokenHash: string;
  readonly csrfToken: string;
  readonly archivist: Archivist;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Starts a session; the returned token goes into the cookie and nowhere else. */
export async function startSession(
  store: ArchivistStore,
  archivist: Archivist,
  now: Date,
): Promise<{ token: string; session: Session }> {
  const token = randomBytes(32).toString('base64url');
  const record: SessionRecord = {
    tokenHash: sha256(token),
    archivistId: archivist.id,
    csrfToken: randomBytes(32).toString('base64url'),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
  };
  await store.pruneSessions(now.toISOString());
  await store.insertSession(record);
  return { token, session: { tokenHash: record.tokenHash, csrfToken: record.csrfToken, archivist } };
}

/** The live session for a cookie token, or undefined (unknown, expired, or its archivist gone). */
export async function findSession(
  store: ArchivistStore,
  token: string | undefined,
  now: Date,
): Promise<Session | undefined> {
  if (!token || token.length > 200) {
    return undefined;
  }
  const record = await store.getSession(sha256(token), now.toISOString());
  const archivist = record ? await store.getArchivist(record.archivistId) : undefined;
  return record && archivist
    ? {
        tokenHash: record.tokenHash,
        csrfToken: record.csrfToken,
        archivist: toArchivist(archivist),
      }
    : undefined;
}

/** Constant-time check of a form's CSRF token against the session's. */
export function csrfMatches(session: Session, submitted: unknown): boolean {
  if (typeof submitted !== 'string') {
    return false;
  }
  const a = Buffer.from(session.csrfToken);
  const b = Buffer.from(submitted);
  return a.length === b.length && timingSafeEqual(a, b);
}
