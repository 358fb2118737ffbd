import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document, Element } from '@xmldom/xmldom';
import { KantaSimError } from '../../server/errors.js';
import {
  attr,
  childElement,
  childElements,
  descendants,
  NS,
  parseDom,
  pathElement,
  textOf,
} from '../../server/xml/dom.js';
import { birthTimeFromHetu, buildSocialDocumentXml, type DocumentSpec } from '../../server/cda/build-cda.js';
import { createOidSequence, documentOid, isOid } from '../../server/cda/build-ids.js';
import { parseCda, parseSignedContent } from '../../server/cda/parse-cda.js';
import {
  DOCUMENT_KINDS,
  SERVICE_TASKS,
  SOCIAL_SERVICES,
  type DocumentKindKey,
} from '../../server/cda/templates-codes.js';
import type { CaseDocumentInput } from '../../server/cda/templates-common.js';
import {
  assessment,
  clientNote,
  clientPlan,
  decision,
  initiation,
} from '../../server/cda/templates-documents.js';
import { clientRelationshipDocument } from '../../server/cda/templates-relationship.js';
import { KANTA_SAMPLES, SAMPLES_DIR } from '../support/requirements.js';

const HL7 = NS.HL7;
const FI = NS.HL7FI;

const ORGANISER = { oid: '1.2.246.10.12345678.10.0', name: 'Testin hyvinvointialue' };
const UNIT = {
  oid: '1.2.246.10.12345678.10.40001',
  name: 'Lapsiperheiden sosiaaliohjaus, Testin perhekeskus',
};
const PROVIDER_UNIT = { oid: '1.2.246.10.87654321.10.7', name: 'Perhetyö Oy, Keskustan toimipiste' };
const CLIENT = {
  hetu: '180418A903L',
  given: ['Kanta-Hakuat'],
  callName: 'Kanta-Hakuat',
  family: 'Sosh-Aik',
  gender: '1' as const,
};
const AUTHOR = {
  regNo: '25104559650',
  given: 'Sanna',
  family: 'Sosiaalityöntekijä',
  title: 'sosiaaliohjaaja',
};
const DATE = new Date('2026-03-23T08:54:24Z');

function caseInput(id: string): CaseDocumentInput {
  return {
    id,
    caseId: '1.2.246.10.12345678.95.2026.778465.646',
    client: CLIENT,
    organiser: ORGANISER,
    serviceUnit: UNIT,
    author: AUTHOR,
    date: DATE,
  };
}

function handSpec(overrides: Partial<DocumentSpec> = {}): DocumentSpec {
  return {
    id: '1.2.246.10.12345678.95.2026.100.1',
    effectiveTime: DATE,
    client: CLIENT,
    author: AUTHOR,
    custodian: ORGANISER,
    serviceUnit: UNIT,
    caseId: '1.2.246.10.12345678.95.2026.100.2',
    documentKind: 'clientPlan',
    generalDocumentType: { code: '15', displayName: 'Suunnitelma' },
    specificDocumentType: { code: '15007', displayName: 'Lapsiperheiden palvelujen asiakassuunnitelma' },
    documentGroup: '5',
    palvelutehtava: SERVICE_TASKS.lapsiperheidenPalvelut,
    prosessivaihe: { code: '3', displayName: 'Asiakkuuden suunnittelu' },
    software: { moderator: 'Testi Oy', product: 'Asiakastietojärjestelmä', version: '1.0' },
    signers: [{ ...AUTHOR, time: new Date(DATE.getTime() + 1000) }],
    xhtml: '<div xmlns="http://www.w3.org/1999/xhtml"><h1>Ääkköset &amp; muut</h1></div>',
    json: { suunnitelma: { teksti: 'Perhe – väsynyt ☕', luku: 3 } },
    contentSpecificationId: '1.2.246.537.6.1506.15007.2024.11.28',
    ...overrides,
  };
}

function parse(xml: string): Document {
  const r = parseDom(xml);
  if (!r.ok) {
    throw new Error(r.message);
  }
  return r.doc;
}

const root = (doc: Document): Element => doc.documentElement as unknown as Element;
const header = (doc: Document): Element => childElement(root(doc), FI, 'localSocialHeader') as Element;
const body = (doc: Document): Element => pathElement(root(doc), HL7, 'component', 'nonXMLBody') as Element;
const b64 = (s: string | undefined): string => Buffer.from(s ?? '', 'base64').toString('utf8');
const names = (el: Element): string[] => childElements(el).map((c) => c.localName ?? '');

function expectBadRequest(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(KantaSimError);
    expect((e as KantaSimError).code).toBe('BAD_REQUEST');
    return;
  }
  throw new Error('expected a KantaSimError');
}

describe('buildSocialDocumentXml', () => {
  it('writes a compact, well-formed document without comments or declaration', () => {
    const xml = buildSocialDocumentXml(handSpec());
    expect(xml).not.toMatch(/>\s+</);
    expect(xml).not.toContain('<!--');
    expect(xml.startsWith('<ClinicalDocument ')).toBe(true);
    expect(root(parse(xml)).namespaceURI).toBe(HL7);
  });

  it('carries the ids and codes of the spec', () => {
    const doc = parse(buildSocialDocumentXml(handSpec()));
    const r = root(doc);
    expect(attr(childElement(r, HL7, 'id'), 'root')).toBe('1.2.246.10.12345678.95.2026.100.1');
    expect(attr(childElement(r, HL7, 'setId'), 'root')).toBe('1.2.246.10.12345678.95.2026.100.1');
    expect(attr(childElement(r, HL7, 'versionNumber'), 'value')).toBe('1');
    expect(attr(childElement(r, HL7, 'code'), 'code')).toBe('15');
    expect(attr(childElement(r, HL7, 'effectiveTime'), 'value')).toBe('20260323105424+0200');
    expect(attr(pathElement(r, HL7, 'recordTarget', 'patientRole', 'id'), 'extension')).toBe('180418A903L');
    expect(attr(pathElement(r, HL7, 'recordTarget', 'patientRole', 'patient', 'birthTime'), 'value')).toBe(
      '20180418',
    );
    expect(attr(pathElement(r, HL7, 'author', 'assignedAuthor', 'id'), 'extension')).toBe('25104559650');
    expect(
      attr(
        pathElement(r, HL7, 'custodian', 'assignedCustodian', 'representedCustodianOrganization', 'id'),
        'root',
      ),
    ).toBe(ORGANISER.oid);
    const enc = pathElement(r, HL7, 'componentOf', 'encompassingEncounter') as Element;
    expect(attr(childElement(enc, HL7, 'id'), 'root')).toBe('1.2.246.10.12345678.95.2026.100.2');
    const adm = childElement(enc, HL7, 'encounterParticipant');
    expect(attr(adm, 'typeCode')).toBe('ADM');
    expect(
      attr(pathElement(adm as Element, HL7, 'assignedEntity', 'representedOrganization', 'id'), 'root'),
    ).toBe(UNIT.oid);
    const h = header(doc);
    expect(attr(childElement(h, FI, 'specificDocumentType'), 'code')).toBe('15007');
    expect(attr(childElement(h, FI, 'specificDocumentType'), 'codeSystem')).toBe('1.2.246.537.6.1506.201701');
    expect(attr(childElement(h, FI, 'documentGroup'), 'code')).toBe('5');
    expect(attr(childElement(h, FI, 'functionCode'), 'code')).toBe('24');
    expect(attr(pathElement(h, FI, 'serviceProcess', 'code'), 'code')).toBe('3');
    expect(attr(childElement(h, FI, 'outsourcingServiceCustomer'), 'root')).toBe(ORGANISER.oid);
    expect(textOf(pathElement(h, FI, 'signature', 'assignedAuthorSigner'))).toBe('25104559650');
    expect(childElement(h, FI, 'signatureCollection')).toBeUndefined();
    expect(attr(body(doc), 'ID')).toBe('OID1.2.246.10.12345678.95.2026.100.1');
  });

  it('encodes the display and structured forms as Base64 that decodes back', () => {
    const spec = handSpec();
    const doc = parse(buildSocialDocumentXml(spec));
    const text = childElement(body(doc), HL7, 'text') as Element;
    expect(attr(text, 'mediaType')).toBe('application/xhtml+xml');
    expect(attr(text, 'representation')).toBe('B64');
    expect(b64(textOf(text))).toBe(spec.xhtml);
    const json = childElement(body(doc), FI, 'json');
    expect(JSON.parse(b64(textOf(json)))).toEqual(spec.json);
  });

  it('escapes hostile text and attribute values so they read back unchanged', () => {
    const hostile = 'A&B <c> "d" \'e\' ]]> &amp;';
    const spec = handSpec({
      client: { ...CLIENT, family: hostile, given: ['Liisa\tMaria\r\nX'] },
      custodian: { oid: ORGANISER.oid, name: hostile },
      specificDocumentType: { code: '15007', displayName: `x"/><evil a="${hostile}\n` },
      software: { moderator: hostile, product: '<p>', version: '"1"' },
    });
    const xml = buildSocialDocumentXml(spec);
    const doc = parse(xml);
    const r = root(doc);
    const name = pathElement(r, HL7, 'recordTarget', 'patientRole', 'patient', 'name') as Element;
    expect(textOf(childElement(name, HL7, 'family'))).toBe(hostile);
    expect(textOf(childElement(name, HL7, 'given'))).toBe('Liisa\tMaria\r\nX');
    expect(
      textOf(
        pathElement(r, HL7, 'custodian', 'assignedCustodian', 'representedCustodianOrganization', 'name'),
      ),
    ).toBe(hostile);
    expect(attr(childElement(header(doc), FI, 'specificDocumentType'), 'displayName')).toBe(
      `x"/><evil a="${hostile}\n`,
    );
    expect(attr(childElement(header(doc), FI, 'softwareSupport'), 'moderator')).toBe(hostile);
    expect(descendants(doc, HL7, 'evil')).toHaveLength(0);
  });

  it('refuses what XML cannot carry, invalid dates, versions and JSON', () => {
    expectBadRequest(() => buildSocialDocumentXml(handSpec({ client: { ...CLIENT, family: 'Nul\u0001l' } })));
    expectBadRequest(() => buildSocialDocumentXml(handSpec({ effectiveTime: new Date('not a date') })));
    expectBadRequest(() => buildSocialDocumentXml(handSpec({ versionNumber: 0 })));
    expectBadRequest(() => buildSocialDocumentXml(handSpec({ json: undefined })));
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;
    expectBadRequest(() => buildSocialDocumentXml(handSpec({ json: circular })));
    expectBadRequest(() => buildSocialDocumentXml(handSpec({ client: { ...CLIENT, gender: '3' as '1' } })));
  });

  it('emits relatedDocument RPLC and the reason of correction for a new version only', () => {
    const first = parse(buildSocialDocumentXml(handSpec()));
    expect(childElement(root(first), HL7, 'relatedDocument')).toBeUndefined();
    expect(childElement(header(first), FI, 'reasonOfCorrection')).toBeUndefined();

    const v2 = handSpec({
      id: '1.2.246.10.12345678.95.2026.100.9',
      setId: '1.2.246.10.12345678.95.2026.100.1',
      versionNumber: 2,
      replaces: { parentId: '1.2.246.10.12345678.95.2026.100.1' },
      reasonOfCorrection: { code: '1', displayName: 'Virheellinen tieto' },
    });
    const doc = parse(buildSocialDocumentXml(v2));
    const r = root(doc);
    expect(attr(childElement(r, HL7, 'setId'), 'root')).toBe('1.2.246.10.12345678.95.2026.100.1');
    expect(attr(childElement(r, HL7, 'versionNumber'), 'value')).toBe('2');
    const related = childElement(r, HL7, 'relatedDocument') as Element;
    expect(attr(related, 'typeCode')).toBe('RPLC');
    expect(attr(pathElement(related, HL7, 'parentDocument', 'id'), 'root')).toBe(
      '1.2.246.10.12345678.95.2026.100.1',
    );
    expect(attr(pathElement(related, HL7, 'parentDocument', 'setId'), 'root')).toBe(
      '1.2.246.10.12345678.95.2026.100.1',
    );
    expect(attr(pathElement(related, HL7, 'parentDocument', 'versionNumber'), 'value')).toBe('1');
    // CDA R2 order: relatedDocument between custodian and authorization.
    const order = names(r);
    expect(order.indexOf('relatedDocument')).toBe(order.indexOf('custodian') + 1);
    expect(attr(childElement(header(doc), FI, 'reasonOfCorrection'), 'code')).toBe('1');
    expect(attr(body(doc), 'ID')).toBe('OID1.2.246.10.12345678.95.2026.100.9');
  });

  it.skipIf(!KANTA_SAMPLES.available)(
    'orders the header and the localSocialHeader as the real client plan does',
    () => {
      const real = parse(readFileSync(join(SAMPLES_DIR, 'cda-asiakassuunnitelma.as-signed.xml'), 'utf8'));
      const ours = parse(buildSocialDocumentXml(clientPlan(caseInput('1.2.246.10.12345678.95.2026.1.1'))));
      for (const pick of [root, header]) {
        const realOrder = names(pick(real)).filter((n) => n !== 'signatureCollection');
        const ourOrder = names(pick(ours));
        expect(ourOrder.every((n) => realOrder.includes(n))).toBe(true);
        expect(ourOrder).toEqual(realOrder.filter((n) => ourOrder.includes(n)));
      }
    },
  );
});

/** The client-relationship document the template test builds: two providers, one with an end date. */
function relationshipSpec(): DocumentSpec {
  const CONTACT = {
    streetAddress: 'Testikatu 1',
    postalCode: '00100',
    city: 'Helsinki',
    phone: '09 123 456',
  };
  return clientRelationshipDocument({
    id: '1.2.246.10.12345678.95.2026.7.1',
    clientRelationshipId: '1.2.246.10.12345678.95.2026.7.2',
    client: CLIENT,
    organiser: ORGANISER,
    date: DATE,
    municipality: { code: '092', displayName: '092 Vantaa' },
    serviceTasks: [
      {
        palvelutehtava: 'lapsiperheidenPalvelut',
        organiserUnits: [{ unit: UNIT, startDate: '2026-03-23', contact: CONTACT }],
        providers: [
          {
            unit: UNIT,
            services: [SOCIAL_SERVICES.kasvatusJaPerheneuvonta],
            startDate: '2026-03-23',
            contact: CONTACT,
          },
          {
            unit: PROVIDER_UNIT,
            services: [SOCIAL_SERVICES.sosiaaliohjaus],
            startDate: '2026-03-23',
            endDate: '2026-06-30',
          },
        ],
      },
    ],
  });
}

type RelationshipJson = {
  asiakkuusasiakirja: {
    sosiaalihuollon_palvelutehtava: {
      palvelutehtava: { code: string };
      palveluntuottaja: Record<string, unknown>[];
    }[];
  };
};

/** The structured form (hl7fi:json, Base64) of a client-relationship document. */
function relationshipJson(doc: Document): RelationshipJson {
  return JSON.parse(b64(textOf(childElement(body(doc), FI, 'json')))) as RelationshipJson;
}

describe('document templates', () => {
  const builders: {
    kind: DocumentKindKey;
    build: (i: CaseDocumentInput) => DocumentSpec;
    phase: string;
    general: string;
    specific: string;
  }[] = [
    { kind: 'initiation', build: initiation, phase: '1', general: '11', specific: '11007' },
    { kind: 'assessment', build: assessment, phase: '2', general: '13', specific: '13007' },
    { kind: 'clientPlan', build: clientPlan, phase: '3', general: '15', specific: '15007' },
    { kind: 'decision', build: decision, phase: '4', general: '14', specific: '14007' },
    { kind: 'clientNote', build: clientNote, phase: '5', general: '12', specific: '12007' },
  ];

  it.each(builders)(
    '$kind gives a valid document with its codes, XHTML and JSON',
    ({ kind, build, phase, general, specific }) => {
      const spec = build(caseInput('1.2.246.10.12345678.95.2026.5.5'));
      expect(spec.documentKind).toBe(kind);
      const doc = parse(buildSocialDocumentXml(spec));
      expect(attr(childElement(root(doc), HL7, 'code'), 'code')).toBe(general);
      expect(attr(childElement(header(doc), FI, 'specificDocumentType'), 'code')).toBe(specific);
      expect(attr(childElement(header(doc), FI, 'documentGroup'), 'code')).toBe(
        DOCUMENT_KINDS[kind].documentGroup,
      );
      expect(attr(pathElement(header(doc), FI, 'serviceProcess', 'code'), 'code')).toBe(phase);
      // The client is 7 at the date: the minor's consent is written by default.
      expect(attr(pathElement(root(doc), HL7, 'authorization', 'consent', 'code'), 'code')).toBe('1');
      const xhtml = parse(b64(textOf(childElement(body(doc), HL7, 'text'))));
      expect(root(xhtml).namespaceURI).toBe('http://www.w3.org/1999/xhtml');
      expect(attr(root(xhtml), 'id')).toBe('OID1.2.246.10.12345678.95.2026.5.5');
      expect(b64(textOf(childElement(body(doc), HL7, 'text')))).toContain('Sosiaalityöntekijä, Sanna');
      const json = JSON.parse(b64(textOf(childElement(body(doc), FI, 'json')))) as Record<
        string,
        Record<string, unknown>
      >;
      const top = Object.values(json)[0] as Record<string, unknown>;
      expect(top['asiakas']).toEqual([
        {
          sukunimi: 'Sosh-Aik',
          etunimet: 'Kanta-Hakuat',
          henkilotunnus: { system: 'urn:oid:1.2.246.21', value: '180418A903L' },
        },
      ]);
      expect(top['paivamaara']).toBe('2026-03-23');
    },
  );

  it('uses the real plan JSON root key and placeholder codes for child protection', () => {
    const plan = clientPlan(caseInput('1.2.246.10.12345678.95.2026.1.2'));
    expect(Object.keys(plan.json as object)).toEqual(['lapsiperheiden_palvelujen_asiakassuunnitelma']);
    const cp = clientPlan({ ...caseInput('1.2.246.10.12345678.95.2026.1.3'), serviceTask: 'lastensuojelu' });
    expect(cp.palvelutehtava?.code).toBe(SERVICE_TASKS.lastensuojelu.code);
    expect(cp.specificDocumentType?.code).toBe(
      DOCUMENT_KINDS.clientPlan.byServiceTask.lastensuojelu?.specificDocumentType?.code,
    );
  });

  it('writes a provider document into the organiser register with the organiser as outsourcing customer', () => {
    const doc = parse(
      buildSocialDocumentXml(
        clientNote({ ...caseInput('1.2.246.10.87654321.95.2026.3.1'), serviceUnit: PROVIDER_UNIT }),
      ),
    );
    expect(
      attr(
        pathElement(
          root(doc),
          HL7,
          'custodian',
          'assignedCustodian',
          'representedCustodianOrganization',
          'id',
        ),
        'root',
      ),
    ).toBe(ORGANISER.oid);
    expect(attr(childElement(header(doc), FI, 'outsourcingServiceCustomer'), 'root')).toBe(ORGANISER.oid);
    const adm = pathElement(
      root(doc),
      HL7,
      'componentOf',
      'encompassingEncounter',
      'encounterParticipant',
      'assignedEntity',
      'representedOrganization',
      'id',
    );
    expect(attr(adm, 'root')).toBe(PROVIDER_UNIT.oid);
  });

  it('builds the client-relationship document in the shape of the real SP1 document', () => {
    const spec = relationshipSpec();
    const doc = parse(buildSocialDocumentXml(spec));
    const r = root(doc);
    expect(attr(childElement(r, HL7, 'code'), 'nullFlavor')).toBe('NA');
    expect(attr(pathElement(r, HL7, 'author', 'assignedAuthor', 'id'), 'nullFlavor')).toBe('NA');
    expect(attr(pathElement(r, HL7, 'componentOf', 'encompassingEncounter', 'id'), 'nullFlavor')).toBe('NA');
    const h = header(doc);
    expect(attr(childElement(h, FI, 'documentGroup'), 'code')).toBe('1');
    expect(childElement(h, FI, 'specificDocumentType')).toBeUndefined();
    expect(childElement(h, FI, 'functionCode')).toBeUndefined();
    expect(childElement(h, FI, 'signature')).toBeUndefined();
    expect(attr(childElement(h, FI, 'encompassingClientRelationship'), 'root')).toBe(
      '1.2.246.10.12345678.95.2026.7.2',
    );
    expect(textOf(childElement(h, FI, 'contentSpecificationId'))).toBe('1.2.246.537.6.1505.1.2023.6.1');

    const json = relationshipJson(doc);
    const task = json.asiakkuusasiakirja.sosiaalihuollon_palvelutehtava[0];
    expect(task?.palvelutehtava.code).toBe('24');
    expect(task?.palveluntuottaja[1]).toMatchObject({
      sosiaalipalvelu: [
        { system: 'urn:oid:1.2.246.537.6.1222.201601', code: '45', display: 'Sosiaaliohjaus' },
      ],
      palveluyksikon_nimi: {
        system: 'urn:oid:1.2.246.537.6.202.2008',
        code: PROVIDER_UNIT.oid,
        display: PROVIDER_UNIT.name,
      },
      asiakkuuden_alkamispvm: '2026-03-23',
      asiakkuuden_paattymispvm: '2026-06-30',
    });
  });

  it.skipIf(!KANTA_SAMPLES.available)(
    'writes the same JSON keys as the real SP1 document, where it has the same data',
    () => {
      const json = relationshipJson(parse(buildSocialDocumentXml(relationshipSpec())));
      const task = json.asiakkuusasiakirja.sosiaalihuollon_palvelutehtava[0];
      const real = readFileSync(join(SAMPLES_DIR, 'cda-asiakkuusasiakirja.as-signed.xml'), 'utf8');
      const realDoc = parse(real);
      const realJson = relationshipJson(realDoc);
      const realTask = realJson.asiakkuusasiakirja.sosiaalihuollon_palvelutehtava[0];
      expect(Object.keys(task ?? {})).toEqual(Object.keys(realTask ?? {}));
      expect(Object.keys(task?.palveluntuottaja[0] ?? {}).sort()).toEqual(
        Object.keys(realTask?.palveluntuottaja[0] ?? {}).sort(),
      );
      expect(Object.keys(json.asiakkuusasiakirja)).toEqual(Object.keys(realJson.asiakkuusasiakirja));
    },
  );
});

describe('identifiers and times', () => {
  it('formats document OIDs and refuses bad parts', () => {
    expect(documentOid('1.2.246.10.12345678', 2026, [688883, 7])).toBe(
      '1.2.246.10.12345678.95.2026.688883.7',
    );
    expect(documentOid('1.2.246.10.12345678', 2026, 12)).toBe('1.2.246.10.12345678.95.2026.12');
    expectBadRequest(() => documentOid('1.2.246.010', 2026, 1));
    expectBadRequest(() => documentOid('1.2.246.10.1', 2026, -1));
    expectBadRequest(() => documentOid('1.2.246.10.1', 2026, []));
  });

  it('gives the same ids for the same seed and distinct valid ids in sequence', () => {
    const a = createOidSequence({ orgBase: '1.2.246.10.12345678', year: 2026, seed: 'demo' });
    const b = createOidSequence({ orgBase: '1.2.246.10.12345678', year: 2026, seed: 'demo' });
    const ids = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) {
      expect(isOid(id)).toBe(true);
      expect(id.startsWith('1.2.246.10.12345678.95.2026.')).toBe(true);
    }
    const c = createOidSequence({ orgBase: '1.2.246.10.12345678', year: 2026, seed: 'other' });
    expect(c.next()).not.toBe(ids[0]);
  });

  it('derives the birth date from the hetu century sign', () => {
    expect(birthTimeFromHetu('010181-900C')).toBe('19810101');
    expect(birthTimeFromHetu('200111A904P')).toBe('20110120');
    expect(birthTimeFromHetu('010181Y900C')).toBe('19810101');
    expect(birthTimeFromHetu('garbage')).toBeUndefined();
  });
});

describe('round trip through parseCda', () => {
  it('reads back every field the builder wrote', () => {
    const spec = handSpec({
      versionNumber: 2,
      setId: '1.2.246.10.12345678.95.2026.100.0',
      replaces: { parentId: '1.2.246.10.12345678.95.2026.100.0' },
      reasonOfCorrection: { code: '1', displayName: 'Virheellinen tieto' },
      consent: { code: '1', displayName: 'Saa luovuttaa' },
      clientRelationshipId: '1.2.246.10.12345678.95.2026.100.3',
      outsourcingServiceCustomer: { oid: '1.2.246.10.999', name: 'Järjestäjä & Co' },
      authorizationRestrictionArgument: 'Viivästys 1',
      inaccessibleArgument: { code: '1', displayName: 'Vaara kehitykselle' },
    });
    const xml = buildSocialDocumentXml(spec);
    const result = parseCda(parse(xml));
    if (!result.ok) {
      throw new Error(JSON.stringify(result.violations));
    }
    const d = result.document;
    expect(d).toMatchObject({
      id: spec.id,
      setId: '1.2.246.10.12345678.95.2026.100.0',
      versionNumber: 2,
      code: { code: '15', codeSystem: '1.2.246.537.6.1506.201701', displayName: 'Suunnitelma' },
      effectiveTime: '20260323105424+0200',
      confidentialityCode: { code: '6' },
      languageCode: 'fi',
      client: {
        hetu: CLIENT.hetu,
        given: CLIENT.given,
        family: CLIENT.family,
        gender: { code: '1' },
        birthTime: '20180418',
      },
      author: { id: AUTHOR.regNo, idRoot: '1.2.246.537.26', name: 'Sanna Sosiaalityöntekijä' },
      custodian: ORGANISER,
      consent: { code: '1', displayName: 'Saa luovuttaa' },
      caseInfo: { caseId: spec.caseId, responsibleOrganisation: ORGANISER, serviceUnit: UNIT },
      replaces: { typeCode: 'RPLC', parentId: '1.2.246.10.12345678.95.2026.100.0' },
      bodyId: `OID${spec.id}`,
    });
    expect(d.header).toMatchObject({
      specificDocumentType: { code: '15007', codeSystem: '1.2.246.537.6.1506.201701' },
      creationTime: '20260323105424+0200',
      documentGroup: { code: '5' },
      fileFormat: { code: '2' },
      structuredFileFormat: { code: '5' },
      softwareSupport: spec.software,
      palvelutehtava: { code: '24', codeSystem: '1.2.246.537.6.1221.201601' },
      recordStatus: { code: '3' },
      registryType: { code: '1' },
      outsourcingServiceCustomer: { oid: '1.2.246.10.999', name: 'Järjestäjä & Co' },
      totalRetentionPeriodClass: { code: '1' },
      specialContent: { code: 'E' },
      contentSpecificationId: spec.contentSpecificationId,
      encompassingClientRelationship: '1.2.246.10.12345678.95.2026.100.3',
      prosessivaihe: { code: '3', codeSystem: '1.2.246.537.6.1277.201701' },
      authorizationRestrictionArgument: 'Viivästys 1',
      inaccessibleArgument: { code: '1' },
      reasonOfCorrection: { code: '1' },
      signers: [
        {
          registrationNumber: AUTHOR.regNo,
          name: 'Sanna Sosiaalityöntekijä',
          authenticationMethod: { code: '1' },
          time: '20260323105425+0200',
        },
      ],
    });
  });

  it('reads back the display and structured forms from the body', () => {
    const spec = clientPlan(caseInput('1.2.246.10.12345678.95.2026.1.9'));
    const xml = buildSocialDocumentXml(spec);
    // The verifier hands over the body's canonical XML; the default namespace is declared on the root.
    const bodyXml = /<nonXMLBody [^>]*>.*<\/nonXMLBody>/
      .exec(xml)?.[0]
      .replace('<nonXMLBody ', `<nonXMLBody xmlns="${HL7}" `);
    const { content, violations } = parseSignedContent(bodyXml ?? '');
    expect(violations).toEqual([]);
    expect(content.xhtml).toBe(spec.xhtml);
    expect(content.json).toEqual(spec.json);
  });
});
