/**
 * The data directory, checked before anything reports ready (issue 13): every directory kanta-sim writes
 * exists or is created, and each proves it can be written, so that a read-only mount or a full disk stops
 * the start with one line naming the path, instead of a "ready" simulator that fails every request.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KantaSimError } from '../errors.js';

/**
 * The directories under the data directory that kanta-sim writes into at start or later. pki/ is not
 * among them: it is written once, whole, by renaming a finished temporary directory (pki/test-pki.ts), and
 * only read afterwards; its existence means "complete".
 */
export const DATA_SUBDIRS = ['orgs', 'pros', 'demo'] as const;

const FS_CAUSES: Record<string, string> = {
  EROFS: 'is read-only (read-only file system)',
  EACCES: 'is read-only (permission denied)',
  EPERM: 'is read-only (operation not permitted)',
  ENOSPC: 'cannot be written (disk full)',
  EDQUOT: 'cannot be written (disk quota exceeded)',
  ENOTDIR: 'is not a directory',
  EEXIST: 'is not a directory',
};

/** Creates the data directory and its subdirectories if missing, and proves each can be written. */
export async function prepareDataDir(dataDir: string): Promise<void> {
  for (const dir of [dataDir, ...DATA_SUBDIRS.map((d) => path.join(dataDir, d))]) {
    try {
      await mkdir(dir, { recursive: true });
      const probe = path.join(dir, `.write-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
      await writeFile(probe, '');
      await rm(probe, { force: true });
    } catch (e) {
      throw dataDirError(dataDir, dir, e);
    }
  }
}

/** A file-system error on the data directory as one line naming the path and the cause. */
export function dataDirError(dataDir: string, dir: string, e: unknown): KantaSimError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code ?? '';
  const cause = FS_CAUSES[code] ?? `cannot be used (${code || (e as Error).message})`;
  const where = dir === dataDir ? `data directory ${dir}` : `${dir} (in data directory ${dataDir})`;
  return new KantaSimError('DATA_DIR_INVALID', `${where} ${cause}`, {
    cause: e,
    details: { path: dir, code },
  });
}
