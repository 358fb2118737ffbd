import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidateCommand } from '../../server/cli/validate.js';
import { startKantaSim, type KantaSimInstance } from '../../server/index.js';
import { RULES } from '../../server/rules/catalogue.js';
import { clientPlanMessage } from '../control/support/messages.js';
import { captureIo } from '../control/support/cli-io.js';

describe('kanta-sim validate', () => {
  let sim: KantaSimInstance;
  let dir: string;
  beforeAll(async () => {
    sim = await startKantaSim();
    dir = await mkdtemp(path.join(os.tmpdir(), 'kanta-sim-validate-'));
  });
  afterAll(async () => {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const validate = async (
    name: string,
    content: string,
    extra: string[] = [],
  ): Promise<{ code: number; text: string }> => {
    const file = path.join(dir, name);
    await writeFile(file, content);
    const io = captureIo();
    const code = await runValidateCommand([file, '--data-dir', sim.dataDir, ...extra], {}, io);
    return { code, text: io.text() };
  };

  it('a valid frame and a valid CDA: exit 0', async () => {
    const m = clientPlanMessage(sim, '010181-900C');
    const frame = await validate('valid_frame.xml', m.xml);
    expect(frame.text).toMatch(/^VALID/);
    expect(frame.code).toBe(0);
    const cda = await validate('valid_cda.xml', m.cdaXml);
    expect(cda.text).toContain('CDA document');
    expect(cda.code).toBe(0);
  });

  it('a tampered CDA: exit 1 with numbered rule codes', async () => {
    const m = clientPlanMessage(sim, '010181-900C');
    const tampered = m.cdaXml.replace(
      /(<nonXMLBody[^>]*>[\s\S]*?<text[^>]*>)(.)/,
      (_all, head: string, c: string) => `${head}${c === 'A' ? 'B' : 'A'}`,
    );
    expect(tampered).not.toBe(m.cdaXml);
    const result = await validate('invalid_digest.xml', tampered);
    expect(result.code).toBe(1);
    expect(result.text).toMatch(/^INVALID/);
    expect(result.text).toContain(`1. ${RULES.SIG_DIGEST_MISMATCH.code}`);
  });

  it('not XML at all: exit 1 naming WIRE_XML_MALFORMED; no file: exit 2', async () => {
    const result = await validate('invalid_xml.xml', '<oops');
    expect(result.code).toBe(1);
    expect(result.text).toContain(RULES.WIRE_XML_MALFORMED.code);
    expect(await runValidateCommand([], {}, captureIo())).toBe(2);
  });
});
