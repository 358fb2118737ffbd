/**
 * The happy paths of the archive interface through a real mutual-TLS server: SP1 and SP17 documents in
 * every envelope style, resubmission, and an id reused for a different document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../../server/rules/catalogue.js';
import { buildMessage, type MessageKind } from '../../support/message-builder.js';
import { expectArchived, expectRefused, storedCount } from '../../support/refusals.js';
import { send, startKantaSim, type KantaSimInstance } from '../../support/sim.js';

let sim: KantaSimInstance;
beforeAll(async () => {
  sim = await startKantaSim();
});
afterAll(async () => {
  await sim.stop();
});

const KINDS: readonly MessageKind[] = ['clientRelationship', 'clientPlan', 'assessment', 'decision'];
const STYLES = [
  { style: 'bare', contentType: 'text/xml; charset=utf-8', ackType: /^text\/xml/ },
  { style: 'soap11', contentType: 'text/xml; charset=utf-8', ackType: /^text\/xml/ },
  { style: 'soap12', contentType: 'application/soap+xml; charset=utf-8', ackType: /^application\/soap\+xml/ },
] as const;

describe('archiving over mutual TLS', () => {
  for (const kind of KINDS) {
    for (const s of STYLES) {
      it(`archives a ${kind} (${kind === 'clientRelationship' ? 'SP1' : 'SP17'}) sent ${s.style}: AA in the same style`, async () => {
        const m = buildMessage(sim.demo, { kind, style: s.style });
        const result = await expectArchived(sim, m.messageXml, { contentType: s.contentType });
        expect(result.ack.style).toBe(s.style);
        expect(result.headers['content-type']).toMatch(s.ackType);
        expect(result.ack.targetMessageId).toEqual({
          root: sim.demo.organiser.oid,
          extension: `msg-${m.spec.id}`,
        });
        const stored = await sim.running.store.getDocument(m.spec.id);
        expect(stored?.registerOid).toBe(sim.demo.organiser.oid);
        expect(stored?.serviceRequest).toBe(kind === 'clientRelationship' ? 'SP1' : 'SP17');
        expect((await sim.running.store.getDocumentBytes(m.spec.id))?.toString('utf8')).toBe(m.cdaXml);
      });
    }
  }

  it('answers the same message AA again and stores it once', async () => {
    const m = buildMessage(sim.demo, { kind: 'clientPlan' });
    await expectArchived(sim, m.messageXml);
    const before = await storedCount(sim);
    const again = await send(sim, m.messageXml);
    expect(again.ack.typeCode).toBe('AA');
    expect(again.ack.details.filter((d) => d.typeCode === 'E')).toEqual([]);
    expect(await storedCount(sim)).toBe(before);
    expect(await sim.running.store.countDocuments({ setId: m.spec.id })).toBe(1);
  });

  it('refuses a different document reusing an archived id (ARCHIVE_ID_CONFLICT) and keeps the first', async () => {
    const first = buildMessage(sim.demo, { kind: 'clientPlan' });
    await expectArchived(sim, first.messageXml);
    const other = buildMessage(sim.demo, {
      kind: 'clientPlan',
      spec: (spec) => ({ ...spec, id: first.spec.id, setId: first.spec.id, xhtml: `${spec.xhtml} ` }),
    });
    await expectRefused(sim, other.messageXml, RULES.ARCHIVE_ID_CONFLICT);
    expect((await sim.running.store.getDocumentBytes(first.spec.id))?.toString('utf8')).toBe(first.cdaXml);
  });
});
