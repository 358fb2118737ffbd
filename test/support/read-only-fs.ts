/**
 * Test support: real read-only storage for a test running as root, which ignores permission bits (chmod
 * 0444 changes nothing for root). Two ways work on Linux when the process holds the capabilities a root
 * container usually has:
 * - `chattr +i` on a file (ext4 and most disk file systems; not tmpfs): even root cannot open it for
 *   writing, which SQLite meets as a read-only database;
 * - a read-only bind mount inside a private mount namespace (`unshare -m`), which vanishes with the
 *   process, so a failed test leaves no mount behind.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function works(fn: () => void): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

/** Makes `file` immutable (`chattr +i`) or mutable again. */
export function setImmutable(file: string, on: boolean): void {
  execFileSync('chattr', [on ? '+i' : '-i', file], { stdio: 'ignore' });
}

/** Whether chattr +i works on files under the temp directory. */
export const IMMUTABLE_FILES: boolean = ((): boolean => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kanta-sim-chattr-'));
  const file = path.join(dir, 'probe');
  writeFileSync(file, '');
  const ok = works(() => setImmutable(file, true));
  works(() => setImmutable(file, false));
  rmSync(dir, { recursive: true, force: true });
  return ok;
})();

/** The command prefix that runs `argv` with `dir` bind-mounted read-only onto itself, in its own namespace. */
export function readOnlyMountArgs(dir: string, argv: readonly string[]): string[] {
  return [
    'unshare',
    '-m',
    '--propagation',
    'private',
    'sh',
    '-c',
    'mount --bind -o ro "$0" "$0" && exec "$@"',
    dir,
    ...argv,
  ];
}

/** Whether a read-only bind mount in a private mount namespace works here. */
export const READ_ONLY_MOUNT: boolean = ((): boolean => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kanta-sim-romount-'));
  const [cmd, ...args] = readOnlyMountArgs(dir, [
    'sh',
    '-c',
    'touch "$1"/x 2>/dev/null && exit 1 || exit 0',
    'sh',
    dir,
  ]);
  const ok = works(() => execFileSync(cmd as string, args, { stdio: 'ignore', timeout: 10_000 }));
  rmSync(dir, { recursive: true, force: true });
  return ok;
})();
