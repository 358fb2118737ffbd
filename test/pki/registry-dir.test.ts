/**
 * RegistryDir's cache: an entry added by another process is seen at once, and one removed by hand is
 * noticed once the hit re-check bound has passed (a hit does not stat the directory every time).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HIT_RECHECK_MS, RegistryDir } from '../../server/pki/registry-dir.js';

let root: string;
let now: number;
let reads: number;
let dir: RegistryDir<string>;

function addEntry(name: string, value: string): void {
  mkdirSync(join(root, name));
  writeFileSync(join(root, name, 'value.txt'), value);
}

beforeEach(() => {
  root = mkdtempSync(join(os.tmpdir(), 'kanta-sim-registry-'));
  now = 0;
  reads = 0;
  dir = new RegistryDir(
    root,
    (key) => /^[a-z]+$/.test(key),
    (entry) => {
      reads++;
      return entry.slice(root.length + 1);
    },
    () => now,
  );
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('RegistryDir', () => {
  it('sees an entry added after a lookup at once, within the re-check bound too', () => {
    addEntry('alpha', 'a');
    expect(dir.get('alpha')).toBe('alpha');
    now += 1;
    expect(dir.get('beta')).toBeUndefined();
    addEntry('beta', 'b');
    now += 1;
    expect(dir.get('beta')).toBe('beta');
    expect(dir.list()).toEqual(['alpha', 'beta']);
  });

  it('serves a hit from the cache within the bound, and notices a removed entry after it', () => {
    addEntry('alpha', 'a');
    expect(dir.get('alpha')).toBe('alpha');
    rmSync(join(root, 'alpha'), { recursive: true });
    now += HIT_RECHECK_MS / 2;
    expect(dir.get('alpha')).toBe('alpha');
    expect(reads).toBe(1);
    now += HIT_RECHECK_MS;
    expect(dir.get('alpha')).toBeUndefined();
  });

  it('list() always looks at the directory', () => {
    addEntry('alpha', 'a');
    expect(dir.get('alpha')).toBe('alpha');
    rmSync(join(root, 'alpha'), { recursive: true });
    expect(dir.list()).toEqual([]);
  });
});
