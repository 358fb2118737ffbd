/**
 * Builds an RCMR_IN200002FI01 archive frame the way the real client systems do (modelled on the two real
 * frames in shared/interop/kanta-samples): the wrapper, the control act with its service request and use
 * situation, and subject/clinicalDocument as a metadata copy of the CDA header whose text carries the MIME
 * package. Used by the reference client, the CLI and the fixture generator; the archive itself only parses.
 */
import type { CodedValue, SocialDocument } from '../cda/social-document.js';
import { CODE_SYSTEMS, ID_ROOTS } from '../codes/code-systems.js';
import { NS } from '../xml/dom.js';
import type { InstanceId } from './archive-frame.js';
import { buildMimePackage } from './mime.js';
import { transmissionWrapper } from './transmission-wrapper.js';
import { el, text, textEl, toXmlDocument, type XmlElement } from '../xml/xml-writer.js';

export { wrapInSoap } from './envelope.js';

/** The interaction of every archive message seen in the real samples. */
export const ARCHIVE_INTERACTION_ID = 'RCMR_IN200002FI01';

/** Display names of the confirmed service requests, as the real frames carry them. */
const SERVICE_REQUEST_NAMES: Readonly<Record<string, string>> = {
  SP1: 'Asiakkuusasiakirjan arkistointi',
  SP17: 'Asiakasasiakirjan arkistointi',
};

/** The professional (or system user) named in controlActProcess/authorOrPerformer. */
export interface FramePerformer {
  readonly typeCode?: 'AUT' | 'PRF';
  /** Identifier root; 1.2.246.21 (hetu) in the real frames. */
  readonly idRoot?: string;
  readonly id?: string;
  readonly given?: readonly string[];
  readonly family?: string;
  /** A whole name, used when given and family are not known separately. */
  readonly name?: string;
  readonly organisationOid?: string;
  readonly organisationName?: string;
}

export interface ArchiveFrameInput {
  /** SP1, SP17 or another code of 1.2.246.537.6.1503.201601. */
  readonly serviceRequest: string;
  readonly serviceRequestDisplayName?: string;
  readonly interactionId?: string;
  readonly messageId: InstanceId;
  readonly senderOid: string;
  readonly creationTime: Date;
  readonly document: SocialDocument;
  /** The signed CDA exactly as it will be archived. */
  readonly cdaBytes: Buffer;
  /** clinicalDocument/statusCode: COMPLETED by default, nullified for an invalidation. */
  readonly statusCode?: string;
  readonly performer?: FramePerformer;
  readonly useSituation?: CodedValue;
  readonly receiverOid?: string;
  /** processingCode: D in the real test-environment frames. */
  readonly processingCode?: string;
  readonly mimeBoundary?: string;
}

/** Returns the frame as an XML string with declaration (bare style; see wrapInSoap for SOAP). */
export function buildArchiveFrame(input: ArchiveFrameInput): string {
  const interactionId = input.interactionId ?? ARCHIVE_INTERACTION_ID;
  const useSituation = input.useSituation ?? {
    code: '1',
    codeSystem: CODE_SYSTEMS.USE_SITUATION,
    displayName: 'Palvelunjärjestäjän rekisterin oma käyttö',
  };
  const frame = el(
    interactionId,
    { xmlns: NS.HL7, ITSVersion: 'XML_1.0' },
    ...transmissionWrapper({
      interactionId,
      messageId: input.messageId,
      creationTime: input.creationTime,
      versionCode: 'V3-2006',
      processingCode: input.processingCode ?? 'D',
      acceptAckCode: 'ER',
      receiverOid: input.receiverOid ?? ID_ROOTS.ARCHIVE_DEVICE,
      senderOid: input.senderOid,
    }),
    el(
      'controlActProcess',
      { classCode: 'CACT', moodCode: 'EVN' },
      el('code', { code: 'RCMR_TE000102UV01', codeSystem: '2.16.840.1.113883.1.18' }),
      el('priorityCode', { code: 'R' }),
      el('reasonCode', {
        code: input.serviceRequest,
        codeSystem: CODE_SYSTEMS.SERVICE_REQUEST,
        codeSystemName: 'Sosiaalihuolto - Arkistosanomien palvelupyynnöt',
        displayName: input.serviceRequestDisplayName ?? SERVICE_REQUEST_NAMES[input.serviceRequest],
      }),
      coded('reasonCode', useSituation),
      performerElement(input),
      el('subject', {}, documentCopy(input)),
    ),
  );
  return toXmlDocument(frame);
}

function coded(name: string, value: CodedValue | undefined): XmlElement | undefined {
  if (!value) {
    return undefined;
  }
  return el(name, { code: value.code, codeSystem: value.codeSystem, displayName: value.displayName });
}

function nameElement(
  given: readonly string[] | undefined,
  family: string | undefined,
): XmlElement | undefined {
  if ((given === undefined || given.length === 0) && family === undefined) {
    return undefined;
  }
  return el(
    'name',
    {},
    family === undefined ? undefined : textEl('family', family),
    ...(given ?? []).map((g) => textEl('given', g)),
  );
}

function personName(p: FramePerformer): XmlElement | undefined {
  const name =
    nameElement(p.given, p.family) ?? (p.name === undefined ? undefined : el('name', {}, text(p.name)));
  return name === undefined ? undefined : el('assignedPerson', {}, name);
}

function performerElement(input: ArchiveFrameInput): XmlElement {
  const doc = input.document;
  const p: FramePerformer = input.performer ?? {
    idRoot: doc.author?.idRoot,
    id: doc.author?.id,
    name: doc.author?.name,
    organisationOid: doc.custodian.oid,
    organisationName: doc.custodian.name,
  };
  return el(
    'authorOrPerformer',
    { typeCode: p.typeCode ?? 'AUT' },
    el(
      'assignedPerson',
      {},
      p.id === undefined
        ? el('id', { nullFlavor: 'NA' })
        : el('id', { root: p.idRoot ?? ID_ROOTS.HETU, extension: p.id }),
      personName(p),
      el(
        'representedOrganization',
        {},
        el('id', { root: p.organisationOid ?? input.senderOid }),
        p.organisationName === undefined ? undefined : textEl('name', p.organisationName),
      ),
    ),
  );
}

function documentCopy(input: ArchiveFrameInput): XmlElement {
  const doc = input.document;
  return el(
    'clinicalDocument',
    { classCode: 'DOCCLIN', moodCode: 'EVN' },
    el('realmCode', { code: 'FI' }),
    el('typeId', { root: '2.16.840.1.113883.1.3', extension: 'POCD_HD000040' }),
    el('id', { root: doc.id }),
    // The real frames put the register type here, not the document type.
    coded('code', doc.header.registryType ?? { code: '1', codeSystem: CODE_SYSTEMS.REGISTRY_TYPE }),
    el(
      'text',
      { mediaType: 'multipart/related' },
      text(buildMimePackage(input.cdaBytes, doc.id, input.mimeBoundary)),
    ),
    el('statusCode', { code: input.statusCode ?? 'COMPLETED' }),
    doc.effectiveTime === undefined ? undefined : el('effectiveTime', { value: doc.effectiveTime }),
    coded('confidentialityCode', doc.confidentialityCode),
    doc.languageCode === undefined ? undefined : el('languageCode', { code: doc.languageCode }),
    el('setId', { root: doc.setId }),
    el('versionNumber', { value: String(doc.versionNumber) }),
    el('completionCode', {
      code: 'LA',
      codeSystem: CODE_SYSTEMS.COMPLETION_CODE,
      displayName: 'Legally authenticated',
    }),
    el('storageCode', { code: 'AC', codeSystem: CODE_SYSTEMS.STORAGE_CODE, displayName: 'Active' }),
    recordTarget(doc.client),
    authorElement(doc.author),
    custodianElement(doc),
    componentOf(doc),
  );
}

/** recordTarget: the client, with the name, gender and birth time the CDA header gives. */
function recordTarget(client: SocialDocument['client']): XmlElement {
  return el(
    'recordTarget',
    { typeCode: 'RCT' },
    el(
      'patient',
      { classCode: 'PAT' },
      el('id', { root: ID_ROOTS.HETU, extension: client.hetu }),
      el('statusCode', { code: 'normal' }),
      el(
        'patientPerson',
        { classCode: 'PSN', determinerCode: 'INSTANCE' },
        nameElement(client.given, client.family),
        coded('administrativeGenderCode', client.gender),
        client.birthTime === undefined ? undefined : el('birthTime', { value: client.birthTime }),
      ),
    ),
  );
}

/** author: the professional who wrote the document (a null id when the CDA names none). */
function authorElement(author: SocialDocument['author']): XmlElement {
  return el(
    'author',
    { typeCode: 'AUT' },
    el('time', { nullFlavor: 'NA' }),
    el(
      'assignedAuthor',
      { classCode: 'ASSIGNED' },
      author?.id === undefined
        ? el('id', { nullFlavor: 'NA' })
        : el('id', { root: author.idRoot ?? ID_ROOTS.PROFESSIONAL, extension: author.id }),
      author?.name === undefined
        ? undefined
        : el(
            'assignedPerson',
            { classCode: 'PSN', determinerCode: 'INSTANCE' },
            el('name', {}, text(author.name)),
          ),
    ),
  );
}

function custodianElement(doc: SocialDocument): XmlElement {
  return el(
    'custodian',
    { typeCode: 'CST' },
    el(
      'assignedCustodian',
      { classCode: 'ASSIGNED' },
      el(
        'representedOrganization',
        { classCode: 'ORG', determinerCode: 'INSTANCE' },
        el('id', { root: doc.custodian.oid }),
        doc.custodian.name === undefined ? undefined : textEl('name', doc.custodian.name),
      ),
    ),
  );
}

/** componentOf/encounterEvent: the case (asia) the document belongs to. */
function componentOf(doc: SocialDocument): XmlElement {
  return el(
    'componentOf',
    {},
    el(
      'encounterEvent',
      { classCode: 'ENC', moodCode: 'EVN' },
      doc.caseInfo.caseId === undefined
        ? el('id', { nullFlavor: 'NA' })
        : el('id', { root: doc.caseInfo.caseId }),
      el('effectiveTime', { nullFlavor: 'NA' }),
    ),
  );
}
