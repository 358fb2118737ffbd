/**
 * XML safety through the server: hostile or broken bytes get a wrapper-level AR (never a 5xx), quickly,
 * and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../../server/rules/catalogue.js';
import type { RuleDefinition } from '../../../server/rules/rule.js';
import { buildMessage, replaceOnce } from '../../support/message-builder.js';
import { expectArchived, expectRefused } from '../../support/refusals.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';

/** Small enough to exceed cheaply, large enough for every real message (the real samples are ~27 KB). */
const MAX_BYTES = 200_000;

let sim: KantaSimInstance;
beforeAll(async () => {
  sim = await startKantaSim({ xmlLimits: { maxBytes: MAX_BYTES } });
});
afterAll(async () => {
  await sim.stop();
});

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const BILLION_LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol">' +
  Array.from(
    { length: 9 },
    (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
  ).join('') +
  ']>';

/** A valid message with `insert` placed right after the XML declaration. */
function withPrologue(insert: string): string {
  return replaceOnce(buildMessage(sim.demo).messageXml, DECLARATION, `${DECLARATION}\n${insert}`);
}

function nested(depth: number): string {
  return `${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}`;
}

interface Row {
  readonly name: string;
  readonly message: () => string | Buffer;
  readonly rule: RuleDefinition;
  readonly contentType?: string;
  readonly httpStatus?: number;
}

const ROWS: readonly Row[] = [
  {
    name: 'a DOCTYPE declaration',
    message: () => withPrologue('<!DOCTYPE RCMR_IN200002FI01>'),
    rule: RULES.WIRE_XML_DOCTYPE_FORBIDDEN,
  },
  {
    name: 'entity expansion (billion laughs)',
    message: () =>
      withPrologue(BILLION_LAUGHS).replace('<processingCode code="D"/>', '<processingCode code="&lol9;"/>'),
    rule: RULES.WIRE_XML_DOCTYPE_FORBIDDEN,
  },
  {
    name: 'an external entity (XXE)',
    message: () =>
      withPrologue('<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>').replace(
        '<processingCode code="D"/>',
        '<processingCode code="&xxe;"/>',
      ),
    rule: RULES.WIRE_XML_DOCTYPE_FORBIDDEN,
  },
  {
    name: 'a DOCTYPE inside the CDA in the MIME package',
    message: () =>
      buildMessage(sim.demo, { cda: (x) => x.replace(/^(<\?xml[^>]*\?>)?/, `$1<!DOCTYPE ClinicalDocument>`) })
        .messageXml,
    rule: RULES.WIRE_XML_DOCTYPE_FORBIDDEN,
  },
  {
    name: 'a message over the size limit',
    message: () => withPrologue(`<!--${'x'.repeat(MAX_BYTES)}-->`),
    rule: RULES.WIRE_XML_TOO_LARGE,
    httpStatus: 413,
  },
  {
    name: 'deep nesting',
    message: () =>
      buildMessage(sim.demo, { frameXml: (x) => replaceOnce(x, '<priorityCode code="R"/>', nested(5000)) })
        .messageXml,
    rule: RULES.WIRE_XML_TOO_DEEP,
  },
  {
    name: 'a truncated message',
    message: () => {
      const m = buildMessage(sim.demo).messageXml;
      return m.slice(0, Math.floor(m.length / 2));
    },
    rule: RULES.WIRE_XML_MALFORMED,
  },
  { name: 'an empty body', message: () => '', rule: RULES.WIRE_XML_MALFORMED },
  {
    name: 'bytes that are not text',
    message: () => Buffer.from([0xff, 0xfe, 0x00, 0x3c, 0x00, 0x01]),
    rule: RULES.WIRE_XML_MALFORMED,
  },
  {
    name: 'a valid message sent as application/json',
    message: () => buildMessage(sim.demo).messageXml,
    rule: RULES.WIRE_CONTENT_TYPE,
    contentType: 'application/json',
  },
  {
    name: 'a SOAP envelope of an unknown version',
    message: () =>
      buildMessage(sim.demo, { style: 'soap11' }).messageXml.replace(
        'http://schemas.xmlsoap.org/soap/envelope/',
        'http://example.invalid/soap/',
      ),
    rule: RULES.WIRE_SOAP_INVALID,
  },
];

describe('XML safety through the server', () => {
  it('a valid message is archived under the configured limits (the twin of every row)', async () => {
    await expectArchived(sim, buildMessage(sim.demo).messageXml);
  });

  it('archives a message and a CDA that start with a UTF-8 byte order mark', async () => {
    const m = buildMessage(sim.demo, { style: 'soap11', cda: (cda) => `\uFEFF${cda}` });
    await expectArchived(sim, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(m.messageXml)]));
  });

  it.each(ROWS)('answers $name with AR $rule.code', async ({ message, rule, contentType, httpStatus }) => {
    const started = Date.now();
    const result = await expectRefused(sim, message(), rule, {
      ...(contentType ? { contentType } : {}),
      ...(httpStatus ? { httpStatus } : {}),
    });
    expect(result.ack.typeCode).toBe('AR');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
