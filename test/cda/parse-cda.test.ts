import { describe, expect, it } from 'vitest';
import { parseCda } from '../../server/cda/parse-cda.js';
import { RULES } from '../../server/rules/catalogue.js';
import { dom, KANTA_SAMPLES, SAMPLE, sampleDocument, sampleText } from '../support/kanta-samples.js';

describe.skipIf(!KANTA_SAMPLES.available)('parseCda on the real documents', () => {
  it.each([SAMPLE.planPublished, SAMPLE.planSigned])('reads the client plan (%s)', (name) => {
    const d = sampleDocument(name);
    expect(d).toMatchObject({
      id: '1.2.246.10.2012566.95.2026.688883.2655274',
      setId: '1.2.246.10.2012566.95.2026.688883.2655274',
      versionNumber: 1,
      code: { code: '15', codeSystem: '1.2.246.537.6.1506.201701', displayName: 'Suunnitelma' },
      languageCode: 'FI',
      client: {
        hetu: '180418A903L',
        given: ['Kanta-Hakuat'],
        family: 'Sosh-Aik',
        birthTime: '20180418',
        gender: { code: '1' },
      },
      author: { id: '25104559650', idRoot: '1.2.246.537.26', name: 'Angelica Johansson' },
      custodian: { oid: '1.2.246.10.2012566.10.40', name: 'Helsingin sosiaali- ja terveystoimi' },
      consent: { code: '1', codeSystem: '1.2.246.537.6.1286.201901' },
      caseInfo: {
        // <id root="…" nullFlavor="NA"/>: the root is read.
        caseId: '1.2.246.10.2012566.95.2026.778465.646',
        responsibleOrganisation: { oid: '1.2.246.10.2012566.10.40' },
        serviceUnit: { oid: '1.2.246.10.2012566.10.40006775' },
      },
      bodyId: 'OID1.2.246.10.2012566.95.2026.688883.2655274',
    });
    expect(d.header).toMatchObject({
      specificDocumentType: { code: '15007' },
      documentGroup: { code: '5' },
      palvelutehtava: {
        code: '24',
        codeSystem: '1.2.246.537.6.1221.201601',
        displayName: 'Lapsiperheiden palvelut',
      },
      prosessivaihe: { code: '3', displayName: 'Asiakkuuden suunnittelu' },
      outsourcingServiceCustomer: {
        oid: '1.2.246.10.2012566.10.40',
        name: 'Helsingin sosiaali- ja terveystoimi',
      },
      softwareSupport: { moderator: 'Epic Systems Corporation', product: 'Apotti', version: '11.7.0' },
      contentSpecificationId: '1.2.246.537.6.1506.15007.2024.11.28',
      authorizationRestrictionArgument: 'Viivästys 1',
      inaccessibleArgument: { code: '1' },
      signers: [
        {
          registrationNumber: '25104559650',
          name: 'Angelica Johansson',
          authenticationMethod: { code: '1' },
          time: '20260323105425+0200',
        },
      ],
    });
    // The header signers are hl7fi:signature children of the header, not the two signatureCollection entries.
    expect(d.header.signers).toHaveLength(1);
    expect(d.replaces).toBeUndefined();
    expect(d.header.reasonOfCorrection).toBeUndefined();
  });

  it.each([SAMPLE.relationshipPublished, SAMPLE.relationshipSigned])(
    'reads the client-relationship document (%s)',
    (name) => {
      const d = sampleDocument(name);
      expect(d.code).toBeUndefined(); // <code nullFlavor="NA"/>
      expect(d.author).toBeUndefined(); // <id nullFlavor="NA"/>, no name
      expect(d.client.hetu).toBe('200111A904P');
      expect(d.custodian).toEqual({
        oid: '1.2.246.10.32213561.10.0',
        name: 'Vantaan ja Keravan hyvinvointialue',
      });
      expect(d.caseInfo).toEqual({
        serviceUnit: {
          oid: '1.2.246.10.1246109.10.2001213',
          name: 'Lapsiperheiden palvelutarpeen arviointi, Vantaan ja Keravan hyvinvointialue',
        },
      });
      expect(d.header.documentGroup?.code).toBe('1');
      expect(d.header.encompassingClientRelationship).toBe('1.2.246.10.32213561.95777.2026.698084.281');
      expect(d.header.signers).toEqual([]);
    },
  );

  it('gives the same document for the published and the signed form', () => {
    expect(sampleDocument(SAMPLE.planPublished)).toEqual(sampleDocument(SAMPLE.planSigned));
    expect(sampleDocument(SAMPLE.relationshipPublished)).toEqual(sampleDocument(SAMPLE.relationshipSigned));
  });
});

/** A minimal CDA with the identity fields; `omit` drops one of them, `extra` adds header content. */
function cda(
  o: { omit?: string; version?: string; extra?: string; header?: string; root?: string } = {},
): string {
  const part = (key: string, xml: string): string => (o.omit === key ? '' : xml);
  const open = o.root ?? '<ClinicalDocument xmlns="urn:hl7-org:v3">';
  return `${open}
    ${part('id', '<id root="1.2.246.10.1.95.2026.1.1"/>')}
    ${part('setId', '<setId root="1.2.246.10.1.95.2026.1.1"/>')}
    ${part('version', `<versionNumber value="${o.version ?? '1'}"/>`)}
    <recordTarget><patientRole>${part('hetu', '<id root="1.2.246.21" extension="010181-900C"/>')}</patientRole></recordTarget>
    <custodian><assignedCustodian><representedCustodianOrganization>${part('custodian', '<id root="1.2.246.10.1"/>')}</representedCustodianOrganization></assignedCustodian></custodian>
    ${o.extra ?? ''}
    ${o.header ?? ''}
  </ClinicalDocument>`;
}

describe('parseCda refusals', () => {
  it('accepts the minimal document', () => {
    const r = parseCda(dom(cda()));
    expect(r.ok && r.document.header).toEqual({ signers: [] });
  });

  it.each([
    { field: 'id', location: '/ClinicalDocument/id/@root' },
    { field: 'setId', location: '/ClinicalDocument/setId/@root' },
    { field: 'version', location: '/ClinicalDocument/versionNumber/@value' },
    {
      field: 'hetu',
      location: '/ClinicalDocument/recordTarget/patientRole/id[@root="1.2.246.21"]/@extension',
    },
    {
      field: 'custodian',
      location: '/ClinicalDocument/custodian/assignedCustodian/representedCustodianOrganization/id/@root',
    },
  ])('refuses a document without $field (CDA_REQUIRED_MISSING)', ({ field, location }) => {
    const r = parseCda(dom(cda({ omit: field })));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.violations.map((v) => [v.rule, v.location])).toEqual([
      [RULES.CDA_REQUIRED_MISSING, location],
    ]);
  });

  it('refuses a non-integer versionNumber with CDA_VALUE_INVALID', () => {
    const r = parseCda(dom(cda({ version: 'one' })));
    expect(!r.ok && r.violations.map((v) => v.rule)).toEqual([RULES.CDA_VALUE_INVALID]);
  });

  it.each([
    { name: 'a root in no namespace', xml: '<ClinicalDocument/>' },
    { name: 'another root element', xml: '<RCMR_IN200002FI01 xmlns="urn:hl7-org:v3"/>' },
    {
      name: 'a root in the wrong namespace',
      xml: cda({ root: '<ClinicalDocument xmlns="urn:hl7finland">' }),
    },
  ])('refuses $name with CDA_MALFORMED', ({ xml }) => {
    const r = parseCda(dom(xml));
    expect(!r.ok && r.violations.map((v) => v.rule)).toEqual([RULES.CDA_MALFORMED]);
  });
});

describe('parseCda new versions and prefixes', () => {
  it('reads relatedDocument RPLC and reasonOfCorrection, whatever prefix urn:hl7finland has', () => {
    const r = parseCda(
      dom(
        cda({
          extra:
            '<relatedDocument typeCode="RPLC"><parentDocument><id root="1.2.246.10.1.95.2026.1.0"/></parentDocument></relatedDocument>',
          header: `<localSocialHeader xmlns="urn:hl7finland"><reasonOfCorrection code="2" codeSystem="1.2.3"/>
            <functionCode code="24" codeSystem="1.2.246.537.6.1221.201601"/></localSocialHeader>`,
        }),
      ),
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.document.replaces).toEqual({ typeCode: 'RPLC', parentId: '1.2.246.10.1.95.2026.1.0' });
      expect(r.document.header.reasonOfCorrection).toEqual({ code: '2', codeSystem: '1.2.3' });
      expect(r.document.header.palvelutehtava?.code).toBe('24');
    }
  });

  it('ignores a localSocialHeader in the wrong namespace', () => {
    const r = parseCda(
      dom(cda({ header: '<localSocialHeader><functionCode code="24"/></localSocialHeader>' })),
    );
    expect(r.ok && r.document.header.palvelutehtava).toBeUndefined();
  });

  it.skipIf(!KANTA_SAMPLES.available)(
    'reads the published sample text unchanged (comments inside elements)',
    () => {
      expect(sampleText(SAMPLE.planPublished)).toContain('<!--');
      expect(sampleDocument(SAMPLE.planPublished).header.contentSpecificationId).toBe(
        '1.2.246.537.6.1506.15007.2024.11.28',
      );
    },
  );
});
