import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runOnboardingCommand } from '../../server/cli/onboarding.js';
import { runRehearsalCommand } from '../../server/cli/rehearsal.js';
import { generateTestCaseMessages } from '../../server/rehearsal/generate-messages.js';
import { TestCaseLibrary } from '../../server/rehearsal/test-case.js';
import { defaultIdentityName } from '../../server/rehearsal/test-identities.js';
import { send, startKantaSim, type KantaSimInstance } from '../support/sim.js';

function capture(): { io: { out(l: string): void; err(l: string): void }; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l) => out.push(l), err: (l) => err.push(l) }, out, err };
}

describe('kanta-sim rehearsal and onboarding commands', () => {
  let sim: KantaSimInstance;
  let dir: string;
  beforeAll(async () => {
    sim = await startKantaSim();
    dir = await mkdtemp(path.join(os.tmpdir(), 'kanta-sim-rehearsal-'));
  });
  afterAll(async () => {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('verify fails with a readable list, then passes once every document arrived', async () => {
    const hetu = '010181-900C';
    const org = sim.demo.organiser.oid;
    const web = ['--web-url', sim.webUrl];
    const assigned = capture();
    expect(
      await runOnboardingCommand(
        ['assign', '--org', org, '--hetu', hetu, '--service', '24', ...web],
        {},
        assigned.io,
      ),
    ).toBe(0);
    const taken = capture();
    expect(
      await runOnboardingCommand(
        ['assign', '--org', sim.demo.provider.oid, '--hetu', hetu, '--service', '24', ...web],
        {},
        taken.io,
      ),
    ).toBe(1);
    expect(taken.err.join('\n')).toContain('TEST_IDENTITY_ASSIGNED');

    const messages = generateTestCaseMessages({
      testCase: new TestCaseLibrary().get('lapsiperheiden-palvelut'),
      organisation: sim.demo.organiser,
      identity: { hetu, ...defaultIdentityName(hetu) },
      professional: sim.demo.professional,
      at: sim.running.clock.now(),
      runId: 7,
    });
    for (const m of messages.slice(0, -1)) {
      expect((await send(sim, m.messageXml)).ack.typeCode).toBe('AA');
    }
    const failing = capture();
    expect(
      await runRehearsalCommand(
        ['verify', '--case', 'lapsiperheiden-palvelut', '--org', org, ...web],
        {},
        failing.io,
      ),
    ).toBe(1);
    expect(failing.out.join('\n')).toMatch(/1 finding\(s\):\n {2}1\. \[missing\] kertomus/);
    expect(failing.out.at(-1)).toBe('FAILED');

    await send(sim, messages.at(-1)?.messageXml ?? '');
    const metadata = path.join(dir, 'client.json');
    await writeFile(
      metadata,
      JSON.stringify({ documents: messages.map((m) => ({ key: m.key, documentId: m.documentId })) }),
    );
    const passing = capture();
    expect(
      await runRehearsalCommand(
        [
          'verify',
          '--case',
          'lapsiperheiden-palvelut',
          '--org',
          org,
          '--expected-metadata',
          metadata,
          ...web,
        ],
        {},
        passing.io,
      ),
    ).toBe(0);
    expect(passing.out.at(-1)).toBe('PASSED');

    const id = /Rehearsal (\S+):/.exec(passing.out[0] ?? '')?.[1] ?? '';
    const report = capture();
    expect(await runRehearsalCommand(['report', id, '--out', dir, ...web], {}, report.io)).toBe(0);
    expect(await readFile(path.join(dir, `${id}.html`), 'utf8')).toContain('SHA käyttöönottokoe');
  });

  it('finishes and cancels a rehearsal, saying which verdict was kept', async () => {
    const web = ['--web-url', sim.webUrl];
    const org = sim.demo.organiser.oid;
    const ids: string[] = [];
    for (const identity of ['010181-909N', '010181-910P']) {
      const started = capture();
      expect(
        await runRehearsalCommand(
          ['start', '--case', 'lapsiperheiden-palvelut', '--org', org, '--identity', identity, ...web],
          {},
          started.io,
        ),
      ).toBe(0);
      ids.push(/Started rehearsal (\S+):/.exec(started.out[0] ?? '')?.[1] ?? '');
    }
    const shown = capture();
    expect(await runRehearsalCommand(['show', ids[0] ?? '', ...web], {}, shown.io)).toBe(1);
    expect(shown.out[1]).toBe('  state: waiting, 0/6 archived, 0/0 compared');
    const finished = capture();
    expect(await runRehearsalCommand(['finish', ids[0] ?? '', '--by', 'Arja', ...web], {}, finished.io)).toBe(
      0,
    );
    expect(finished.out).toEqual([`Finished rehearsal ${ids[0]}: FAILED`]);
    const cancelled = capture();
    expect(await runRehearsalCommand(['cancel', ids[1] ?? '', ...web], {}, cancelled.io)).toBe(0);
    expect(cancelled.out).toEqual([`Cancelled rehearsal ${ids[1]}: no verdict.`]);
    const twice = capture();
    expect(await runRehearsalCommand(['cancel', ids[1] ?? '', ...web], {}, twice.io)).toBe(1);
    expect(twice.err.join('\n')).toContain('CONFLICT');
  });

  it('answers a usage error with exit code 2', async () => {
    const c = capture();
    expect(await runRehearsalCommand(['frobnicate'], {}, c.io)).toBe(2);
  });
});
