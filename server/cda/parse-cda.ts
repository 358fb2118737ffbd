/**
 * CDA R2 + hl7fi:localSocialHeader -> SocialDocument (SHA-SPEC section 4). Only the identity of the
 * document (id, setId, versionNumber, client hetu, register keeper) is required here, because without it
 * the archive cannot even say which document it refuses; every other field is read tolerantly and judged
 * by validate-document.ts. The urn:hl7finland prefix varies between senders (hl7fi:, ep2:, default
 * namespace), so elements are matched by namespace URI only.
 */
import type { DomDocument, DomElement } from '../xml/tree.js';
import { ID_ROOTS } from '../codes/code-systems.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';
import { attr, childElement, childElements, NS, pathElement } from '../xml/dom.js';
import { CDA_LOCATIONS as L } from './cda-locations.js';
import {
  defined,
  formatName,
  parseStrictInt,
  readCoded,
  readExtension,
  readName,
  readRoot,
  readText,
  readValue,
} from '../hl7/datatypes.js';
import type {
  CaseInfo,
  Client,
  HeaderSigner,
  LocalSocialHeader,
  Organisation,
  SocialDocument,
} from './social-document.js';

export { parseSignedContent } from './signed-content.js';

export type CdaParseResult =
  | { readonly ok: true; readonly document: SocialDocument }
  | { readonly ok: false; readonly violations: readonly RuleViolation[] };

/** Reads a parsed CDA document; refuses it only when its identity cannot be established. */
export function parseCda(doc: DomDocument): CdaParseResult {
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== NS.HL7 || root.localName !== 'ClinicalDocument') {
    const found = root ? `{${root.namespaceURI ?? ''}}${root.localName ?? root.nodeName}` : 'no root element';
    return {
      ok: false,
      violations: [
        violation(RULES.CDA_MALFORMED, '/', `the root must be {${NS.HL7}}ClinicalDocument, found ${found}`),
      ],
    };
  }
  const h = (...path: string[]): DomElement | undefined => pathElement(root, NS.HL7, ...path);
  const identity = readIdentity(h);
  if (!identity.ok) {
    return identity;
  }
  const { id, setId, versionNumber, hetu, patientRole, custodianOrg, custodianOid } = identity;
  const header = childElement(root, NS.HL7FI, 'localSocialHeader');
  const author = readAuthor(h('author', 'assignedAuthor'));
  const document: SocialDocument = {
    id,
    setId,
    versionNumber,
    client: readClient(hetu, patientRole),
    custodian: {
      oid: custodianOid,
      ...defined('name', readText(custodianOrg ? pathElement(custodianOrg, NS.HL7, 'name') : undefined)),
    },
    caseInfo: readCase(h('componentOf', 'encompassingEncounter')),
    header: header ? readHeader(header) : { signers: [] },
    ...defined('code', readCoded(h('code'))),
    ...defined('effectiveTime', readValue(h('effectiveTime'))),
    ...defined('confidentialityCode', readCoded(h('confidentialityCode'))),
    ...defined('languageCode', attr(h('languageCode'), 'code')),
    ...defined('author', Object.keys(author).length > 0 ? author : undefined),
    ...defined('consent', readCoded(h('authorization', 'consent', 'code'))),
    ...defined('replaces', readReplaces(root)),
    ...defined('bodyId', attr(h('component', 'nonXMLBody'), 'ID')),
  };
  return { ok: true, document };
}

/** What establishes the document's identity; without all of it the document is refused. */
interface CdaIdentity {
  readonly ok: true;
  readonly id: string;
  readonly setId: string;
  readonly versionNumber: number;
  readonly hetu: string;
  readonly patientRole: DomElement | undefined;
  readonly custodianOrg: DomElement | undefined;
  readonly custodianOid: string;
}

/** Reads the identity (ids, version, client, register keeper), reporting every missing part at once. */
function readIdentity(
  h: (...path: string[]) => DomElement | undefined,
): CdaIdentity | { readonly ok: false; readonly violations: readonly RuleViolation[] } {
  const problems: RuleViolation[] = [];
  const required = (value: string | undefined, location: string, what: string): string => {
    if (value === undefined) {
      problems.push(violation(RULES.CDA_REQUIRED_MISSING, location, `${what} is missing`));
      return '';
    }
    return value;
  };

  const id = required(readRoot(h('id')), L.id, 'the document id (id/@root)');
  const setId = required(readRoot(h('setId')), L.setId, 'the setId (setId/@root)');
  const versionText = required(readValue(h('versionNumber')), L.versionNumber, 'the versionNumber');
  const versionNumber = versionText === '' ? 0 : parseStrictInt(versionText);
  if (versionText !== '' && Number.isNaN(versionNumber)) {
    problems.push(
      violation(RULES.CDA_VALUE_INVALID, L.versionNumber, `versionNumber "${versionText}" is not an integer`),
    );
  }
  const patientRole = h('recordTarget', 'patientRole');
  const hetuEl = patientRole
    ? childElements(patientRole, NS.HL7, 'id').find((i) => attr(i, 'root') === ID_ROOTS.HETU)
    : undefined;
  const hetu = required(
    readExtension(hetuEl),
    L.hetu,
    `the client's personal identity code (root ${ID_ROOTS.HETU})`,
  );
  const custodianOrg = h('custodian', 'assignedCustodian', 'representedCustodianOrganization');
  const custodianOid = required(
    readRoot(custodianOrg ? pathElement(custodianOrg, NS.HL7, 'id') : undefined),
    L.custodian,
    'the register keeper (custodian representedCustodianOrganization/id/@root)',
  );
  if (problems.length > 0) {
    return { ok: false, violations: problems };
  }
  return { ok: true, id, setId, versionNumber, hetu, patientRole, custodianOrg, custodianOid };
}

function readAuthor(authorEl: DomElement | undefined): { id?: string; idRoot?: string; name?: string } {
  const authorIdEl = authorEl ? pathElement(authorEl, NS.HL7, 'id') : undefined;
  const authorName = formatName(
    readName(authorEl ? pathElement(authorEl, NS.HL7, 'assignedPerson', 'name') : undefined),
  );
  return {
    ...defined('id', readExtension(authorIdEl)),
    ...defined('idRoot', readRoot(authorIdEl)),
    ...defined('name', authorName),
  };
}

/** The relatedDocument that names a parent, as the replacement it declares. */
function readReplaces(root: DomElement): { typeCode: string; parentId: string } | undefined {
  const related = childElements(root, NS.HL7, 'relatedDocument').find((r) =>
    pathElement(r, NS.HL7, 'parentDocument', 'id'),
  );
  const parentId = readRoot(related ? pathElement(related, NS.HL7, 'parentDocument', 'id') : undefined);
  return related && parentId !== undefined
    ? { typeCode: attr(related, 'typeCode') ?? '', parentId }
    : undefined;
}

function readClient(hetu: string, patientRole: DomElement | undefined): Client {
  const patient = patientRole ? pathElement(patientRole, NS.HL7, 'patient') : undefined;
  const name = readName(patient ? pathElement(patient, NS.HL7, 'name') : undefined);
  return {
    hetu,
    given: name?.given ?? [],
    family: name?.family ?? '',
    ...defined(
      'gender',
      readCoded(patient ? pathElement(patient, NS.HL7, 'administrativeGenderCode') : undefined),
    ),
    ...defined('birthTime', readValue(patient ? pathElement(patient, NS.HL7, 'birthTime') : undefined)),
  };
}

function readOrganisation(orgEl: DomElement | undefined): Organisation | undefined {
  const oid = readRoot(orgEl ? pathElement(orgEl, NS.HL7, 'id') : undefined);
  if (oid === undefined) {
    return undefined;
  }
  return { oid, ...defined('name', readText(orgEl ? pathElement(orgEl, NS.HL7, 'name') : undefined)) };
}

function readCase(encounter: DomElement | undefined): CaseInfo {
  if (!encounter) {
    return {};
  }
  // The real client plan writes <id root="…" nullFlavor="NA"/>: a root present wins over the nullFlavor.
  const caseId = readRoot(pathElement(encounter, NS.HL7, 'id'));
  const adm = childElements(encounter, NS.HL7, 'encounterParticipant').find(
    (p) => attr(p, 'typeCode') === 'ADM',
  );
  return {
    ...defined('caseId', caseId),
    ...defined(
      'responsibleOrganisation',
      readOrganisation(
        pathElement(encounter, NS.HL7, 'responsibleParty', 'assignedEntity', 'representedOrganization'),
      ),
    ),
    ...defined(
      'serviceUnit',
      readOrganisation(
        adm ? pathElement(adm, NS.HL7, 'assignedEntity', 'representedOrganization') : undefined,
      ),
    ),
  };
}

function readHeader(lsh: DomElement): LocalSocialHeader {
  const f = (...path: string[]): DomElement | undefined => pathElement(lsh, NS.HL7FI, ...path);
  const software = f('softwareSupport');
  const customerOid = readRoot(f('outsourcingServiceCustomer'));
  const softwareSupport = software
    ? {
        ...defined('moderator', attr(software, 'moderator')),
        ...defined('product', attr(software, 'product')),
        ...defined('version', attr(software, 'version')),
      }
    : undefined;
  return {
    signers: childElements(lsh, NS.HL7FI, 'signature').map(readSigner),
    ...defined('specificDocumentType', readCoded(f('specificDocumentType'))),
    ...defined('creationTime', readValue(f('creationTime'))),
    ...defined('documentGroup', readCoded(f('documentGroup'))),
    ...defined('fileFormat', readCoded(f('fileFormat'))),
    ...defined('structuredFileFormat', readCoded(f('structuredFileFormat'))),
    ...defined('softwareSupport', softwareSupport),
    ...defined('palvelutehtava', readCoded(f('functionCode'))),
    ...defined('recordStatus', readCoded(f('recordStatus'))),
    ...defined('registryType', readCoded(f('registryType'))),
    ...defined(
      'outsourcingServiceCustomer',
      customerOid === undefined
        ? undefined
        : { oid: customerOid, ...defined('name', readText(f('outsourcingServiceCustomerName'))) },
    ),
    ...defined('totalRetentionPeriodClass', readCoded(f('totalRetentionPeriodClass'))),
    ...defined('specialContent', readCoded(f('specialContent'))),
    ...defined('contentSpecificationId', readText(f('contentSpecificationId'))),
    ...defined('encompassingClientRelationship', readRoot(f('encompassingClientRelationship'))),
    ...defined('prosessivaihe', readCoded(f('serviceProcess', 'code'))),
    ...defined('authorizationRestrictionArgument', readText(f('authorizationRestrictionArgument'))),
    ...defined('inaccessibleArgument', readCoded(f('inaccessibleArgument'))),
    ...defined('reasonOfCorrection', readCoded(f('reasonOfCorrection'))),
  };
}

function readSigner(sig: DomElement): HeaderSigner {
  const f = (...path: string[]): DomElement | undefined => pathElement(sig, NS.HL7FI, ...path);
  return {
    registrationNumber: readText(f('assignedAuthorSigner')) ?? '',
    ...defined('name', formatName(readName(f('signer', 'name'), NS.HL7FI))),
    ...defined('authenticationMethod', readCoded(f('authenticationMethod'))),
    ...defined('time', readValue(f('time'))),
  };
}
