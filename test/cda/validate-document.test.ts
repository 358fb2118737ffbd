import { describe, expect, it } from 'vitest';
import type { SocialDocument } from '../../server/cda/social-document.js';
import { loadCodeLists } from '../../server/codes/code-lists.js';
import { RULES } from '../../server/rules/catalogue.js';
import type { RuleDefinition } from '../../server/rules/rule.js';
import { validateDocument } from '../../server/cda/validate-document.js';
import { KANTA_SAMPLES, SAMPLE, sampleDocument } from '../support/kanta-samples.js';
import { ownDocuments } from '../support/own-documents.js';

const codes = loadCodeLists();
const opts = { testIdentityGuardrail: true };
const plan = ownDocuments().planDocument;
const relationship = ownDocuments().relationshipDocument;
const LSH = '/ClinicalDocument/hl7fi:localSocialHeader';

const withHeader = (d: SocialDocument, h: Partial<SocialDocument['header']>): SocialDocument => ({
  ...d,
  header: { ...d.header, ...h },
});
const without = <K extends keyof SocialDocument['header']>(d: SocialDocument, key: K): SocialDocument => {
  const header = { ...d.header };
  delete header[key];
  return { ...d, header };
};

describe('validateDocument on the own documents', () => {
  it.each([
    ['the client plan', plan],
    ['the client-relationship document', relationship],
  ])('%s passes', (_name, doc) => {
    expect(validateDocument(doc, codes, opts)).toEqual([]);
  });
});

describe.skipIf(!KANTA_SAMPLES.available)('validateDocument on the real documents', () => {
  it.each([SAMPLE.planPublished, SAMPLE.planSigned, SAMPLE.relationshipPublished, SAMPLE.relationshipSigned])(
    '%s passes',
    (name) => {
      expect(validateDocument(sampleDocument(name), codes, opts)).toEqual([]);
    },
  );
});

interface Case {
  readonly name: string;
  readonly doc: SocialDocument;
  readonly rule: RuleDefinition;
  readonly location: string;
  readonly detail?: string;
}

const cases: Case[] = [
  {
    name: 'service task missing from a client document',
    doc: without(plan, 'palvelutehtava'),
    rule: RULES.CDA_REQUIRED_MISSING,
    location: `${LSH}/hl7fi:functionCode/@code`,
  },
  {
    name: 'document group missing',
    doc: without(relationship, 'documentGroup'),
    rule: RULES.CDA_REQUIRED_MISSING,
    location: `${LSH}/hl7fi:documentGroup/@code`,
  },
  {
    name: 'general document type missing from a client document',
    doc: { ...plan, code: undefined } as SocialDocument,
    rule: RULES.CDA_REQUIRED_MISSING,
    location: '/ClinicalDocument/code/@code',
  },
  {
    name: 'effectiveTime missing',
    doc: { ...plan, effectiveTime: undefined } as SocialDocument,
    rule: RULES.CDA_REQUIRED_MISSING,
    location: '/ClinicalDocument/effectiveTime/@value',
  },
  {
    name: 'an unknown service task',
    doc: withHeader(plan, { palvelutehtava: { code: '999', codeSystem: '1.2.246.537.6.1221.201601' } }),
    rule: RULES.CDA_CODE_UNKNOWN,
    location: `${LSH}/hl7fi:functionCode/@code`,
    detail: '"999" is not in 1.2.246.537.6.1221.201601',
  },
  {
    name: 'a service task in the social-service code system',
    doc: withHeader(plan, { palvelutehtava: { code: '24', codeSystem: '1.2.246.537.6.1222.201601' } }),
    rule: RULES.CDA_CODE_SYSTEM_MISMATCH,
    location: `${LSH}/hl7fi:functionCode/@code`,
    detail: 'expected 1.2.246.537.6.1221.201601',
  },
  {
    name: 'a process phase without code system',
    doc: withHeader(plan, { prosessivaihe: { code: '3' } }),
    rule: RULES.CDA_CODE_SYSTEM_MISMATCH,
    location: `${LSH}/hl7fi:serviceProcess/hl7fi:code/@code`,
  },
  {
    name: 'an unknown specific document type',
    doc: withHeader(plan, {
      specificDocumentType: { code: '15999', codeSystem: '1.2.246.537.6.1506.201701' },
    }),
    rule: RULES.CDA_CODE_UNKNOWN,
    location: `${LSH}/hl7fi:specificDocumentType/@code`,
  },
  {
    name: 'an unknown signer authentication method',
    doc: withHeader(plan, {
      signers: [
        {
          registrationNumber: '1',
          authenticationMethod: { code: '9', codeSystem: '1.2.246.537.5.40128.2006' },
        },
      ],
    }),
    rule: RULES.CDA_CODE_UNKNOWN,
    location: `${LSH}/hl7fi:signature/hl7fi:authenticationMethod/@code`,
  },
  {
    name: 'an unknown gender',
    doc: { ...plan, client: { ...plan.client, gender: { code: '7', codeSystem: '1.2.246.537.5.1.1997' } } },
    rule: RULES.CDA_CODE_UNKNOWN,
    location: '/ClinicalDocument/recordTarget/patientRole/patient/administrativeGenderCode/@code',
  },
  {
    name: 'a case OID with a leading-zero arc',
    doc: { ...plan, caseInfo: { ...plan.caseInfo, caseId: '1.2.246.10.2012566.95.2026.0778465.646' } },
    rule: RULES.CDA_OID_INVALID,
    location: '/ClinicalDocument/componentOf/encompassingEncounter/id/@root',
  },
  {
    name: 'a custodian that is no OID',
    doc: { ...plan, custodian: { oid: 'Helsinki' } },
    rule: RULES.CDA_OID_INVALID,
    location: '/ClinicalDocument/custodian/assignedCustodian/representedCustodianOrganization/id/@root',
  },
  {
    name: 'a bad hetu check character',
    doc: { ...plan, client: { ...plan.client, hetu: '180418A903M' } },
    rule: RULES.CDA_HETU_INVALID,
    location: '/ClinicalDocument/recordTarget/patientRole/id[@root="1.2.246.21"]/@extension',
    detail: 'expected L',
  },
  {
    name: 'a real (non-test) identity',
    doc: { ...plan, client: { ...plan.client, hetu: '010181-123A', birthTime: '19810101' } },
    rule: RULES.CDA_HETU_NOT_TEST_IDENTITY,
    location: '/ClinicalDocument/recordTarget/patientRole/id[@root="1.2.246.21"]/@extension',
    detail: '123',
  },
  {
    name: 'a birthTime that contradicts the hetu',
    doc: { ...plan, client: { ...plan.client, birthTime: '20180419' } },
    rule: RULES.CDA_VALUE_INVALID,
    location: '/ClinicalDocument/recordTarget/patientRole/patient/birthTime/@value',
  },
  {
    name: 'a creationTime that is no HL7 timestamp',
    doc: withHeader(plan, { creationTime: '2026-03-23T10:54:24' }),
    rule: RULES.CDA_VALUE_INVALID,
    location: `${LSH}/hl7fi:creationTime/@value`,
  },
  {
    name: 'version 1 with a setId other than the id',
    doc: { ...plan, setId: '1.2.246.10.2012566.95.2026.688883.1' },
    rule: RULES.CDA_SETID_FIRST_VERSION,
    location: '/ClinicalDocument/setId/@root',
  },
  {
    name: 'version 0',
    doc: { ...plan, versionNumber: 0 },
    rule: RULES.CDA_VALUE_INVALID,
    location: '/ClinicalDocument/versionNumber/@value',
  },
  {
    name: 'version 2 without relatedDocument',
    doc: { ...plan, id: '1.2.246.10.2012566.95.2026.688883.2655275', versionNumber: 2 },
    rule: RULES.CDA_REQUIRED_MISSING,
    location: '/ClinicalDocument/relatedDocument[@typeCode="RPLC"]/parentDocument/id/@root',
  },
  {
    name: 'version 2 reusing the first id',
    doc: { ...plan, versionNumber: 2, replaces: { typeCode: 'RPLC', parentId: plan.id } },
    rule: RULES.CDA_VALUE_INVALID,
    location: '/ClinicalDocument/id/@root',
  },
];

describe('validateDocument rules', () => {
  it.each(cases)('refuses $name', ({ doc, rule, location, detail }) => {
    const found = validateDocument(doc, codes, opts);
    expect(found.map((v) => [v.rule.code, v.location])).toEqual([[rule.code, location]]);
    if (detail !== undefined) {
      expect(found[0]?.detail).toContain(detail);
    }
  });

  it('reports a bad document OID at both id and setId', () => {
    const bad = '1.2.246.10.2012566.95.2026.0688';
    const found = validateDocument({ ...plan, id: bad, setId: bad }, codes, opts);
    expect(found.map((v) => [v.rule.code, v.location])).toEqual([
      ['CDA_OID_INVALID', '/ClinicalDocument/id/@root'],
      ['CDA_OID_INVALID', '/ClinicalDocument/setId/@root'],
    ]);
  });

  it('accepts a correct new version (the passing twin of the version rules)', () => {
    const v2: SocialDocument = {
      ...plan,
      id: '1.2.246.10.2012566.95.2026.688883.2655275',
      versionNumber: 2,
      replaces: { typeCode: 'RPLC', parentId: plan.id },
    };
    expect(validateDocument(v2, codes, opts)).toEqual([]);
  });

  it('accepts a real identity when the test-identity guardrail is off', () => {
    const real: SocialDocument = {
      ...plan,
      client: { ...plan.client, hetu: '010181-123A', birthTime: '19810101' },
    };
    expect(validateDocument(real, codes, { testIdentityGuardrail: false })).toEqual([]);
  });

  it('requires no document type or service task of the client-relationship document', () => {
    expect(relationship.code).toBeUndefined();
    expect(relationship.header.palvelutehtava).toBeUndefined();
    expect(validateDocument(relationship, codes, opts)).toEqual([]);
  });

  it('has no opinion on code systems without a loaded list', () => {
    const none = loadCodeLists([]);
    const doc = withHeader(plan, {
      palvelutehtava: { code: '999', codeSystem: '1.2.246.537.6.1221.201601' },
    });
    expect(validateDocument(doc, none, opts)).toEqual([]);
  });

  it('reports every problem at once', () => {
    const doc: SocialDocument = {
      ...withHeader(plan, { palvelutehtava: { code: '999', codeSystem: '1.2.246.537.6.1221.201601' } }),
      client: { ...plan.client, hetu: 'x' },
    };
    expect(validateDocument(doc, codes, opts).map((v) => v.rule.code)).toEqual([
      'CDA_CODE_UNKNOWN',
      'CDA_HETU_INVALID',
    ]);
  });
});
