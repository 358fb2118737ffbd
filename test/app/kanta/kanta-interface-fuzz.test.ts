/**
 * Never a 5xx: random mutations of a valid message (fast-check: 50 runs on the message, 25 inside the
 * CDA) are each answered with an HL7
 * acknowledgement, AA/AE/AR over HTTP 200/403/413, and a refused one never reaches the archive.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMessage } from '../../support/message-builder.js';
import { expectArchived, storedCount } from '../../support/refusals.js';
import { send, startKantaSim, type KantaSimInstance } from '../../support/sim.js';

let sim: KantaSimInstance;
let valid = '';
beforeAll(async () => {
  sim = await startKantaSim({ xmlLimits: { maxBytes: 120_000 } });
  valid = buildMessage(sim.demo, { style: 'soap12' }).messageXml;
  await expectArchived(sim, valid);
});
afterAll(async () => {
  await sim.stop();
});

/** Characters that matter to XML, MIME and Base64, plus plain ones. */
const NASTY = fc.constantFrom(
  '<',
  '>',
  '&',
  '"',
  "'",
  '/',
  '=',
  ':',
  '-',
  '\n',
  '\r',
  ' ',
  'A',
  '0',
  '+',
  '\u0000',
  '\u00e4',
  ']]>',
  '<!--',
  '&lol;',
  '<x>',
);

type Mutation =
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'replace'; readonly at: number; readonly text: string }
  | { readonly op: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'pad'; readonly length: number };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const MUTATION: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: position,
    text: fc.array(NASTY, { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
  }),
  fc.record({ op: fc.constant('replace' as const), at: position, text: NASTY }),
  fc.record({
    op: fc.constant('duplicate' as const),
    at: position,
    length: fc.integer({ min: 1, max: 2_000 }),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: position }),
  fc.record({ op: fc.constant('pad' as const), length: fc.integer({ min: 1, max: 200_000 }) }),
);

function apply(text: string, m: Mutation): string {
  if (m.op === 'pad') {
    return text.replace('<soap:Body>', `<soap:Body>${' '.repeat(m.length)}`);
  }
  const at = Math.floor(m.at * text.length);
  switch (m.op) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'replace':
      return text.slice(0, at) + m.text + text.slice(at + 1);
    case 'duplicate':
      return text.slice(0, at + m.length) + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
  }
}

describe('random mutations of a valid message', () => {
  it('are answered AA/AE/AR with HTTP 200/403/413, never 5xx, and refused ones are not stored', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(MUTATION, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const message = mutations.reduce(apply, valid);
        const before = await storedCount(sim);
        const result = await send(sim, message, { contentType: 'application/soap+xml; charset=utf-8' });
        expect([200, 403, 413]).toContain(result.status);
        expect(['AA', 'AE', 'AR']).toContain(result.ack.typeCode);
        if (result.ack.typeCode !== 'AA') {
          expect(await storedCount(sim)).toBe(before);
        } else {
          expect(await storedCount(sim)).toBeLessThanOrEqual(before + 1);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('inside the CDA (re-framed, so the frame stays intact) are answered the same way', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(MUTATION, { minLength: 1, maxLength: 2 }), async (mutations) => {
        const message = buildMessage(sim.demo, { cda: (cda) => mutations.reduce(apply, cda) }).messageXml;
        const before = await storedCount(sim);
        const result = await send(sim, message);
        expect([200, 413]).toContain(result.status);
        expect(['AA', 'AE', 'AR']).toContain(result.ack.typeCode);
        expect(await storedCount(sim)).toBe(result.ack.typeCode === 'AA' ? before + 1 : before);
      }),
      { numRuns: 25 },
    );
  });
});
