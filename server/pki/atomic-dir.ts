/**
 * Writes a whole directory of files so that readers see all of it or none of it: the files go into a hidden
 * temporary sibling, which is then renamed into place. rename(2) of a directory onto an existing non-empty one
 * fails, so two processes adding the same organisation cannot both succeed. A running server that lists the
 * parent skips hidden entries and therefore never sees a half-written organisation.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KantaSimError } from '../errors.js';

export interface DirFile {
  readonly name: string;
  readonly content: string | Buffer;
  /** Private keys are written 0600: test keys, but still nothing for other local users to pick up. */
  readonly secret?: boolean;
}

export type AtomicDirResult =
  { readonly created: true; readonly dir: string } | { readonly created: false; readonly dir: string };

/** Whether a directory entry name is one of our temporary directories (or any hidden entry). */
export function isHiddenEntry(name: string): boolean {
  return name.startsWith('.');
}

/**
 * Creates `parent/name` with exactly `files`. Returns `created: false` (and writes nothing) when the directory
 * already exists, including when another process won the race. File system failures (permissions, a file
 * where a directory should be, a full disk) become DATA_DIR_INVALID naming the directory.
 */
export async function writeDirAtomically(
  parent: string,
  name: string,
  files: readonly DirFile[],
): Promise<AtomicDirResult> {
  try {
    return await writeDir(parent, name, files);
  } catch (e) {
    throw new KantaSimError(
      'DATA_DIR_INVALID',
      `cannot write ${join(parent, name)}: ${(e as Error).message}`,
      {
        cause: e,
      },
    );
  }
}

async function writeDir(parent: string, name: string, files: readonly DirFile[]): Promise<AtomicDirResult> {
  const dir = join(parent, name);
  await mkdir(parent, { recursive: true });
  if (await pathExists(dir)) {
    return { created: false, dir };
  }
  const tmp = join(parent, `.tmp-${name}-${randomBytes(6).toString('hex')}`);
  await mkdir(tmp);
  try {
    for (const f of files) {
      await writeFile(join(tmp, f.name), f.content, { mode: f.secret === true ? 0o600 : 0o644 });
    }
    try {
      await rename(tmp, dir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST') {
        return { created: false, dir };
      }
      throw e;
    }
    return { created: true, dir };
  } finally {
    // After a successful rename tmp no longer exists; otherwise it is our half-written copy.
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Whether anything exists at `path`. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
