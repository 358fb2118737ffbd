import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCda } from '../../server/cda/parse-cda.js';
import { buildArchiveFrame } from '../../server/wire/build-frame.js';
import { parseDom } from '../../server/xml/dom.js';
import { send, startKantaSim, type KantaSimInstance } from '../support/sim.js';
import { messages, partiesOf } from './support.js';
import type { BuiltMessage } from '../../bench/build-documents.js';

/** Byte-level mutations of a text: the kinds of damage a broken client or a proxy does. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.nat(),
    char: fc.string({ minLength: 1, maxLength: 1 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 400 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom('<', '&', '"', ']]>', '<!DOCTYPE x>', '<a>', '\u0000', 'é', '<!-- -->', ' ID="x"'),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function apply(text: string, m: Mutation): string {
  const at = m.at % Math.max(1, text.length);
  switch (m.kind) {
    case 'flip':
      return text.slice(0, at) + m.char + text.slice(at + 1);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicate':
      return text.slice(0, at + m.length) + text.slice(at);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
  }
}

describe('fuzzing frames and documents', () => {
  let sim: KantaSimInstance;
  let base: BuiltMessage;
  beforeAll(async () => {
    sim = await startKantaSim();
    [base] = messages(partiesOf(sim), String(Date.now() % 1_000_000_000), 1) as [BuiltMessage];
  });
  afterAll(async () => {
    await sim.stop();
  });

  /** Sends, and checks the answer is an HL7 acknowledgement and that only an AA stored anything. */
  async function sendAndJudge(message: string): Promise<void> {
    const before = await sim.running.store.countDocuments({});
    const res = await send(sim, message);
    expect(res.status, res.body.slice(0, 300)).toBeLessThan(500);
    expect(['AA', 'AE', 'AR']).toContain(res.ack.typeCode);
    const after = await sim.running.store.countDocuments({});
    if (res.ack.typeCode !== 'AA') {
      expect(after).toBe(before);
    }
  }

  it('answers mutated frames with AA, AE or AR only, and stores nothing it refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
        await sendAndJudge(ms.reduce(apply, base.messageXml));
      }),
      { numRuns: 60 },
    );
  });

  it('answers frames carrying mutated documents with AA, AE or AR only, and stores nothing it refused', async () => {
    const dom = parseDom(base.cdaXml);
    const parsed = dom.ok ? parseCda(dom.doc) : undefined;
    if (!parsed?.ok) {
      throw new Error('the base document does not parse');
    }
    const document = parsed.document;
    const org = sim.demo.organiser;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
        const cda = ms.reduce(apply, base.cdaXml);
        const frame = buildArchiveFrame({
          serviceRequest: 'SP17',
          messageId: { root: org.oid, extension: `fuzz-${n++}` },
          senderOid: org.oid,
          creationTime: new Date(),
          document,
          cdaBytes: Buffer.from(cda, 'utf8'),
        });
        await sendAndJudge(frame);
      }),
      { numRuns: 60 },
    );
  });
});
