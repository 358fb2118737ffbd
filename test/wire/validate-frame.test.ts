import { describe, expect, it } from 'vitest';
import { loadOperationTable } from '../../server/codes/operations.js';
import { RULES } from '../../server/rules/catalogue.js';
import type { RuleDefinition } from '../../server/rules/rule.js';
import {
  checkWrapper,
  validateFrame,
  validateFrameAgainstDocument,
} from '../../server/wire/validate-frame.js';
import type { ArchiveFrame } from '../../server/wire/archive-frame.js';
import { parseFrame } from '../../server/wire/parse-frame.js';
import { dom, KANTA_SAMPLES, SAMPLE, sampleDocument, sampleText } from '../support/kanta-samples.js';
import { ownDocuments } from '../support/own-documents.js';

const operations = loadOperationTable();
const frameOf = (xml: string): ArchiveFrame => parseFrame(dom(xml).documentElement!);
const own = ownDocuments();
/** The own SP17 frame, with its MIME package. */
const good = frameOf(own.planFrame);
const relationshipFrame = frameOf(own.relationshipFrame);
const plan = own.planDocument;
const relationship = own.relationshipDocument;
const DOC = '/RCMR_IN200002FI01/controlActProcess/subject/clinicalDocument';
const tls = { tlsOrganisationOids: ['1.2.246.10.12345678'], operations };

/** The real frames (optional corpus): read only inside the suites that skip without it. */
const realFrames = () => ({
  real: frameOf(sampleText(SAMPLE.frameSP17)),
  relationshipFrame: frameOf(sampleText(SAMPLE.frameSP1)),
  plan: sampleDocument(SAMPLE.planSigned),
  relationship: sampleDocument(SAMPLE.relationshipSigned),
});
const realTls = { tlsOrganisationOids: ['1.2.246.10.2012566'], operations };

interface Case {
  readonly name: string;
  readonly frame: ArchiveFrame;
  readonly rule: RuleDefinition;
  readonly location: string;
}

describe.skipIf(!KANTA_SAMPLES.available)('checkWrapper on the real frame', () => {
  it('accepts the real frame from its own organisation', () => {
    const { real } = realFrames();
    expect(checkWrapper(real, realTls)).toEqual([]);
    expect(checkWrapper(real, { ...realTls, tlsOrganisationOids: ['1.2.246.10.2012566.10.40'] })).toEqual([]);
  });
});

describe('checkWrapper', () => {
  it('accepts the frame from its own organisation', () => {
    expect(checkWrapper(good, tls)).toEqual([]);
    expect(checkWrapper(good, { ...tls, tlsOrganisationOids: [plan.custodian.oid] })).toEqual([]);
  });

  it('skips the sender check when no TLS identity is given', () => {
    expect(checkWrapper({ ...good, senderOid: '1.2.3' }, { ...tls, tlsOrganisationOids: [] })).toEqual([]);
  });

  it.each<Case>([
    {
      name: 'an unknown interaction',
      frame: { ...good, interactionId: 'QUQI_IN000001UV01' },
      rule: RULES.FRAME_INTERACTION_UNKNOWN,
      location: '/RCMR_IN200002FI01/interactionId/@extension',
    },
    {
      name: 'an interactionId that does not name the root',
      frame: { ...good, rootName: 'RCMR_IN100001FI01' },
      rule: RULES.FRAME_INTERACTION_UNKNOWN,
      location: '/RCMR_IN100001FI01/interactionId/@extension',
    },
    {
      name: 'another receiver',
      frame: { ...good, receiverOid: '1.2.246.556.18007.1' },
      rule: RULES.FRAME_RECEIVER_MISMATCH,
      location: '/RCMR_IN200002FI01/receiver/device/id/@root',
    },
    {
      name: 'a sender of another organisation',
      frame: { ...good, senderOid: '1.2.246.10.123456780.10.0' },
      rule: RULES.FRAME_SENDER_MISMATCH,
      location: '/RCMR_IN200002FI01/sender/device/id/@root',
    },
  ])('refuses $name', ({ frame, rule, location }) => {
    expect(checkWrapper(frame, tls).map((v) => [v.rule.code, v.location])).toEqual([[rule.code, location]]);
    expect(rule.severity).toBe('AR');
  });
});

describe.skipIf(!KANTA_SAMPLES.available)('validateFrame on the real frames', () => {
  it('accepts both real frames once they carry a MIME package', () => {
    const { real, relationshipFrame } = realFrames();
    const withMime: ArchiveFrame = { ...real, document: { ...real.document, text: 'MIME-Version: 1.0' } };
    expect(validateFrame(withMime, operations)).toEqual([]);
    expect(
      validateFrame(
        { ...relationshipFrame, document: { ...relationshipFrame.document, text: 'x' } },
        operations,
      ),
    ).toEqual([]);
  });

  it('reports the sending engine placeholder in the real frame as an empty MIME package', () => {
    const { real } = realFrames();
    expect(validateFrame(real, operations).map((v) => v.rule)).toEqual([RULES.FRAME_MIME_INVALID]);
  });
});

/** Frames validateFrame refuses on their own, each with the one rule and location it reports. */
const FRAME_REFUSALS: readonly Case[] = [
  {
    name: 'no service request',
    frame: { ...good, serviceRequests: [] },
    rule: RULES.FRAME_SERVICE_REQUEST_COUNT,
    location: '/RCMR_IN200002FI01/controlActProcess/reasonCode',
  },
  {
    name: 'two service requests',
    frame: {
      ...good,
      serviceRequests: [...good.serviceRequests, { code: 'SP1', codeSystem: '1.2.246.537.6.1503.201601' }],
    },
    rule: RULES.FRAME_SERVICE_REQUEST_COUNT,
    location: '/RCMR_IN200002FI01/controlActProcess/reasonCode',
  },
  {
    name: 'an unknown service request',
    frame: { ...good, serviceRequests: [{ code: 'SP99', codeSystem: '1.2.246.537.6.1503.201601' }] },
    rule: RULES.FRAME_SERVICE_REQUEST_UNKNOWN,
    location: '/RCMR_IN200002FI01/controlActProcess/reasonCode/@code',
  },
  {
    name: 'no message id',
    frame: { ...good, messageId: undefined },
    rule: RULES.FRAME_REQUIRED_MISSING,
    location: '/RCMR_IN200002FI01/id/@root',
  },
  {
    name: 'no document copy',
    frame: { ...good, document: undefined },
    rule: RULES.FRAME_REQUIRED_MISSING,
    location: DOC,
  },
  {
    name: 'no setId in the copy',
    frame: { ...good, document: { ...good.document, setId: undefined } },
    rule: RULES.FRAME_REQUIRED_MISSING,
    location: `${DOC}/setId/@root`,
  },
  {
    name: 'no text element',
    frame: { ...good, document: { ...good.document, text: undefined, textMediaType: undefined } },
    rule: RULES.FRAME_REQUIRED_MISSING,
    location: `${DOC}/text`,
  },
  {
    name: 'a text of another media type',
    frame: { ...good, document: { ...good.document, textMediaType: 'text/xml' } },
    rule: RULES.FRAME_MIME_INVALID,
    location: `${DOC}/text/@mediaType`,
  },
  {
    name: 'a non-integer version',
    frame: { ...good, document: { ...good.document, versionNumber: Number.NaN } },
    rule: RULES.FRAME_VALUE_INVALID,
    location: `${DOC}/versionNumber/@value`,
  },
  {
    name: 'an unknown statusCode',
    frame: { ...good, document: { ...good.document, statusCode: 'active' } },
    rule: RULES.FRAME_VALUE_INVALID,
    location: `${DOC}/statusCode/@code`,
  },
];

describe('validateFrame', () => {
  it('accepts both frames, each carrying its MIME package', () => {
    expect(validateFrame(good, operations)).toEqual([]);
    expect(validateFrame(relationshipFrame, operations)).toEqual([]);
  });

  it("reports a sending engine's unfilled placeholder (elements, no text) as an empty MIME package", () => {
    const placeholder = own.planFrame.replace(
      /(<text mediaType="multipart\/related">)[^<]*(<\/text>)/,
      '$1<mimeEncode><placeholder/></mimeEncode>$2',
    );
    expect(placeholder).not.toBe(own.planFrame);
    expect(validateFrame(frameOf(placeholder), operations).map((v) => v.rule)).toEqual([
      RULES.FRAME_MIME_INVALID,
    ]);
  });

  it.each(FRAME_REFUSALS)('refuses $name', ({ frame, rule, location }) => {
    expect(validateFrame(frame, operations).map((v) => [v.rule.code, v.location])).toEqual([
      [rule.code, location],
    ]);
  });

  it('does not require a document copy of a query', () => {
    const query: ArchiveFrame = {
      ...good,
      rootName: 'RCMR_IN100001FI01',
      interactionId: 'RCMR_IN100001FI01',
      serviceRequests: [{ code: 'SP32', codeSystem: '1.2.246.537.6.1503.201601' }],
      document: undefined,
    };
    expect(validateFrame(query, operations)).toEqual([]);
  });
});

describe('validateFrameAgainstDocument', () => {
  const sp17 = operations.resolve('RCMR_IN200002FI01', 'SP17');
  const sp1 = operations.resolve('RCMR_IN200002FI01', 'SP1');

  it('accepts both frames with their own documents', () => {
    expect(validateFrameAgainstDocument(good, plan, sp17)).toEqual([]);
    expect(validateFrameAgainstDocument(relationshipFrame, relationship, sp1)).toEqual([]);
  });

  it.skipIf(!KANTA_SAMPLES.available)('accepts both real frames with their own documents', () => {
    const real = realFrames();
    expect(validateFrameAgainstDocument(real.real, real.plan, sp17)).toEqual([]);
    expect(validateFrameAgainstDocument(real.relationshipFrame, real.relationship, sp1)).toEqual([]);
  });

  it.each<Case>([
    {
      name: 'another document id',
      frame: { ...good, document: { ...good.document, id: '1.2.3' } },
      rule: RULES.FRAME_DOCUMENT_ID_MISMATCH,
      location: `${DOC}/id/@root`,
    },
    {
      name: 'another setId',
      frame: { ...good, document: { ...good.document, setId: '1.2.3' } },
      rule: RULES.FRAME_SETID_MISMATCH,
      location: `${DOC}/setId/@root`,
    },
    {
      name: 'another version',
      frame: { ...good, document: { ...good.document, versionNumber: 2 } },
      rule: RULES.FRAME_VERSION_MISMATCH,
      location: `${DOC}/versionNumber/@value`,
    },
    {
      name: 'another client',
      frame: { ...good, document: { ...good.document, hetu: '010181-900C' } },
      rule: RULES.FRAME_CLIENT_MISMATCH,
      location: `${DOC}/recordTarget/patient/id[@root="1.2.246.21"]/@extension`,
    },
    {
      name: 'another custodian',
      frame: { ...good, document: { ...good.document, custodianOid: '1.2.246.10.1' } },
      rule: RULES.FRAME_CUSTODIAN_MISMATCH,
      location: `${DOC}/custodian/assignedCustodian/representedOrganization/id/@root`,
    },
  ])('refuses $name', ({ frame, rule, location }) => {
    expect(validateFrameAgainstDocument(frame, plan, sp17).map((v) => [v.rule.code, v.location])).toEqual([
      [rule.code, location],
    ]);
  });

  it.each([
    { name: 'a client document sent as SP1', doc: plan, op: sp1 },
    { name: 'a client-relationship document sent as SP17', doc: relationship, op: sp17 },
  ])('refuses $name with FRAME_DOCUMENT_GROUP_MISMATCH', ({ doc, op }) => {
    const found = validateFrameAgainstDocument({ ...good, document: undefined }, doc, op);
    expect(found.map((v) => [v.rule.code, v.location])).toEqual([
      [
        'FRAME_DOCUMENT_GROUP_MISMATCH',
        '/ClinicalDocument/hl7fi:localSocialHeader/hl7fi:documentGroup/@code',
      ],
    ]);
  });
});
