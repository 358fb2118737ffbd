/**
 * The query request on the Kanta interface [S]: an HL7 V3 message (interaction id from the operation table,
 * RCMR_IN100001FI01 by default) whose controlActProcess carries the service request (SP30-SP34) and an HL7
 * queryByParameter/parameterList. The official query messages are not public; this shape follows HL7 V3
 * query conventions and is documented in docs/lifecycle-and-queries.md.
 */
import type { DomElement } from '../xml/tree.js';
import { readCoded, readExtension, readRoot, readValue } from '../hl7/datatypes.js';
import { CODE_SYSTEMS, ID_ROOTS } from '../codes/code-systems.js';
import { NS, pathElement } from '../xml/dom.js';
import type { InstanceId } from './archive-frame.js';
import { transmissionWrapper } from './transmission-wrapper.js';
import { el, toXmlDocument, type XmlElement } from '../xml/xml-writer.js';

/** The query interaction of the shipped operation table. */
export const QUERY_INTERACTION_ID = 'RCMR_IN100001FI01';

/** The parameters a query may carry; each operation reads the ones it needs. */
export interface QueryParameters {
  readonly hetu?: string;
  readonly documentId?: string;
  readonly setId?: string;
  readonly caseId?: string;
  readonly palvelutehtava?: string;
  readonly prosessivaihe?: string;
  readonly documentType?: string;
  /** HL7 TS bounds of effectiveTime. */
  readonly from?: string;
  readonly to?: string;
  /** current | replaced | invalidated */
  readonly status?: string;
}

const LIST = ['controlActProcess', 'queryByParameter', 'parameterList'];

/** Reads the parameter list of a query message; absent parameters are undefined. */
export function parseQueryParameters(message: DomElement): QueryParameters {
  const p = (...path: string[]): DomElement | undefined => pathElement(message, NS.HL7, ...LIST, ...path);
  const time = p('effectiveTime', 'value');
  const entries: [keyof QueryParameters, string | undefined][] = [
    ['hetu', readExtension(p('clientId', 'value'))],
    ['documentId', readRoot(p('documentId', 'value'))],
    ['setId', readRoot(p('setId', 'value'))],
    ['caseId', readRoot(p('caseId', 'value'))],
    ['palvelutehtava', readCoded(p('serviceTask', 'value'))?.code],
    ['prosessivaihe', readCoded(p('processPhase', 'value'))?.code],
    ['documentType', readCoded(p('documentType', 'value'))?.code],
    ['from', readValue(time ? pathElement(time, NS.HL7, 'low') : undefined)],
    ['to', readValue(time ? pathElement(time, NS.HL7, 'high') : undefined)],
    ['status', readCoded(p('documentStatus', 'value'))?.code],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined && v !== '')) as QueryParameters;
}

export interface QueryRequestInput {
  readonly serviceRequest: string;
  readonly interactionId?: string;
  readonly messageId: InstanceId;
  readonly senderOid: string;
  readonly creationTime: Date;
  readonly parameters: QueryParameters;
  readonly receiverOid?: string;
}

/** Builds a query message (bare style; wrapInSoap for SOAP), for the reference client and the tests. */
export function buildQueryRequest(input: QueryRequestInput): string {
  const interactionId = input.interactionId ?? QUERY_INTERACTION_ID;
  const q = input.parameters;
  const value = (name: string, attrs: Record<string, string | undefined>): XmlElement =>
    el(name, {}, el('value', attrs));
  const coded = (name: string, code: string | undefined, system: string): XmlElement | undefined =>
    code === undefined ? undefined : value(name, { code, codeSystem: system });
  const list = el(
    'parameterList',
    {},
    q.hetu === undefined ? undefined : value('clientId', { root: ID_ROOTS.HETU, extension: q.hetu }),
    q.documentId === undefined ? undefined : value('documentId', { root: q.documentId }),
    q.setId === undefined ? undefined : value('setId', { root: q.setId }),
    q.caseId === undefined ? undefined : value('caseId', { root: q.caseId }),
    coded('serviceTask', q.palvelutehtava, CODE_SYSTEMS.SERVICE_TASK),
    coded('processPhase', q.prosessivaihe, CODE_SYSTEMS.PROCESS_PHASE),
    coded('documentType', q.documentType, CODE_SYSTEMS.DOCUMENT_TYPE),
    q.from === undefined && q.to === undefined
      ? undefined
      : el(
          'effectiveTime',
          {},
          el(
            'value',
            {},
            q.from === undefined ? undefined : el('low', { value: q.from }),
            q.to === undefined ? undefined : el('high', { value: q.to }),
          ),
        ),
    q.status === undefined ? undefined : value('documentStatus', { code: q.status }),
  );
  return toXmlDocument(
    el(
      interactionId,
      { xmlns: NS.HL7, ITSVersion: 'XML_1.0' },
      ...transmissionWrapper({
        interactionId,
        messageId: input.messageId,
        creationTime: input.creationTime,
        versionCode: 'V3-2006',
        processingCode: 'D',
        acceptAckCode: 'ER',
        receiverOid: input.receiverOid ?? ID_ROOTS.ARCHIVE_DEVICE,
        senderOid: input.senderOid,
      }),
      el(
        'controlActProcess',
        { classCode: 'CACT', moodCode: 'EVN' },
        el('reasonCode', { code: input.serviceRequest, codeSystem: CODE_SYSTEMS.SERVICE_REQUEST }),
        el(
          'queryByParameter',
          {},
          el('queryId', { root: input.messageId.root, extension: input.messageId.extension }),
          el('statusCode', { code: 'new' }),
          list,
        ),
      ),
    ),
  );
}
