/**
 * Builds an unsigned social welfare CDA R2 document from a DocumentSpec, for the fixture generator, the
 * demo data and tests. The output follows the real documents in shared/interop/kanta-samples element by
 * element (namespaces, order, code systems, display names) but is compact: no whitespace between tags, no
 * comments, no XML declaration, because it is signed exactly as returned. The hl7fi:signatureCollection is
 * left out; the signer (server/signature/sign.ts) adds it.
 */
import { KantaSimError } from '../errors.js';
import { NS } from '../xml/dom.js';
import type { DocumentSpec, SpecOrganisation } from './build-spec.js';
import { coded, fi, HL7FI_PREFIX, localSocialHeader } from './build-local-header.js';
import { CODE_SYSTEMS, GENDERS, HEADER_CODES } from './templates-codes.js';
import { assertDate, DOCUMENT_TIME_ZONE, formatHl7Time } from '../hl7/time.js';
import { el, raw, text, toSignedXml, type XmlChild } from '../xml/xml-writer.js';

export type { DocumentSpec } from './build-spec.js';

const ROOT_HETU = '1.2.246.21';
const ROOT_REGNO = '1.2.246.537.26';
/**
 * The birth date `YYYYMMDD` encoded in a hetu (DDMMYY + century sign), or undefined when the hetu does not
 * have that shape.
 */
export function birthTimeFromHetu(hetu: string): string | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])/.exec(hetu);
  if (!m) {
    return undefined;
  }
  const sign = m[4] ?? '';
  const century = sign === '+' ? '18' : '-YXWVU'.includes(sign) ? '19' : '20';
  return `${century}${m[3]}${m[2]}${m[1]}`;
}

function organisation(name: string, org: SpecOrganisation): XmlChild {
  return el(name, {}, el('id', { root: org.oid }), el('name', {}, text(org.name)));
}

function recordTarget(spec: DocumentSpec): XmlChild {
  const c = spec.client;
  const birthTime = c.birthTime ?? birthTimeFromHetu(c.hetu);
  const gender = GENDERS[c.gender];
  if (!gender) {
    throw new KantaSimError(
      'BAD_REQUEST',
      `client gender must be '1' or '2', got ${JSON.stringify(c.gender)}`,
    );
  }
  const name = el(
    'name',
    {},
    ...c.given.map((g) => el('given', {}, text(g))),
    c.callName === undefined ? undefined : el('given', { qualifier: 'CL' }, text(c.callName)),
    el('family', {}, text(c.family)),
  );
  const patient = el(
    'patient',
    {},
    name,
    coded('administrativeGenderCode', gender, CODE_SYSTEMS.gender),
    birthTime === undefined ? undefined : el('birthTime', { value: birthTime }),
  );
  return el(
    'recordTarget',
    {},
    el('patientRole', {}, el('id', { root: ROOT_HETU, extension: c.hetu }), patient),
  );
}

function author(spec: DocumentSpec): XmlChild {
  const a = spec.author;
  const assigned =
    a === undefined
      ? el('assignedAuthor', {}, el('id', { nullFlavor: 'NA' }))
      : el(
          'assignedAuthor',
          {},
          el('id', { root: ROOT_REGNO, extension: a.regNo }),
          el(
            'assignedPerson',
            {},
            el('name', {}, el('given', {}, text(a.given)), el('family', {}, text(a.family))),
          ),
        );
  return el('author', {}, el('time', { nullFlavor: 'NA' }), assigned);
}

function relatedDocument(spec: DocumentSpec, setId: string, versionNumber: number): XmlChild | undefined {
  if (spec.replaces === undefined) {
    return undefined;
  }
  const parentVersion = spec.replaces.parentVersionNumber ?? Math.max(1, versionNumber - 1);
  return el(
    'relatedDocument',
    { typeCode: 'RPLC' },
    el(
      'parentDocument',
      {},
      el('id', { root: spec.replaces.parentId }),
      el('setId', { root: setId }),
      el('versionNumber', { value: parentVersion }),
    ),
  );
}

function componentOf(spec: DocumentSpec): XmlChild {
  const participant = (org: SpecOrganisation): XmlChild =>
    el('assignedEntity', {}, el('id', { nullFlavor: 'NA' }), organisation('representedOrganization', org));
  return el(
    'componentOf',
    {},
    el(
      'encompassingEncounter',
      {},
      spec.caseId === undefined ? el('id', { nullFlavor: 'NA' }) : el('id', { root: spec.caseId }),
      el('effectiveTime', { nullFlavor: 'NA' }),
      spec.caseId === undefined
        ? undefined
        : el('responsibleParty', {}, participant(spec.responsibleOrganisation ?? spec.custodian)),
      el('encounterParticipant', { typeCode: 'ADM' }, participant(spec.serviceUnit)),
    ),
  );
}

/** Base64 of the UTF-8 bytes of a string (the nonXMLBody's display form and structured form). */
function base64Utf8(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64');
}

function body(spec: DocumentSpec): XmlChild {
  let json: string | undefined;
  try {
    json = JSON.stringify(spec.json);
  } catch (cause) {
    throw new KantaSimError('BAD_REQUEST', 'the structured form (json) cannot be serialised', { cause });
  }
  if (json === undefined) {
    throw new KantaSimError('BAD_REQUEST', 'the structured form (json) is missing');
  }
  return el(
    'component',
    {},
    el(
      'nonXMLBody',
      { ID: `OID${spec.id}` },
      el('text', { mediaType: 'application/xhtml+xml', representation: 'B64' }, raw(base64Utf8(spec.xhtml))),
      el(fi('json'), { [`xmlns:${HL7FI_PREFIX}`]: NS.HL7FI }, raw(base64Utf8(json))),
    ),
  );
}

/**
 * Serialises a DocumentSpec as a compact, unsigned CDA R2 document (UTF-8 text, no declaration). Every
 * value is XML-escaped. Throws KantaSimError BAD_REQUEST for what XML cannot carry (control characters,
 * invalid dates, a non-positive version, unserialisable JSON); semantically wrong values (a bad hetu, an
 * unknown code) are written as given so that invalid fixtures can be built on purpose.
 */
export function buildSocialDocumentXml(spec: DocumentSpec): string {
  const timeZone = spec.timeZone ?? DOCUMENT_TIME_ZONE;
  assertDate(spec.effectiveTime, 'effectiveTime');
  const setId = spec.setId ?? spec.id;
  const versionNumber = spec.versionNumber ?? 1;
  if (!Number.isSafeInteger(versionNumber) || versionNumber < 1) {
    throw new KantaSimError(
      'BAD_REQUEST',
      `versionNumber must be a positive integer, got ${String(versionNumber)}`,
    );
  }
  const general = spec.generalDocumentType;
  const doc = el(
    'ClinicalDocument',
    {
      xmlns: NS.HL7,
      'xsi:schemaLocation': 'urn:hl7-org:v3 ../../cda/CDA_Fi_sos.xsd',
      'xmlns:xsi': NS.XSI,
    },
    el('realmCode', { code: 'FI' }),
    el('typeId', { extension: 'POCD_HD000040', root: '2.16.840.1.113883.1.3' }),
    el('id', { root: spec.id }),
    general === undefined
      ? el('code', { nullFlavor: 'NA' })
      : coded('code', general, CODE_SYSTEMS.documentType),
    el('effectiveTime', { value: formatHl7Time(spec.effectiveTime, timeZone) }),
    coded('confidentialityCode', HEADER_CODES.confidentialitySocial, CODE_SYSTEMS.confidentiality),
    el('languageCode', { code: spec.languageCode ?? 'fi' }),
    el('setId', { root: setId }),
    el('versionNumber', { value: versionNumber }),
    recordTarget(spec),
    author(spec),
    el(
      'custodian',
      {},
      el('assignedCustodian', {}, organisation('representedCustodianOrganization', spec.custodian)),
    ),
    relatedDocument(spec, setId, versionNumber),
    spec.consent === undefined
      ? undefined
      : el(
          'authorization',
          {},
          el(
            'consent',
            {},
            coded('code', spec.consent, CODE_SYSTEMS.consent),
            el('statusCode', { code: 'completed' }),
          ),
        ),
    componentOf(spec),
    localSocialHeader(spec, timeZone),
    body(spec),
  );
  return toSignedXml(doc);
}
