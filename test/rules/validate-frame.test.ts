import { describe, expect, it } from 'vitest';
import { loadOperationTable } from '../../server/codes/operations.js';
import { RULES } from '../../server/rules/catalogue.js';
import type { RuleDefinition } from '../../server/rules/rule.js';
import {
  checkWrapper,
  validateFrame,
  validateFrameAgainstDocument,
} from '../../server/rules/validate-frame.js';
import type { ArchiveFrame } from '../../server/wire/archive-frame.js';
import { parseFrame } from '../../server/wire/parse-frame.js';
import { dom, SAMPLE, sampleDocument, sampleText } from '../support/kanta-samples.js';

const operations = loadOperationTable();
const real = parseFrame(dom(sampleText(SAMPLE.frameSP17)).documentElement!);
/** The real SP17 frame with a MIME package in place of the engine's placeholder. */
const good: ArchiveFrame = { ...real, document: { ...real.document, text: 'MIME-Version: 1.0' } };
const relationshipFrame = parseFrame(dom(sampleText(SAMPLE.frameSP1)).documentElement!);
const plan = sampleDocument(SAMPLE.planSigned);
const relationship = sampleDocument(SAMPLE.relationshipSigned);
const DOC = '/RCMR_IN200002FI01/controlActProcess/subject/clinicalDocument';
const tls = { tlsOrganisationOids: ['1.2.246.10.2012566'], operations };

interface Case {
  readonly name: string;
  readonly frame: ArchiveFrame;
  readonly rule: RuleDefinition;
  readonly location: string;
}

describe('checkWrapper', () => {
  it('accepts the real frame from its own organisation', () => {
    expect(checkWrapper(real, tls)).toEqual([]);
    expect(checkWrapper(real, { ...tls, tlsOrganisationOids: ['1.2.246.10.2012566.10.40'] })).toEqual([]);
  });

  it('skips the sender check when no TLS identity is given', () => {
    expect(checkWrapper({ ...real, senderOid: '1.2.3' }, { ...tls, tlsOrganisationOids: [] })).toEqual([]);
  });

  it.each<Case>([
    {
      name: 'an unknown interaction',
      frame: { ...real, interactionId: 'QUQI_IN000001UV01' },
      rule: RULES.FRAME_INTERACTION_UNKNOWN,
      location: '/RCMR_IN200002FI01/interactionId/@extension',
    },
    {
      name: 'an interactionId that does not name the root',
      frame: { ...real, rootName: 'RCMR_IN100001FI01' },
      rule: RULES.FRAME_INTERACTION_UNKNOWN,
      location: '/RCMR_IN100001FI01/interactionId/@extension',
    },
    {
      name: 'another receiver',
      frame: { ...real, receiverOid: '1.2.246.556.18007.1' },
      rule: RULES.FRAME_RECEIVER_MISMATCH,
      location: '/RCMR_IN200002FI01/receiver/device/id/@root',
    },
    {
      name: 'a sender of another organisation',
      frame: { ...real, senderOid: '1.2.246.10.20125660.10.40' },
      rule: RULES.FRAME_SENDER_MISMATCH,
      location: '/RCMR_IN200002FI01/sender/device/id/@root',
    },
  ])('refuses $name', ({ frame, rule, location }) => {
    expect(checkWrapper(frame, tls).map((v) => [v.rule.code, v.location])).toEqual([[rule.code, location]]);
    expect(rule.severity).toBe('AR');
  });
});

describe('validateFrame', () => {
  it('accepts both real frames once they carry a MIME package', () => {
    expect(validateFrame(good, operations)).toEqual([]);
    expect(
      validateFrame(
        { ...relationshipFrame, document: { ...relationshipFrame.document, text: 'x' } },
        operations,
      ),
    ).toEqual([]);
  });

  it('reports the sending engine placeholder in the real frame as an empty MIME package', () => {
    expect(validateFrame(real, operations).map((v) => v.rule)).toEqual([RULES.FRAME_MIME_INVALID]);
  });

  it.each<Case>([
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
  ])('refuses $name', ({ frame, rule, location }) => {
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

  it('accepts both real frames with their own documents', () => {
    expect(validateFrameAgainstDocument(real, plan, sp17)).toEqual([]);
    expect(validateFrameAgainstDocument(relationshipFrame, relationship, sp1)).toEqual([]);
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
