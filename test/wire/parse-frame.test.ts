import { describe, expect, it } from 'vitest';
import { parseFrame } from '../../server/wire/parse-frame.js';
import { NS } from '../../server/xml/dom.js';
import { dom, KANTA_SAMPLES, SAMPLE, sampleText } from '../support/kanta-samples.js';

const frameOf = (xml: string) => parseFrame(dom(xml).documentElement!);

describe.skipIf(!KANTA_SAMPLES.available)('parseFrame on the real frames', () => {
  it('reads the SP17 client plan frame', () => {
    const f = frameOf(sampleText(SAMPLE.frameSP17));
    expect(f.rootName).toBe('RCMR_IN200002FI01');
    expect(f.messageId).toEqual({ root: '1.2.246.10.27489432.10.0', extension: '10036249903' });
    expect(f.creationTime).toBe('20260323105430+0200');
    expect(f.interactionId).toBe('RCMR_IN200002FI01');
    expect(f.processingCode).toBe('D');
    expect(f.receiverOid).toBe('1.2.246.556.18007.2');
    expect(f.senderOid).toBe('1.2.246.10.2012566.10.40');
    expect(f.serviceRequests.map((r) => r.code)).toEqual(['SP17']);
    expect(f.useSituation?.code).toBe('1');
    expect(f.performer).toMatchObject({
      typeCode: 'AUT',
      id: '080779-998C',
      name: 'Angelica Johansson',
      organisationOid: '1.2.246.10.2012566.10.40',
    });
    expect(f.document).toMatchObject({
      id: '1.2.246.10.2012566.95.2026.688883.2655274',
      setId: '1.2.246.10.2012566.95.2026.688883.2655274',
      versionNumber: 1,
      statusCode: 'COMPLETED',
      hetu: '180418A903L',
      custodianOid: '1.2.246.10.2012566.10.40',
      textMediaType: 'multipart/related',
      // The sending engine's placeholder (<mimeEncode>) is elements, not text.
      text: '',
    });
  });

  it('reads the SP1 client-relationship frame', () => {
    const f = frameOf(sampleText(SAMPLE.frameSP1));
    expect(f.serviceRequests.map((r) => r.code)).toEqual(['SP1']);
    expect(f.senderOid).toBe('1.2.246.10.32213561.10.0');
    expect(f.performer?.typeCode).toBe('PRF');
    expect(f.document?.hetu).toBe('200111A904P');
    expect(f.document?.custodianOid).toBe('1.2.246.10.32213561.10.0');
    expect(f.document?.confidentialityCode).toBeUndefined();
  });
});

describe('parseFrame tolerance', () => {
  it('turns missing parts into undefined', () => {
    const f = frameOf(`<RCMR_IN200002FI01 xmlns="${NS.HL7}"/>`);
    expect(f).toEqual({ rootName: 'RCMR_IN200002FI01', serviceRequests: [] });
  });

  it('collects service requests by code system only, and reads the text of a CDATA section', () => {
    const f = frameOf(`<RCMR_IN200002FI01 xmlns="${NS.HL7}"><controlActProcess>
      <reasonCode code="SP1" codeSystem="1.2.246.537.6.1503.201601"/>
      <reasonCode code="SP17" codeSystem="1.2.246.537.6.1503.201601"/>
      <reasonCode code="SP9"/>
      <subject><clinicalDocument><versionNumber value="x1"/><text mediaType="multipart/related"><![CDATA[MIME <here>]]></text></clinicalDocument></subject>
    </controlActProcess></RCMR_IN200002FI01>`);
    expect(f.serviceRequests.map((r) => r.code)).toEqual(['SP1', 'SP17']);
    expect(f.useSituation).toBeUndefined();
    expect(f.document?.versionNumber).toBeNaN();
    expect(f.document?.text).toBe('MIME <here>');
  });
});
