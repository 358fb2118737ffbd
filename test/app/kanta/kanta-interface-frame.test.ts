/**
 * The transfer frame's rules through the server: each row changes one thing in an otherwise valid message
 * and expects its rule, its acknowledgement type, and an archive left untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../../server/rules/catalogue.js';
import type { RuleDefinition } from '../../../server/rules/rule.js';
import { buildMessage, replaceOnce, type MessageChange } from '../../support/message-builder.js';
import { codesOf, expectArchived, expectRefused } from '../../support/refusals.js';
import { send, startKantaSim, type KantaSimInstance } from '../../support/sim.js';

let sim: KantaSimInstance;
beforeAll(async () => {
  sim = await startKantaSim();
});
afterAll(async () => {
  await sim.stop();
});

const OTHER_TEST_HETU = '010170-901K';
const SP17_REASON = /<reasonCode code="SP17"[^>]*\/>/;

interface Row {
  readonly name: string;
  readonly change: () => MessageChange;
  readonly rule: RuleDefinition;
}

const ROWS: readonly Row[] = [
  {
    name: 'a receiver other than the archive device',
    change: () => ({ frame: (f) => ({ ...f, receiverOid: '1.2.246.556.99999.2' }) }),
    rule: RULES.FRAME_RECEIVER_MISMATCH,
  },
  {
    name: 'an unknown interaction',
    change: () => ({ frame: (f) => ({ ...f, interactionId: 'RCMR_IN299999FI01' }) }),
    rule: RULES.FRAME_INTERACTION_UNKNOWN,
  },
  {
    name: 'an archive interactionId in a message element of another interaction',
    change: () => ({
      frameXml: (x) =>
        replaceOnce(
          replaceOnce(x, '<RCMR_IN200002FI01 ', '<QUQI_IN000001FI01 '),
          '</RCMR_IN200002FI01>',
          '</QUQI_IN000001FI01>',
        ),
    }),
    rule: RULES.FRAME_INTERACTION_UNKNOWN,
  },
  {
    name: "a sender OID that is not the TLS client's organisation (the provider's)",
    change: () => ({ frame: (f) => ({ ...f, senderOid: sim.demo.provider.oid }) }),
    rule: RULES.FRAME_SENDER_MISMATCH,
  },
  {
    name: 'two service requests',
    change: () => ({ frameXml: (x) => x.replace(SP17_REASON, (r) => r + r) }),
    rule: RULES.FRAME_SERVICE_REQUEST_COUNT,
  },
  {
    name: 'no service request',
    change: () => ({ frameXml: (x) => replaceOnce(x, SP17_REASON, '') }),
    rule: RULES.FRAME_SERVICE_REQUEST_COUNT,
  },
  {
    name: 'an unknown service request',
    change: () => ({ frame: (f) => ({ ...f, serviceRequest: 'SP999' }) }),
    rule: RULES.FRAME_SERVICE_REQUEST_UNKNOWN,
  },
  {
    name: 'a MIME part that is not Base64-encoded',
    change: () => ({
      frameXml: (x) => replaceOnce(x, 'Content-Transfer-Encoding: base64', 'Content-Transfer-Encoding: 8bit'),
    }),
    rule: RULES.FRAME_MIME_INVALID,
  },
  {
    name: 'a text mediaType other than multipart/related',
    change: () => ({
      frameXml: (x) => replaceOnce(x, 'mediaType="multipart/related"', 'mediaType="text/plain"'),
    }),
    rule: RULES.FRAME_MIME_INVALID,
  },
  {
    name: 'a MIME package without the document part (Content-ID of another document)',
    change: () => ({
      frameXml: (x) => replaceOnce(x, /Content-ID: &lt;[^&]*&gt;/, 'Content-ID: &lt;1.2.3.4&gt;'),
    }),
    rule: RULES.FRAME_MIME_DOCUMENT_MISSING,
  },
  {
    name: 'a frame document id other than the CDA id',
    change: () => ({ frame: (f) => ({ ...f, document: { ...f.document, id: `${f.document.id}9` } }) }),
    rule: RULES.FRAME_DOCUMENT_ID_MISMATCH,
  },
  {
    name: 'a frame setId other than the CDA setId',
    change: () => ({ frame: (f) => ({ ...f, document: { ...f.document, setId: `${f.document.setId}9` } }) }),
    rule: RULES.FRAME_SETID_MISMATCH,
  },
  {
    name: 'a frame versionNumber other than the CDA version',
    change: () => ({ frame: (f) => ({ ...f, document: { ...f.document, versionNumber: 2 } }) }),
    rule: RULES.FRAME_VERSION_MISMATCH,
  },
  {
    name: 'a frame client other than the CDA client',
    change: () => ({
      frame: (f) => ({
        ...f,
        document: { ...f.document, client: { ...f.document.client, hetu: OTHER_TEST_HETU } },
      }),
    }),
    rule: RULES.FRAME_CLIENT_MISMATCH,
  },
  {
    name: 'a frame custodian other than the CDA custodian',
    change: () => ({
      frame: (f) => ({ ...f, document: { ...f.document, custodian: { oid: sim.demo.provider.oid } } }),
    }),
    rule: RULES.FRAME_CUSTODIAN_MISMATCH,
  },
  {
    name: 'a client document (group 5) sent with SP1',
    change: () => ({ frame: (f) => ({ ...f, serviceRequest: 'SP1' }) }),
    rule: RULES.FRAME_DOCUMENT_GROUP_MISMATCH,
  },
  {
    name: 'a client-relationship document (group 1) sent with SP17',
    change: () => ({ kind: 'clientRelationship', frame: (f) => ({ ...f, serviceRequest: 'SP17' }) }),
    rule: RULES.FRAME_DOCUMENT_GROUP_MISMATCH,
  },
  {
    name: 'a frame without creationTime',
    change: () => ({ frameXml: (x) => replaceOnce(x, /<creationTime [^>]*\/>/, '') }),
    rule: RULES.FRAME_REQUIRED_MISSING,
  },
  {
    name: 'a frame whose versionNumber is not a positive integer',
    change: () => ({
      frameXml: (x) => replaceOnce(x, '<versionNumber value="1"/>', '<versionNumber value="0"/>'),
    }),
    rule: RULES.FRAME_VALUE_INVALID,
  },
  {
    name: 'a SOAP envelope with two bodies',
    change: () => ({
      style: 'soap11',
      message: (x) => replaceOnce(x, '</soap:Body>', '</soap:Body><soap:Body/>'),
    }),
    rule: RULES.WIRE_SOAP_INVALID,
  },
];

describe('frame rules through the server', () => {
  it('the unchanged message is archived (the twin of every row)', async () => {
    await expectArchived(sim, buildMessage(sim.demo).messageXml);
  });

  it.each(ROWS)('refuses $name ($rule.code)', async ({ change, rule }) => {
    await expectRefused(sim, buildMessage(sim.demo, change()).messageXml, rule);
  });

  it('answers an AR in the SOAP 1.2 style, echoing the target message id', async () => {
    const m = buildMessage(sim.demo, { style: 'soap12', frame: (f) => ({ ...f, receiverOid: '1.2.3' }) });
    const result = await send(sim, m.messageXml, { contentType: 'application/soap+xml' });
    expect(result.ack).toMatchObject({ typeCode: 'AR', style: 'soap12' });
    expect(result.ack.targetMessageId?.extension).toBe(`msg-${m.spec.id}`);
    expect(result.headers['content-type']).toMatch(/^application\/soap\+xml/);
  });

  it('lists every wrapper failure at once', async () => {
    const m = buildMessage(sim.demo, {
      frame: (f) => ({ ...f, receiverOid: '1.2.3', senderOid: sim.demo.provider.oid }),
    });
    const result = await expectRefused(sim, m.messageXml, RULES.FRAME_RECEIVER_MISMATCH);
    expect(codesOf(result)).toEqual([RULES.FRAME_RECEIVER_MISMATCH.code, RULES.FRAME_SENDER_MISMATCH.code]);
  });

  it.each([
    ['one of its service units', () => sim.demo.organiser.units[0]?.oid ?? ''],
    ["an OID under the organisation's arc", () => `${sim.demo.organiser.oid}.5`],
  ])('accepts a sender OID of %s', async (_what, sender) => {
    await expectArchived(
      sim,
      buildMessage(sim.demo, { frame: (f) => ({ ...f, senderOid: sender() }) }).messageXml,
    );
  });
});
