/**
 * `kanta-sim fixtures`: writes the set and its manifest for a data directory's demo parties, and those
 * fixtures are answered as the manifest says by a sim running on the same data directory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFixturesCommand } from '../../server/cli/fixtures.js';
import type { CliIo } from '../../server/cli/cli-io.js';
import { isKantaSimError } from '../../server/errors.js';
import { DEMO_ORGANISER } from '../../server/pki/demo.js';
import { startKantaSim, type KantaSimInstance } from '../support/sim.js';
import { readManifest, replay } from '../fixtures/replay.js';

function capture(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

describe('kanta-sim fixtures', () => {
  let sim: KantaSimInstance;
  let tmp: string;
  let out: string;
  let io: ReturnType<typeof capture>;
  let code: number;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'kanta-sim-fixtures-'));
    sim = await startKantaSim({ dataDir: path.join(tmp, 'data') });
    out = path.join(tmp, 'out');
    io = capture();
    code = await runFixturesCommand(['--data-dir', sim.dataDir, '--out', out], {}, io);
  });
  afterAll(async () => {
    await sim.stop();
    await rm(tmp, { recursive: true, force: true });
  });

  it('writes every file of the manifest, signed by the demo organiser, and says so', () => {
    expect(code).toBe(0);
    const manifest = readManifest(out);
    expect(manifest.organisation.oid).toBe(DEMO_ORGANISER.oid);
    expect(manifest.files.length).toBeGreaterThan(20);
    for (const entry of manifest.files) {
      expect(existsSync(path.join(out, entry.file)), entry.file).toBe(true);
      if (entry.cda !== undefined) {
        expect(readFileSync(path.join(out, entry.cda), 'utf8')).toMatch(/^<ClinicalDocument /);
      }
    }
    expect(io.lines.join('\n')).toContain('invalid_sig_digest_mismatch.xml');
    expect(io.lines.join('\n')).toContain(path.join(out, 'manifest.json'));
  });

  it('gives the same files when run again (seeded ids, dates from the certificates)', async () => {
    const before = readFileSync(path.join(out, 'valid_lapsiperhe_client_plan.xml'), 'utf8');
    expect(await runFixturesCommand(['--data-dir', sim.dataDir, '--out', out], {}, capture())).toBe(0);
    expect(readFileSync(path.join(out, 'valid_lapsiperhe_client_plan.xml'), 'utf8')).toBe(before);
  });

  it('writes fixtures the sim on that data directory answers as the manifest says', async () => {
    for (const entry of readManifest(out).files) {
      const got = await replay(sim, out, entry.file, sim.demo.organiser);
      expect({ file: entry.file, typeCode: got.typeCode, rules: got.rules }).toEqual({
        file: entry.file,
        ...entry.expected,
      });
    }
  });

  it('refuses an unknown organiser with ORG_UNKNOWN naming the registered ones', async () => {
    const failure = await runFixturesCommand(
      ['--data-dir', sim.dataDir, '--out', out, '--org', '1.2.246.10.1.10.0'],
      {},
      capture(),
    ).catch((e: unknown) => e);
    expect(isKantaSimError(failure) && failure.code).toBe('ORG_UNKNOWN');
    expect((failure as Error).message).toContain(DEMO_ORGANISER.oid);
  });

  it('answers a usage error with exit code 2', async () => {
    const io2 = capture();
    expect(await runFixturesCommand(['--colour', 'red'], {}, io2)).toBe(2);
    expect(io2.errors.join('\n')).toContain('usage: kanta-sim fixtures');
    const io3 = capture();
    expect(
      await runFixturesCommand(['--date', 'yesterday', '--out', out], {}, io3).catch((e: Error) => e.message),
    ).toContain('--date');
  });
});
