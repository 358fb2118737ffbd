import { describe, expect, it } from 'vitest';
import { isKantaSimError } from '../../server/errors.js';
import { RULES } from '../../server/rules/catalogue.js';
import { violation } from '../../server/rules/rule.js';
import {
  buildAcknowledgement,
  parseAcknowledgement,
  RULE_CODE_SYSTEM,
} from '../../server/wire/acknowledgement.js';
import { openEnvelope } from '../../server/wire/envelope.js';
import { dom } from '../support/kanta-samples.js';

const base = {
  messageId: { root: '1.2.246.556.18007.2', extension: '7' },
  creationTime: new Date('2026-03-23T08:54:30Z'),
  targetMessageId: { root: '1.2.246.10.2012566.10.40', extension: '10036249903' },
  receiverOid: '1.2.246.10.2012566.10.40',
};

describe.each(['bare', 'soap11', 'soap12'] as const)('acknowledgement in %s style', (style) => {
  it('AA without details round-trips', () => {
    const xml = buildAcknowledgement({ ...base, style, typeCode: 'AA', violations: [] });
    const opened = openEnvelope(dom(xml));
    expect(opened.ok && opened.style).toBe(style);
    const ack = parseAcknowledgement(xml);
    expect(ack).toEqual({
      style,
      typeCode: 'AA',
      messageId: base.messageId,
      targetMessageId: base.targetMessageId,
      details: [],
    });
    expect(xml).toContain('<interactionId root="2.16.840.1.113883.1.6" extension="MCCI_IN000002UV01"/>');
    expect(xml).toContain('<acceptAckCode code="NE"/>');
  });

  it('AE with one detail per violation round-trips code, text and location', () => {
    const xml = buildAcknowledgement({
      ...base,
      style,
      typeCode: 'AE',
      violations: [
        violation(
          RULES.CDA_HETU_INVALID,
          '/ClinicalDocument/recordTarget/patientRole/id/@extension',
          'check character is X, expected C',
        ),
        violation(
          RULES.CDA_CODE_UNKNOWN,
          '/ClinicalDocument/hl7fi:localSocialHeader/hl7fi:functionCode/@code',
        ),
      ],
    });
    const ack = parseAcknowledgement(xml);
    expect(ack.typeCode).toBe('AE');
    expect(ack.details).toEqual([
      {
        typeCode: 'E',
        code: 'CDA_HETU_INVALID',
        codeSystem: RULE_CODE_SYSTEM,
        text: `fi: ${RULES.CDA_HETU_INVALID.fi} | en: ${RULES.CDA_HETU_INVALID.en} | detail: check character is X, expected C`,
        location: '/ClinicalDocument/recordTarget/patientRole/id/@extension',
      },
      {
        typeCode: 'E',
        code: 'CDA_CODE_UNKNOWN',
        codeSystem: RULE_CODE_SYSTEM,
        text: `fi: ${RULES.CDA_CODE_UNKNOWN.fi} | en: ${RULES.CDA_CODE_UNKNOWN.en}`,
        location: '/ClinicalDocument/hl7fi:localSocialHeader/hl7fi:functionCode/@code',
      },
    ]);
  });

  it('AR for an unreadable request names no target and no receiver', () => {
    const xml = buildAcknowledgement({
      style,
      typeCode: 'AR',
      messageId: base.messageId,
      creationTime: base.creationTime,
      violations: [violation(RULES.WIRE_XML_MALFORMED, '/', 'unexpected end of input')],
    });
    expect(xml).toContain('<id nullFlavor="UNK"/>');
    const ack = parseAcknowledgement(xml);
    expect(ack.typeCode).toBe('AR');
    expect(ack.targetMessageId).toBeUndefined();
    expect(ack.details.map((d) => d.code)).toEqual(['WIRE_XML_MALFORMED']);
  });
});

describe('acknowledgement details', () => {
  it('escapes & < > " in details and locations and returns them intact', () => {
    const nasty = `a & b < c > d "e" 'f'`;
    const xml = buildAcknowledgement({
      ...base,
      style: 'bare',
      typeCode: 'AE',
      violations: [violation(RULES.CDA_VALUE_INVALID, `/x[@a="1" and @b<2]`, nasty)],
    });
    expect(xml).not.toContain(nasty);
    const [d] = parseAcknowledgement(xml).details;
    expect(d?.text?.endsWith(`detail: ${nasty}`)).toBe(true);
    expect(d?.location).toBe(`/x[@a="1" and @b<2]`);
  });

  it('marks warnings of an AA with typeCode W', () => {
    const xml = buildAcknowledgement({
      ...base,
      style: 'bare',
      typeCode: 'AA',
      violations: [],
      warnings: [violation(RULES.SIG_CERT_UNTRUSTED_ACCEPTED, '/ClinicalDocument')],
    });
    expect(parseAcknowledgement(xml).details).toMatchObject([
      { typeCode: 'W', code: 'SIG_CERT_UNTRUSTED_ACCEPTED' },
    ]);
  });

  it.each([
    { name: 'malformed XML', xml: '<MCCI_IN000002UV01' },
    { name: 'a message without acknowledgement', xml: '<MCCI_IN000002UV01 xmlns="urn:hl7-org:v3"/>' },
    { name: 'a DOCTYPE', xml: '<!DOCTYPE x [<!ENTITY a "b">]><x/>' },
  ])('parseAcknowledgement refuses $name with BAD_REQUEST', ({ xml }) => {
    try {
      parseAcknowledgement(xml);
      expect.unreachable();
    } catch (e) {
      expect(isKantaSimError(e) && e.code).toBe('BAD_REQUEST');
    }
  });
});
