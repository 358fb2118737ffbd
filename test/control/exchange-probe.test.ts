/**
 * Fault matching reads a message as the archive reads it: a frame in UTF-16 is probed for its sender,
 * interaction and operation like its UTF-8 twin.
 */
import { describe, expect, it } from 'vitest';
import { loadOperationTable } from '../../server/codes/operations.js';
import { probeExchange } from '../../server/control/exchange-probe.js';
import { DEFAULT_XML_LIMITS } from '../../server/xml/limits.js';

const FRAME = (encoding: string): string =>
  `<?xml version="1.0" encoding="${encoding}"?>` +
  '<RCMR_IN200002FI01 xmlns="urn:hl7-org:v3"><interactionId root="2.16.840.1.113883.1.6" extension="RCMR_IN200002FI01"/>' +
  '<sender><device><id root="1.2.246.10.1234567.10.1"/></device></sender>' +
  '<controlActProcess><reasonCode code="SP17" codeSystem="1.2.246.537.6.1503.201601"/></controlActProcess>' +
  '</RCMR_IN200002FI01>';

describe('probeExchange', () => {
  it.each([
    { name: 'UTF-8', bytes: Buffer.from(FRAME('UTF-8'), 'utf8') },
    {
      name: 'UTF-16LE with a BOM',
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FRAME('UTF-16'), 'utf16le')]),
    },
  ])('reads a frame in $name', ({ bytes }) => {
    const probe = probeExchange(bytes, undefined, DEFAULT_XML_LIMITS, loadOperationTable());
    expect(probe.organisations).toEqual(['1.2.246.10.1234567.10.1']);
    expect(probe.interaction).toBe('RCMR_IN200002FI01');
    expect(probe.operation).toBe('archive-client-document');
  });
});
