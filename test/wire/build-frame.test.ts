import { describe, expect, it } from 'vitest';
import { loadOperationTable } from '../../server/codes/operations.js';
import { validateFrame, validateFrameAgainstDocument } from '../../server/wire/validate-frame.js';
import { buildArchiveFrame, wrapInSoap } from '../../server/wire/build-frame.js';
import { openEnvelope } from '../../server/wire/envelope.js';
import { extractDocumentPart } from '../../server/wire/mime.js';
import { parseFrame } from '../../server/wire/parse-frame.js';
import { dom } from '../support/kanta-samples.js';
import { ownDocuments } from '../support/own-documents.js';

const operations = loadOperationTable();
const own = ownDocuments();

describe.each([
  { serviceRequest: 'SP17', document: own.planDocument, cda: own.plan },
  { serviceRequest: 'SP1', document: own.relationshipDocument, cda: own.relationship },
])('buildArchiveFrame for $serviceRequest', ({ serviceRequest, document, cda }) => {
  const sender = document.custodian.oid;
  const cdaBytes = Buffer.from(cda, 'utf8');
  const xml = buildArchiveFrame({
    serviceRequest,
    messageId: { root: sender, extension: '42' },
    senderOid: sender,
    creationTime: new Date('2026-03-23T08:54:30Z'),
    document,
    cdaBytes,
  });

  it('parses back into a frame that passes the frame validators', () => {
    const frame = parseFrame(dom(xml).documentElement!);
    expect(frame.creationTime).toBe('20260323085430+0000');
    expect(frame.serviceRequests.map((r) => r.code)).toEqual([serviceRequest]);
    expect(frame.document).toMatchObject({
      id: document.id,
      setId: document.setId,
      versionNumber: 1,
      hetu: document.client.hetu,
    });
    expect(validateFrame(frame, operations)).toEqual([]);
    const op = operations.resolve(frame.interactionId ?? '', serviceRequest);
    expect(validateFrameAgainstDocument(frame, document, op)).toEqual([]);
  });

  it('carries the signed CDA bytes unchanged in the MIME package', () => {
    const frame = parseFrame(dom(xml).documentElement!);
    const part = extractDocumentPart(frame.document?.text ?? '', document.id);
    expect(part.ok && part.bytes.equals(cdaBytes)).toBe(true);
  });

  it.each(['soap11', 'soap12'] as const)('survives a %s envelope', (style) => {
    const opened = openEnvelope(dom(wrapInSoap(xml, style)));
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      const part = extractDocumentPart(parseFrame(opened.message).document?.text ?? '', document.id);
      expect(part.ok && part.bytes.equals(cdaBytes)).toBe(true);
    }
  });
});

it('builds an invalidation frame with statusCode nullified', () => {
  const document = own.planDocument;
  const sender = document.custodian.oid;
  const xml = buildArchiveFrame({
    serviceRequest: 'SP17',
    messageId: { root: sender, extension: '43' },
    senderOid: sender,
    creationTime: new Date(0),
    document,
    cdaBytes: Buffer.from('<x/>'),
    statusCode: 'nullified',
    performer: {
      id: '010181-900C',
      given: ['Testi'],
      family: 'Ammattilainen',
      organisationOid: sender,
    },
  });
  const frame = parseFrame(dom(xml).documentElement!);
  expect(frame.document?.statusCode).toBe('nullified');
  expect(frame.performer).toMatchObject({ id: '010181-900C', name: 'Testi Ammattilainen' });
});
