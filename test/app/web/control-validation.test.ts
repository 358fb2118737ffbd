import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKantaSim, type KantaSimInstance } from '../../../server/index.js';
import { RULES } from '../../../server/rules/catalogue.js';
import { clientPlanMessage } from '../../control/support/messages.js';

const PATH = '/shark-validointi/validoi/asiakirja/tulos';

describe('the SHARK validation endpoint', () => {
  let sim: KantaSimInstance;
  beforeAll(async () => {
    sim = await startKantaSim();
  });
  afterAll(async () => {
    await sim.stop();
  });

  const validate = (body: object): Promise<Response> =>
    fetch(`${sim.webUrl}${PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('answers 200 with an empty body for a valid frame and document, and stores nothing', async () => {
    const m = clientPlanMessage(sim, '010181-900C');
    const res = await validate({
      messageId: 'm-1',
      palveluPyynto: 'SP17',
      level: '1',
      siirtokehysXml: m.xml,
      asiakirjaXml: m.cdaXml,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect((await sim.control.documents()).total).toBe(0);
  });

  it('validates the CDA given separately when the frame holds a placeholder', async () => {
    const m = clientPlanMessage(sim, '010181-900C');
    const placeholder = m.xml.replace(
      /(<text[^>]*mediaType="multipart\/related"[^>]*>)[\s\S]*?(<\/text>)/,
      '$1...$2',
    );
    expect(placeholder).not.toBe(m.xml);
    const res = await validate({
      palveluPyynto: 'SP17',
      level: '1',
      siirtokehysXml: placeholder,
      asiakirjaXml: m.cdaXml,
    });
    expect(await res.text()).toBe('');
  });

  it('lists numbered errors in "description" for an invalid document', async () => {
    const m = clientPlanMessage(sim, '010181-900C');
    const tampered = m.cdaXml.replace('010181-900C', '010181-123N');
    const res = await validate({
      messageId: 'm-2',
      palveluPyynto: 'SP17',
      level: '1',
      siirtokehysXml: m.xml,
      asiakirjaXml: tampered,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { messageId: string; description: string };
    expect(body.messageId).toBe('m-2');
    expect(body.description).toMatch(/^1: \[/);
    expect(body.description).toMatch(/; 2: \[/);
    expect(body.description).toContain(RULES.FRAME_CLIENT_MISMATCH.code);
  });

  it('refuses a body without XML with a JSON 400', async () => {
    const res = await validate({ palveluPyynto: 'SP17' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
  });
});
