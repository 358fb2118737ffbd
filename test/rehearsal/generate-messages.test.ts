import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestCaseMessages } from '../../server/rehearsal/generate-messages.js';
import { TestCaseLibrary } from '../../server/rehearsal/test-case.js';
import { defaultIdentityName } from '../../server/rehearsal/test-identities.js';
import { send, startKantaSim, type KantaSimInstance } from '../support/sim.js';

const HETU = '010181-900C';

describe('generateTestCaseMessages', () => {
  let sim: KantaSimInstance;
  beforeAll(async () => {
    sim = await startKantaSim();
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('builds messages the archive accepts for an organiser case', async () => {
    const testCase = new TestCaseLibrary().get('lapsiperheiden-palvelut');
    const messages = generateTestCaseMessages({
      testCase,
      organisation: sim.demo.organiser,
      identity: { hetu: HETU, ...defaultIdentityName(HETU) },
      professional: sim.demo.professional,
      at: new Date(),
      runId: 11,
    });
    expect(messages.map((m) => m.key)).toEqual(testCase.documents.map((d) => d.key));
    for (const m of messages) {
      const res = await send(sim, m.messageXml, { as: sim.demo.organiser });
      expect(res.ack.typeCode, `${m.key}: ${res.body.slice(0, 2000)}`).toBe('AA');
    }
    const stored = await sim.running.store.listDocuments({ hetu: HETU });
    expect(stored).toHaveLength(messages.length);
  });

  it('signs the old-data case at its own past dates, and the archive verifies it', async () => {
    const testCase = new TestCaseLibrary().get('vanhat-tiedot');
    const hetu = '010181-901D';
    const messages = generateTestCaseMessages({
      testCase,
      organisation: sim.demo.organiser,
      identity: { hetu, ...defaultIdentityName(hetu) },
      professional: sim.demo.professional,
      at: new Date(),
      runId: 13,
    });
    for (const [i, m] of messages.entries()) {
      const res = await send(sim, m.messageXml, { as: sim.demo.organiser });
      expect(res.ack.typeCode, `${m.key}: ${res.body.slice(0, 2000)}`).toBe('AA');
      const cda = (await sim.running.store.getDocumentBytes(m.documentId))?.toString('utf8') ?? '';
      const signedAt = /<hl7fi:signatureTimestamp[^>]*>([^<]+)</.exec(cda)?.[1];
      expect(signedAt?.slice(0, 10), m.key).toBe(testCase.documents[i]?.date);
    }
  });

  it('leaves out an omitted document and writes a deviating service task', async () => {
    const testCase = new TestCaseLibrary().get('lapsiperheiden-palvelut');
    const messages = generateTestCaseMessages({
      testCase,
      organisation: sim.demo.organiser,
      identity: { hetu: HETU, ...defaultIdentityName(HETU) },
      professional: sim.demo.professional,
      at: new Date(),
      runId: 12,
      deviations: { paatos: { omit: true }, kertomus: { serviceTask: '26' } },
    });
    expect(messages.map((m) => m.key)).not.toContain('paatos');
    const note = messages.find((m) => m.key === 'kertomus');
    const res = await send(sim, note?.messageXml ?? '', { as: sim.demo.organiser });
    expect(res.ack.typeCode).toBe('AA');
    expect((await sim.running.store.getDocument(note?.documentId ?? ''))?.palvelutehtava).toBe('26');
  });

  it('is refused without the organiser when the case archives into the organiser register', () => {
    expect(() =>
      generateTestCaseMessages({
        testCase: new TestCaseLibrary().get('palveluntuottaja'),
        organisation: sim.demo.provider,
        identity: { hetu: HETU, ...defaultIdentityName(HETU) },
        professional: sim.demo.professional,
        at: new Date(),
      }),
    ).toThrow(/organiser's credentials/);
  });
});
