/**
 * The one way in: a message is read once into a frozen, typed request. Its refusals are the archive's rules
 * in the archive's order, and a refused reading still names what it read (for the answer's echo and for
 * fault matching).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOperationTable } from '../../server/codes/operations.js';
import { RULES } from '../../server/rules/catalogue.js';
import { wrapInSoap } from '../../server/wire/envelope.js';
import { buildQueryRequest } from '../../server/wire/query-request.js';
import { readInboundRequest, withDocument } from '../../server/wire/read-inbound-request.js';
import { DEFAULT_XML_LIMITS } from '../../server/xml/limits.js';

const DOCUMENTS = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'documents');
const ORGANISATION = '1.2.246.10.55512345.10.0';
const fixture = (file: string): Buffer => readFileSync(path.join(DOCUMENTS, file));
const options = { limits: DEFAULT_XML_LIMITS, operations: loadOperationTable(), senderOids: [ORGANISATION] };

describe('readInboundRequest', () => {
  it('reads an archiving frame into a frozen request with its document package opened', () => {
    const reading = readInboundRequest(fixture('valid_lapsiperhe_client_plan.xml'), options);
    if (!reading.ok) {
      throw new Error(reading.violations.map((v) => v.rule.code).join(', '));
    }
    const { request } = reading;
    expect(request.style).toBe('bare');
    expect(request.operation.kind).toBe('archive');
    expect(request.query).toBeUndefined();
    expect(request.document?.ok).toBe(true);
    const cda = request.document?.ok ? request.document.cdaBytes.toString('utf8') : '';
    expect(cda).toContain('<ClinicalDocument');
    expect(request.document?.ok && request.document.documentId).toBe(request.frame.document?.id);
    expect(Object.isFrozen(request)).toBe(true);
    expect(Object.isFrozen(request.frame)).toBe(true);
    expect(Object.isFrozen(request.frame.serviceRequests)).toBe(true);
  });

  it('reads a query in SOAP 1.2 with typed parameters and no document', () => {
    const xml = buildQueryRequest({
      serviceRequest: 'SP32',
      messageId: { root: ORGANISATION, extension: 'q-1' },
      senderOid: ORGANISATION,
      creationTime: new Date('2026-03-01T12:00:00Z'),
      parameters: { hetu: '010101A900T', status: 'current', from: '20260101' },
    });
    const reading = readInboundRequest(Buffer.from(wrapInSoap(xml, 'soap12'), 'utf8'), options);
    if (!reading.ok) {
      throw new Error(reading.violations.map((v) => v.rule.code).join(', '));
    }
    expect(reading.request.style).toBe('soap12');
    expect(reading.request.operation.kind).toBe('query');
    expect(reading.request.query).toEqual({ hetu: '010101A900T', status: 'current', from: '20260101' });
    expect(Object.isFrozen(reading.request.query)).toBe(true);
    expect(reading.request.document).toBeUndefined();
  });

  it.each([
    { what: 'malformed XML', bytes: Buffer.from('<RCMR', 'utf8'), rule: RULES.WIRE_XML_MALFORMED },
    {
      what: 'a sender other than the TLS identity',
      bytes: fixture('invalid_frame_sender_mismatch.xml'),
      rule: RULES.FRAME_SENDER_MISMATCH,
    },
  ])('refuses $what with the archive rule', ({ bytes, rule }) => {
    const reading = readInboundRequest(bytes, options);
    expect(reading.ok).toBe(false);
    expect(reading.ok ? [] : reading.violations.map((v) => v.rule)).toContain(rule);
  });

  it('keeps the frame and the operation of a refused reading', () => {
    const refused = readInboundRequest(fixture('invalid_frame_receiver_mismatch.xml'), options);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? undefined : refused.frame?.rootName).toBe('RCMR_IN200002FI01');
    expect(refused.ok ? undefined : refused.operation?.kind).toBe('archive');
  });

  it('replaces the document package with a CDA given on its own', () => {
    const reading = readInboundRequest(fixture('valid_lapsiperhe_client_plan.xml'), options);
    if (!reading.ok) {
      throw new Error('the valid fixture does not read');
    }
    const cda = fixture('valid_lapsiperhe_decision.cda.xml');
    const replaced = withDocument(reading.request, cda);
    expect(replaced.document?.ok && replaced.document.cdaBytes.equals(cda)).toBe(true);
    expect(Object.isFrozen(replaced.frame)).toBe(true);
  });
});
