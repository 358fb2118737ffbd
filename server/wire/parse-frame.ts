/**
 * HL7 V3 transfer frame -> ArchiveFrame. Deliberately tolerant: a missing part becomes undefined and the
 * validators (validate-frame.ts) decide what is required for which operation, so that one malformed
 * field yields one precise acknowledgementDetail instead of a parse failure.
 */
import type { DomElement } from '../xml/tree.js';
import {
  defined,
  formatName,
  parseStrictInt,
  readCoded,
  readExtension,
  readName,
  readRoot,
  readValue,
} from '../hl7/datatypes.js';
import type { CodedValue } from '../cda/social-document.js';
import { CODE_SYSTEMS, ID_ROOTS } from '../codes/code-systems.js';
import { attr, childElements, NS, pathElement, textOf } from '../xml/dom.js';
import type { ArchiveFrame, FrameDocumentCopy, InstanceId } from './archive-frame.js';

/** Reads the wrapper, the control act and the document copy of an HL7 V3 message element. */
export function parseFrame(message: DomElement): ArchiveFrame {
  const h = (parent: DomElement | undefined, ...path: string[]): DomElement | undefined =>
    parent ? pathElement(parent, NS.HL7, ...path) : undefined;
  const control = h(message, 'controlActProcess');
  const reasons = control ? childElements(control, NS.HL7, 'reasonCode').map(readCoded) : [];
  const serviceRequests = reasons.filter(
    (r): r is CodedValue => r !== undefined && r.codeSystem === CODE_SYSTEMS.SERVICE_REQUEST,
  );
  const useSituation = reasons.find((r) => r?.codeSystem === CODE_SYSTEMS.USE_SITUATION);
  const clinicalDocument = h(control, 'subject', 'clinicalDocument');
  const messageId = readInstanceId(h(message, 'id'));
  const performer = readPerformer(h(control, 'authorOrPerformer'));
  return {
    rootName: message.localName ?? message.nodeName,
    serviceRequests,
    ...defined('messageId', messageId),
    ...defined('creationTime', readValue(h(message, 'creationTime'))),
    ...defined('interactionId', readExtension(h(message, 'interactionId'))),
    ...defined('processingCode', attr(h(message, 'processingCode'), 'code')),
    ...defined('receiverOid', readRoot(h(message, 'receiver', 'device', 'id'))),
    ...defined('senderOid', readRoot(h(message, 'sender', 'device', 'id'))),
    ...defined('useSituation', useSituation),
    ...defined('performer', performer),
    ...defined('document', clinicalDocument ? readDocumentCopy(clinicalDocument) : undefined),
  };
}

function readDocumentCopy(cd: DomElement): FrameDocumentCopy {
  const h = (...path: string[]): DomElement | undefined => pathElement(cd, NS.HL7, ...path);
  const textEl = h('text');
  const version = readValue(h('versionNumber'));
  const patientIds = childElements(h('recordTarget', 'patient') ?? cd, NS.HL7, 'id');
  const hetuEl = patientIds.find((i) => attr(i, 'root') === ID_ROOTS.HETU);
  return {
    ...defined('id', readRoot(h('id'))),
    ...defined('setId', readRoot(h('setId'))),
    ...defined('versionNumber', version === undefined ? undefined : parseStrictInt(version)),
    ...defined('statusCode', attr(h('statusCode'), 'code')),
    ...defined('code', readCoded(h('code'))),
    ...defined('effectiveTime', readValue(h('effectiveTime'))),
    ...defined('confidentialityCode', readCoded(h('confidentialityCode'))),
    ...defined('hetu', readExtension(hetuEl)),
    ...defined(
      'custodianOid',
      readRoot(h('custodian', 'assignedCustodian', 'representedOrganization', 'id')),
    ),
    ...defined('textMediaType', attr(textEl, 'mediaType')),
    ...defined('text', textEl ? textOf(textEl) : undefined),
  };
}

function readPerformer(aop: DomElement | undefined): ArchiveFrame['performer'] {
  if (!aop) {
    return undefined;
  }
  const person = pathElement(aop, NS.HL7, 'assignedPerson');
  const org = person ? pathElement(person, NS.HL7, 'representedOrganization') : undefined;
  const idEl = person ? pathElement(person, NS.HL7, 'id') : undefined;
  const name = person
    ? formatName(readName(pathElement(person, NS.HL7, 'assignedPerson', 'name')))
    : undefined;
  return {
    ...defined('typeCode', attr(aop, 'typeCode')),
    ...defined('id', readExtension(idEl) ?? readRoot(idEl)),
    ...defined('name', name),
    ...defined('organisationOid', readRoot(org ? pathElement(org, NS.HL7, 'id') : undefined)),
    ...defined('organisationName', org ? textOf(pathElement(org, NS.HL7, 'name')) || undefined : undefined),
  };
}

function readInstanceId(el: DomElement | undefined): InstanceId | undefined {
  const root = readRoot(el);
  if (root === undefined) {
    return undefined;
  }
  const extension = readExtension(el);
  return extension === undefined ? { root } : { root, extension };
}
