import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSendCommand, SEND_EXIT } from '../../server/cli/send.js';
import { startKantaSim, type KantaSimInstance } from '../../server/index.js';
import { RULES } from '../../server/rules/catalogue.js';
import { clientPlanMessage } from '../control/support/messages.js';
import { captureIo } from '../control/support/cli-io.js';

describe('kanta-sim send', () => {
  let sim: KantaSimInstance;
  let dir: string;
  beforeAll(async () => {
    sim = await startKantaSim();
    dir = await mkdtemp(path.join(os.tmpdir(), 'kanta-sim-send-'));
  });
  afterAll(async () => {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const sendFile = async (content: string, extra: string[] = []): Promise<{ code: number; text: string }> => {
    const file = path.join(dir, `in-${Math.random().toString(36).slice(2)}.xml`);
    await writeFile(file, content);
    const io = captureIo();
    const code = await runSendCommand(
      [
        '--url',
        sim.kantaUrl,
        '--org',
        sim.demo.organiser.oid,
        '--in',
        file,
        '--data-dir',
        sim.dataDir,
        ...extra,
      ],
      {},
      io,
    );
    return { code, text: io.text() };
  };

  it('frames and sends a CDA: exit 0 on AA, with the correlation id shown and journaled', async () => {
    const { cdaXml, id } = clientPlanMessage(sim, '010181-900C');
    const result = await sendFile(cdaXml, ['--correlation-id', 'cli-send-1']);
    expect(result.text).toContain('AA');
    expect(result.code).toBe(SEND_EXIT.AA);
    expect(result.text).toContain('cli-send-1');
    expect((await sim.control.journal({ correlationId: 'cli-send-1' }))[0]?.documentId).toBe(id);
  });

  it('signs with --sign and sends in SOAP 1.2', async () => {
    const { cdaXml } = clientPlanMessage(sim, '010181-900C');
    const unsigned = cdaXml.replace(/<hl7fi:signature ID="sig-system-1">[\s\S]*?<\/hl7fi:signature>/, '');
    const result = await sendFile(unsigned, ['--sign', '--soap', '1.2']);
    expect(result.code).toBe(SEND_EXIT.AA);
  });

  it('sends a ready frame as is; exit 1 on AE with the rule printed', async () => {
    await sim.control.faults.add({ kind: 'ae', rule: RULES.REGISTER_ACCESS_DENIED.code, times: 1 });
    const result = await sendFile(clientPlanMessage(sim, '010181-900C').xml);
    expect(result.code).toBe(SEND_EXIT.AE);
    expect(result.text).toContain(RULES.REGISTER_ACCESS_DENIED.code);
  });

  it('exit 2 on AR', async () => {
    const result = await sendFile('<not-xml');
    expect(result.code).toBe(SEND_EXIT.AR);
    expect(result.text).toContain(RULES.WIRE_XML_MALFORMED.code);
  });

  it('exit 3 on a transport error (dropped connection, 503)', async () => {
    await sim.control.faults.add({ kind: 'drop', times: 1 });
    expect((await sendFile(clientPlanMessage(sim, '010181-900C').xml)).code).toBe(SEND_EXIT.TRANSPORT);
    await sim.control.faults.add({ kind: 'http-503', times: 1 });
    const unavailable = await sendFile(clientPlanMessage(sim, '010181-900C').xml);
    expect(unavailable.code).toBe(SEND_EXIT.TRANSPORT);
    expect(unavailable.text).toContain('HTTP 503');
  });

  it('exit 4 on a usage error', async () => {
    const io = captureIo();
    expect(await runSendCommand(['--url', sim.kantaUrl], {}, io)).toBe(SEND_EXIT.USAGE);
  });
});
