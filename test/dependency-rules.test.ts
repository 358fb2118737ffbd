/**
 * The floors in .dependency-cruiser.cjs hold today and bite when broken. `npm run lint` runs the same check
 * on the tree; this test proves that the check is not vacuous: a copy of the tree with one upward import, one
 * sideways import between folders of a floor, one circle, SQL or a DOM outside their floors, or one stray
 * folder must each fail, naming the rule.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const DEPCRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const run = promisify(execFile);
const copies: string[] = [];

interface Verdict {
  readonly failed: boolean;
  readonly rules: readonly string[];
  readonly output: string;
}

/** Runs the project's dependency check in `dir`, as `npm run lint` does. */
async function check(dir: string): Promise<Verdict> {
  const args = [DEPCRUISE, 'server', 'archivist-ui', '--config', '.dependency-cruiser.cjs'];
  try {
    const { stdout } = await run(process.execPath, [...args, '--output-type', 'err'], { cwd: dir });
    return { failed: false, rules: [], output: stdout };
  } catch (error) {
    const output = String((error as { stdout?: string }).stdout ?? error);
    const rules = [...output.matchAll(/error (\S+):/g)].map((m) => m[1] ?? '');
    return { failed: true, rules, output };
  }
}

/** A throwaway copy of the checked tree, with `plant` written into it. */
function treeWith(plant: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kanta-sim-layers-'));
  copies.push(dir);
  for (const entry of ['server', 'archivist-ui', 'tsconfig.json', '.dependency-cruiser.cjs']) {
    cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const [file, content] of Object.entries(plant)) {
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

/** Some source file of an app/ surface, found afresh so that the test follows files as they move. */
function someAppFile(): string {
  const files = readdirSync(path.join(ROOT, 'server', 'app'), { recursive: true, encoding: 'utf8' });
  const found = files.find((f) => f.endsWith('.ts'));
  if (!found) {
    throw new Error('server/app has no .ts file');
  }
  return `server/app/${found.replace(/\\/g, '/').replace(/\.ts$/, '.js')}`;
}

afterAll(() => {
  for (const dir of copies) {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('the dependency rules', () => {
  it('hold on the tree as it is', async () => {
    const verdict = await check(ROOT);
    expect(verdict.output).not.toMatch(/error/);
    expect(verdict.failed).toBe(false);
  });

  it('refuse an import that runs up a floor (rules/ importing app/)', async () => {
    const target = path.relative('server/rules', someAppFile());
    const dir = treeWith({ 'server/rules/planted.ts': `export * from './${target}';\n` });
    const verdict = await check(dir);
    expect(verdict.failed).toBe(true);
    expect(verdict.rules).toContain('floor-0:server/rules');
  });

  it('refuse an import sideways between two folders of one floor (xml/ importing codes/)', async () => {
    const dir = treeWith({ 'server/xml/planted.ts': "export * from '../codes/code-systems.js';\n" });
    const verdict = await check(dir);
    expect(verdict.failed).toBe(true);
    expect(verdict.rules).toContain('floor-1:server/xml');
  });

  it('refuse files that import each other in a circle', async () => {
    const dir = treeWith({
      'server/xml/planted-a.ts': "import { b } from './planted-b.js';\nexport const a = (): number => b();\n",
      'server/xml/planted-b.ts': "import { a } from './planted-a.js';\nexport const b = (): number => a();\n",
    });
    const verdict = await check(dir);
    expect(verdict.failed).toBe(true);
    expect(verdict.rules).toContain('no-circular');
  });

  it('refuse SQL outside store/ (archive/ importing better-sqlite3)', async () => {
    const dir = treeWith({ 'server/archive/planted.ts': "export { default } from 'better-sqlite3';\n" });
    const verdict = await check(dir);
    expect(verdict.failed).toBe(true);
    expect(verdict.rules).toContain('sqlite-only-in-store');
  });

  it('refuse a DOM outside the readers (archive/ importing @xmldom/xmldom)', async () => {
    const dir = treeWith({ 'server/archive/planted.ts': "export type { Element } from '@xmldom/xmldom';\n" });
    const verdict = await check(dir);
    expect(verdict.failed).toBe(true);
    expect(verdict.rules).toContain('xml-dom-only-in-readers');
  });

  it('refuse a folder that no floor names', async () => {
    const dir = treeWith({});
    cpSync(path.join(dir, 'server', 'hl7'), path.join(dir, 'server', 'unplaced'), { recursive: true });
    const verdict = await check(dir);
    expect(verdict.failed).toBe(true);
    expect(verdict.rules).toContain('every-file-on-a-floor');
  });
});
