/**
 * The presenter view's board: for each trainer, the last page the trainer's main window was shown (the
 * very HTML, so that the projector mirrors exactly what the trainer sees, without opening the client's data
 * a second time or stating a purpose of use again), a sequence number that the presenter window follows
 * live, and which presenter windows have the hetus revealed.
 *
 * Kept in memory: a class lasts a morning, a restart shows the next page the trainer opens, and a page of
 * client data is never written to disk for the projector's sake.
 */

/** The page a trainer's main window was last shown. */
export interface PresentedPage {
  /** Grows by one with each page; the presenter window reloads when it sees a new one. */
  readonly seq: number;
  /** The path the trainer opened, for the presenter bar (never shown with a hetu in it). */
  readonly path: string;
  readonly html: string;
}

/**
 * Every hetu in a page's HTML, in text, attributes and links (also after a percent-encoded `=` or `+`),
 * masked. A hetu is six digits, the century sign, three digits and the check character; digits around it
 * mean it is part of a longer number (an OID arc), which is left alone.
 */
const HETU_IN_HTML = /(?<![0-9])([0-9]{6}(?:[-+A-FU-Y]|%2B))([0-9]{3}[0-9A-Y])(?![0-9A-Za-z])/g;

export function maskHetusInHtml(html: string): string {
  return html.replace(HETU_IN_HTML, (_m, head: string, tail: string) => `${head}${tail.charAt(0)}***`);
}

/** What the archivist interface's presenter view needs from the classroom. */
export interface PresenterParts {
  readonly board: PresenterBoard;
  /** Whether the archivist is a trainer: only a trainer's windows are mirrored and may present. */
  readonly isTrainer: (archivistId: string) => Promise<boolean>;
}

/** The most presenter windows one trainer's board keeps a reveal choice for (one per session). */
const MAX_REVEALS = 1000;

export class PresenterBoard {
  private readonly pages = new Map<string, PresentedPage>();
  private readonly listeners = new Map<string, Set<(page: PresentedPage) => void>>();
  private readonly revealed = new Set<string>();
  private readonly presenterSessions = new Set<string>();
  private seq = 0;

  /** Records the page a trainer's main window was shown, and tells the trainer's presenter windows. */
  show(trainerId: string, path: string, html: string): PresentedPage {
    this.seq += 1;
    const page: PresentedPage = { seq: this.seq, path, html };
    this.pages.set(trainerId, page);
    this.listeners.get(trainerId)?.forEach((l) => l(page));
    return page;
  }

  /** The page the trainer was last shown, if any since the start. */
  latest(trainerId: string): PresentedPage | undefined {
    return this.pages.get(trainerId);
  }

  /** Calls `listener` with each page the trainer is shown from now on; returns the unsubscribe. */
  follow(trainerId: string, listener: (page: PresentedPage) => void): () => void {
    const set = this.listeners.get(trainerId) ?? new Set();
    set.add(listener);
    this.listeners.set(trainerId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) {
        this.listeners.delete(trainerId);
      }
    };
  }

  /** Marks a session as a presenter window: what it opens is not the trainer's main window. */
  markPresenter(sessionKey: string): void {
    this.boundedAdd(this.presenterSessions, sessionKey);
  }

  isPresenter(sessionKey: string): boolean {
    return this.presenterSessions.has(sessionKey);
  }

  /** Whether this presenter window shows hetus in full (the trainer's choice, per window). */
  isRevealed(sessionKey: string): boolean {
    return this.revealed.has(sessionKey);
  }

  setRevealed(sessionKey: string, reveal: boolean): void {
    if (reveal) {
      this.boundedAdd(this.revealed, sessionKey);
    } else {
      this.revealed.delete(sessionKey);
    }
  }

  /** Forgets a trainer's page (a class reset: the projector must not keep showing the old data). */
  forget(trainerId: string): void {
    this.pages.delete(trainerId);
  }

  private boundedAdd(set: Set<string>, key: string): void {
    if (set.size >= MAX_REVEALS && !set.has(key)) {
      const oldest = set.values().next().value;
      if (oldest !== undefined) {
        set.delete(oldest);
      }
    }
    set.add(key);
  }
}
