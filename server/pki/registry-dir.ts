/**
 * A read-through cache over a registry directory (`orgs/` or `pros/`), one subdirectory per entry.
 *
 * Another process (`kanta-sim org add --data-dir ...`) may add entries while the server runs, so the cache is
 * dropped whenever the registry directory's mtime changes (adding, renaming or removing a subdirectory changes
 * it) and a miss always looks at the disk once more, which covers mtime granularity. Entries are written
 * atomically (see atomic-dir.ts), so a visible subdirectory is always complete. Editing files inside an
 * existing entry is not noticed until the next change of the registry directory.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KantaSimError, isKantaSimError } from '../errors.js';
import { isHiddenEntry } from './atomic-dir.js';

export class RegistryDir<T> {
  private readonly cache = new Map<string, T>();
  private mtimeMs = Number.NaN;
  private complete = false;
  private problems: KantaSimError[] = [];

  /**
   * @param root the registry directory (it may not exist yet)
   * @param isKey which names are entries; also keeps `get("../x")` from leaving the directory
   * @param read reads one entry directory, throwing KantaSimError if it is broken
   */
  constructor(
    private readonly root: string,
    private readonly isKey: (key: string) => boolean,
    private readonly read: (dir: string) => T,
  ) {}

  /** The entry, or undefined if there is none. Throws the KantaSimError of `read` if the entry is broken. */
  get(key: string): T | undefined {
    if (!this.isKey(key)) {
      return undefined;
    }
    this.revalidate();
    const hit = this.cache.get(key);
    if (hit !== undefined) {
      return hit;
    }
    const dir = join(this.root, key);
    if (!isDirectory(dir)) {
      return undefined;
    }
    const entry = this.read(dir);
    this.cache.set(key, entry);
    return entry;
  }

  /** All readable entries in key order. Broken entries are skipped and reported by `brokenEntries()`. */
  list(): T[] {
    this.revalidate();
    if (!this.complete) {
      this.problems = [];
      for (const name of listSubdirectories(this.root)) {
        if (isHiddenEntry(name) || !this.isKey(name) || this.cache.has(name)) {
          continue;
        }
        try {
          this.cache.set(name, this.read(join(this.root, name)));
        } catch (e) {
          if (!isKantaSimError(e)) {
            throw e;
          }
          this.problems.push(e);
        }
      }
      this.complete = true;
    }
    return [...this.cache.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => v);
  }

  /** Why entries were skipped by the last `list()`, for the server log. */
  brokenEntries(): readonly KantaSimError[] {
    return this.problems;
  }

  private revalidate(): void {
    let mtime: number;
    try {
      mtime = statSync(this.root).mtimeMs;
    } catch {
      mtime = -1;
    }
    if (mtime !== this.mtimeMs) {
      this.cache.clear();
      this.complete = false;
      this.mtimeMs = mtime;
    }
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function listSubdirectories(root: string): string[] {
  try {
    return readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch {
    return [];
  }
}

/** Parses a JSON file of a registry directory; DATA_DIR_INVALID if unreadable. */
export function parseJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (e) {
    throw new KantaSimError('DATA_DIR_INVALID', `${path} cannot be read as JSON`, { cause: e });
  }
}

/** Reads a PEM certificate of a registry directory; DATA_DIR_INVALID if unreadable. */
export function readCertificate(path: string): X509Certificate {
  try {
    return new X509Certificate(readFileSync(path));
  } catch (e) {
    throw new KantaSimError('DATA_DIR_INVALID', `${path} is not a readable certificate`, { cause: e });
  }
}
