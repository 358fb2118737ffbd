import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSignCommand } from '../../server/cli/sign.js';
import { startKantaSim, type KantaSimInstance } from '../../server/index.js';
import { RULES } from '../../server/rules/catalogue.js';
import { clientPlanMessage } from '../control/support/messages.js';
import { captureIo } from '../control/support/cli-io.js';

describe('kanta-sim sign', () => {
  let sim: KantaSimInstance;
  let dir: string;
  beforeAll(async () => {
    sim = await startKantaSim();
    dir = await mkdtemp(path.join(os.tmpdir(), 'kanta-sim-sign-'));
  });
  afterAll(async () => {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('adds a system signature the archive accepts, and refuses an unknown organisation', async () => {
    const { cdaXml } = clientPlanMessage(sim, '010181-900C');
    // Strip the system signature the builder added, then add it back with the CLI.
    const unsigned = cdaXml.replace(/<hl7fi:signature ID="sig-system-1">[\s\S]*?<\/hl7fi:signature>/, '');
    expect(unsigned).not.toContain('sig-system-1');
    const input = path.join(dir, 'in.xml');
    const output = path.join(dir, 'out.xml');
    await writeFile(input, unsigned);
    const io = captureIo();
    const code = await runSignCommand(
      ['--org', sim.demo.organiser.oid, '--in', input, '--out', output, '--data-dir', sim.dataDir],
      {},
      io,
    );
    expect(code).toBe(0);
    const signed = await readFile(output, 'utf8');
    expect(signed).toContain('sig-system-1');
    const res = await fetch(`${sim.webUrl}/shark-validointi/validoi/asiakirja/tulos`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ palveluPyynto: 'SP17', level: '1', asiakirjaXml: signed }),
    });
    expect(await res.text()).toBe('');

    // Twin: signed by another registered organisation, the system signature names the wrong OID.
    const foreign = path.join(dir, 'foreign.xml');
    expect(
      await runSignCommand(
        ['--org', sim.demo.provider.oid, '--in', input, '--out', foreign, '--data-dir', sim.dataDir],
        {},
        captureIo(),
      ),
    ).toBe(0);
    const foreignCheck = await fetch(`${sim.webUrl}/shark-validointi/validoi/asiakirja/tulos`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        palveluPyynto: 'SP17',
        level: '1',
        asiakirjaXml: await readFile(foreign, 'utf8'),
      }),
    });
    expect(((await foreignCheck.json()) as { description: string }).description).toContain(
      RULES.SIG_SYSTEM_OID_MISMATCH.code,
    );

    await expect(
      runSignCommand(
        ['--org', '1.2.246.10.99999999.10.0', '--in', input, '--out', output, '--data-dir', sim.dataDir],
        {},
        captureIo(),
      ),
    ).rejects.toMatchObject({ code: 'ORG_UNKNOWN' });
    expect(await runSignCommand(['--in', input], {}, captureIo())).toBe(2);
  });
});
