import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJournalCommand } from '../../server/cli/journal.js';
import { startKantaSim, type KantaSimInstance } from '../../server/index.js';
import { RULES } from '../../server/rules/catalogue.js';
import { parseDom } from '../../server/xml/dom.js';
import { clientPlanMessage, post } from '../control/support/messages.js';
import { captureIo } from '../control/support/cli-io.js';

describe('kanta-sim journal export --junit', () => {
  let sim: KantaSimInstance;
  let dir: string;
  beforeAll(async () => {
    sim = await startKantaSim();
    dir = await mkdtemp(path.join(os.tmpdir(), 'kanta-sim-journal-'));
  });
  afterAll(async () => {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one testcase per exchange, failures for AE/AR, errors for transport faults', async () => {
    await post(sim, clientPlanMessage(sim, '010181-900C').xml);
    await post(sim, '<broken');
    await sim.control.faults.add({ kind: 'ae', times: 1 });
    await post(sim, clientPlanMessage(sim, '010181-900C').xml);
    await sim.control.faults.add({ kind: 'http-503', times: 1 });
    await post(sim, clientPlanMessage(sim, '010181-900C').xml);
    const file = path.join(dir, 'kanta-sim.junit.xml');
    const io = captureIo();
    expect(await runJournalCommand(['export', '--junit', file, '--web-url', sim.webUrl], {}, io)).toBe(0);
    const xml = await readFile(file, 'utf8');
    const dom = parseDom(xml);
    expect(dom.ok).toBe(true);
    expect(xml).toContain('tests="4" failures="2" errors="1"');
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml).toContain(`type="AR" message="${RULES.WIRE_XML_MALFORMED.code}"`);
    expect(xml).toContain('<error type="HTTP_503"');

    const listed = captureIo();
    expect(await runJournalCommand(['list', '--web-url', sim.webUrl, '--result', 'AA'], {}, listed)).toBe(0);
    expect(listed.stdout).toHaveLength(1);
    expect(JSON.parse(listed.stdout[0] as string)).toMatchObject({ result: 'AA' });
  });

  it('exit 1 when no kanta-sim answers, exit 2 without --junit', async () => {
    const io = captureIo();
    expect(
      await runJournalCommand(
        ['export', '--junit', path.join(dir, 'x.xml'), '--web-url', 'http://127.0.0.1:9'],
        {},
        io,
      ),
    ).toBe(1);
    expect(io.text()).toContain('SERVICE_UNAVAILABLE');
    expect(await runJournalCommand(['export'], {}, captureIo())).toBe(2);
  });
});

describe('kanta-sim journal against a web listener off loopback', () => {
  const token = 'journal-control-token-0123456789';
  let sim: KantaSimInstance;
  let webUrl: string;
  beforeAll(async () => {
    sim = await startKantaSim({ webHost: '0.0.0.0', controlToken: token });
    webUrl = `http://127.0.0.1:${new URL(sim.webUrl).port}`;
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('passes the control token from --control-token or KANTA_SIM_CONTROL_TOKEN', async () => {
    const without = captureIo();
    expect(await runJournalCommand(['list', '--web-url', webUrl], {}, without)).toBe(1);
    expect(without.text()).toContain('CONTROL_TOKEN_REQUIRED');
    const wrong = captureIo();
    expect(
      await runJournalCommand(
        ['list', '--web-url', webUrl, '--control-token', 'not-the-token-0123456789'],
        {},
        wrong,
      ),
    ).toBe(1);
    expect(wrong.text()).toContain('CONTROL_TOKEN_INVALID');
    expect(
      await runJournalCommand(['list', '--web-url', webUrl, '--control-token', token], {}, captureIo()),
    ).toBe(0);
    expect(
      await runJournalCommand(['list', '--web-url', webUrl], { KANTA_SIM_CONTROL_TOKEN: token }, captureIo()),
    ).toBe(0);
  });
});
