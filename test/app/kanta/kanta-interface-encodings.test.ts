/**
 * Character encodings over mutual TLS: a frame or a CDA document in an encoding its XML declaration and
 * byte order mark declare is read (with a W detail that it is not UTF-8), signatures made over the same
 * infoset still verify, and every refusal names the rule for what is wrong: a DOCTYPE is
 * WIRE_XML_DOCTYPE_FORBIDDEN in any encoding, an undecodable or contradictory encoding names the encoding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../../server/rules/catalogue.js';
import { buildMessage } from '../../support/message-builder.js';
import { expectArchived, expectRefused, warningsOf } from '../../support/refusals.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';

let sim: KantaSimInstance;
beforeAll(async () => {
  sim = await startKantaSim();
});
afterAll(async () => {
  await sim.stop();
});

const DECLARATION = /^\uFEFF?<\?xml[^?]*\?>/;

/** The text with its XML declaration naming `encoding` (added when missing). */
function declare(xml: string, encoding: string): string {
  const declaration = `<?xml version="1.0" encoding="${encoding}"?>`;
  return DECLARATION.test(xml) ? xml.replace(DECLARATION, declaration) : `${declaration}\n${xml}`;
}

function utf16(xml: string, order: 'LE' | 'BE', bom = true): Buffer {
  const le = Buffer.from(xml, 'utf16le');
  const bytes = order === 'LE' ? le : Buffer.from(le).swap16();
  const mark = order === 'LE' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes;
}

/** A client-relationship message whose CDA bytes are `encode(signed CDA text)`. */
function withCdaBytes(encode: (cda: string) => Buffer): string {
  return buildMessage(sim.demo, {
    kind: 'clientRelationship',
    frame: (f) => ({ ...f, cdaBytes: encode(f.cdaBytes.toString('utf8')) }),
  }).messageXml;
}

function message(): string {
  return buildMessage(sim.demo, { kind: 'clientRelationship' }).messageXml;
}

describe('encodings of the frame over mutual TLS', () => {
  it.each([
    {
      name: 'UTF-16LE with a BOM',
      bytes: (x: string) => utf16(declare(x, 'UTF-16'), 'LE'),
      encoding: 'UTF-16LE',
    },
    {
      name: 'UTF-16BE with a BOM',
      bytes: (x: string) => utf16(declare(x, 'UTF-16'), 'BE'),
      encoding: 'UTF-16BE',
    },
    {
      name: 'UTF-16LE without a BOM, declared UTF-16LE',
      bytes: (x: string) => utf16(declare(x, 'UTF-16LE'), 'LE', false),
      encoding: 'UTF-16LE',
    },
    {
      name: 'ISO-8859-1 declared',
      bytes: (x: string) => Buffer.from(declare(x, 'ISO-8859-1'), 'latin1'),
      encoding: 'ISO-8859-1',
    },
  ])('archives a frame in $name, warning WIRE_XML_ENCODING_NOT_UTF8', async ({ bytes, encoding }) => {
    const result = await expectArchived(sim, bytes(message()));
    expect(warningsOf(result)).toEqual([RULES.WIRE_XML_ENCODING_NOT_UTF8.code]);
    expect(result.body).toContain(`the message is ${encoding}, not UTF-8`);
  });

  it('archives a UTF-8 frame without any warning', async () => {
    const result = await expectArchived(sim, message());
    expect(warningsOf(result)).toEqual([]);
  });

  it.each([
    {
      name: 'a UTF-16 frame whose declaration says UTF-8',
      bytes: (x: string) => utf16(declare(x, 'UTF-8'), 'LE'),
      rule: RULES.WIRE_XML_ENCODING_MISMATCH,
      detail: 'byte order mark say UTF-16LE, the XML declaration UTF-8',
    },
    {
      name: 'an ASCII-compatible frame declared UTF-16',
      bytes: (x: string) => Buffer.from(declare(x, 'UTF-16'), 'utf8'),
      rule: RULES.WIRE_XML_ENCODING_MISMATCH,
      detail: 'says UTF-16, but the bytes are not UTF-16',
    },
    {
      name: 'a frame declared in an encoding the archive does not read',
      bytes: (x: string) => Buffer.from(declare(x, 'Shift_JIS'), 'utf8'),
      rule: RULES.WIRE_XML_ENCODING_UNSUPPORTED,
      detail: 'SHIFT_JIS is not supported',
    },
    {
      name: 'a UTF-32 frame',
      bytes: (x: string) => Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from(x, 'utf16le')]),
      rule: RULES.WIRE_XML_ENCODING_UNSUPPORTED,
      detail: 'UTF-32',
    },
    {
      name: 'a UTF-8 frame with a byte that is not UTF-8',
      bytes: (x: string) =>
        Buffer.from(x.replace('<controlActProcess', '<!-- \u00ff --><controlActProcess'), 'latin1'),
      rule: RULES.WIRE_XML_ENCODING_INVALID,
      detail: 'not valid UTF-8',
    },
    {
      name: 'a UTF-16 frame with a DOCTYPE',
      bytes: (x: string) => utf16(declare(x, 'UTF-16').replace('?>', '?><!DOCTYPE RCMR_IN200002FI01>'), 'LE'),
      rule: RULES.WIRE_XML_DOCTYPE_FORBIDDEN,
      detail: 'DOCTYPE',
    },
  ])('refuses $name ($rule.code), nothing stored', async ({ bytes, rule, detail }) => {
    const result = await expectRefused(sim, bytes(message()), rule);
    expect(result.body).toContain(detail);
  });
});

describe('encodings of the CDA document over mutual TLS', () => {
  it('archives a UTF-16 CDA whose signatures were made over the same infoset, warning once', async () => {
    const result = await expectArchived(
      sim,
      withCdaBytes((cda) => utf16(declare(cda, 'UTF-16'), 'LE')),
    );
    expect(warningsOf(result)).toEqual([RULES.WIRE_XML_ENCODING_NOT_UTF8.code]);
    expect(result.body).toContain('the CDA document is UTF-16LE, not UTF-8');
  });

  it('refuses a UTF-16 CDA holding a DOCTYPE as WIRE_XML_DOCTYPE_FORBIDDEN (not as too deep)', async () => {
    const result = await expectRefused(
      sim,
      withCdaBytes((cda) =>
        utf16(declare(cda, 'UTF-16').replace('?>', '?><!DOCTYPE ClinicalDocument>'), 'LE'),
      ),
      RULES.WIRE_XML_DOCTYPE_FORBIDDEN,
    );
    expect(result.body).not.toContain(RULES.WIRE_XML_TOO_DEEP.code);
  });

  it('refuses a CDA whose declaration contradicts its byte order mark (WIRE_XML_ENCODING_MISMATCH)', async () => {
    const result = await expectRefused(
      sim,
      withCdaBytes((cda) =>
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(declare(cda, 'ISO-8859-1'))]),
      ),
      RULES.WIRE_XML_ENCODING_MISMATCH,
    );
    expect(result.body).toContain('the byte order mark says UTF-8, the XML declaration ISO-8859-1');
  });
});
