/**
 * README's project layout names every folder of the shipped code with one line, so that a newcomer finds
 * a thing by its name: a folder added without a line, or a line left behind by a move, fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The paths that the layout block under "## Project layout" describes, in its order. */
function layoutPaths(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## Project layout$/m)[1]?.split(/^## /m)[0] ?? '';
  const block = /```text\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.split(/\s{2,}/)[0]?.trim() ?? '')
    .filter((p) => p.length > 0);
}

/** Every folder under `top`, as "top/sub/" paths. */
function foldersUnder(top: string): string[] {
  const found = [`${top}/`];
  for (const entry of readdirSync(path.join(ROOT, top), { recursive: true, encoding: 'utf8' })) {
    if (statSync(path.join(ROOT, top, entry)).isDirectory()) {
      found.push(`${top}/${entry.replace(/\\/g, '/')}/`);
    }
  }
  return found;
}

describe("README's project layout", () => {
  const listed = layoutPaths();

  it('names every folder of server/ and archivist-ui/', () => {
    const folders = [...foldersUnder('server'), ...foldersUnder('archivist-ui')].filter(
      (f) => f !== 'server/',
    );
    expect(folders.filter((f) => !listed.includes(f))).toEqual([]);
  });

  it('names nothing that is not there', () => {
    const missing = listed.filter((p) => {
      try {
        statSync(path.join(ROOT, p));
        return false;
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });

  it('gives each path one line', () => {
    expect(new Set(listed).size).toBe(listed.length);
  });
});
