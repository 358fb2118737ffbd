/**
 * Lookup of registered professionals for the running server, by registration number. Reads
 * `<data-dir>/pros/` on demand (see registry-dir.ts), so a professional added by another process is seen
 * without a restart.
 */
import { join, resolve } from 'node:path';
import { PROS_DIR, readProfessional, type Professional } from './professionals.js';
import { RegistryDir } from './registry-dir.js';

const isRegno = (s: string): boolean => /^[0-9]{1,20}$/.test(s);

export class ProfessionalDirectory {
  private readonly dir: RegistryDir<Professional>;

  constructor(dataDir: string) {
    this.dir = new RegistryDir(join(resolve(dataDir), PROS_DIR), isRegno, readProfessional);
  }

  /** The professional registered under `regno`. Throws DATA_DIR_INVALID if their directory is broken. */
  get(regno: string): Professional | undefined {
    return this.dir.get(regno);
  }

  /** Every readable professional, by registration number. */
  list(): Professional[] {
    return this.dir.list();
  }

  /** Why professional directories were skipped by the last list(). */
  brokenEntries(): readonly Error[] {
    return this.dir.brokenEntries();
  }
}
