/**
 * The query response on the Kanta interface [S]: an HL7 V3 message (RCMR_IN100002FI01 by default) with the
 * acknowledgement (AA, or AE naming the rule that refused the query), and in controlActProcess the answer:
 * clinicalDocument metadata (statusCode active = current, obsolete = replaced, nullified = invalidated),
 * the stored CDA bytes as text representation="B64" for a retrieval, cases and service tasks as nested
 * subjects, and a queryAck with the result count.
 */
import { CODE_SYSTEMS, ID_ROOTS } from '../codes/code-systems.js';
import type { RuleViolation } from '../rules/rule.js';
import { NS } from '../xml/dom.js';
import type { EnvelopeStyle, InstanceId } from './archive-frame.js';
import { acknowledgementDetail, instanceId, transmissionWrapper } from './transmission-wrapper.js';
import { wrapInSoap } from './envelope.js';
import { el, serialise, text, textEl, type XmlElement } from '../xml/xml-writer.js';

export const QUERY_RESPONSE_INTERACTION_ID = 'RCMR_IN100002FI01';

export type ResponseState = 'current' | 'replaced' | 'invalidated';
const STATUS: Record<ResponseState, string> = {
  current: 'active',
  replaced: 'obsolete',
  invalidated: 'nullified',
};

export interface ResponseDocument {
  readonly id: string;
  readonly setId: string;
  readonly versionNumber: number;
  readonly state: ResponseState;
  readonly registerOid: string;
  readonly hetu: string;
  readonly effectiveTime?: string;
  readonly generalDocumentType?: string;
  readonly documentType?: string;
  readonly documentTypeName?: string;
  readonly documentGroup?: string;
  readonly palvelutehtava?: string;
  readonly prosessivaihe?: string;
  readonly caseId?: string;
  readonly serviceUnitOid?: string;
  readonly replacesId?: string;
  readonly reasonOfCorrection?: string;
  readonly invalidation?: {
    readonly at: string;
    readonly via: string;
    readonly by: { readonly kind: string; readonly id: string; readonly name?: string };
    readonly reason?: string;
  };
}

export interface ResponseCase {
  readonly caseId: string;
  readonly registerOid: string;
  readonly palvelutehtava?: string;
  readonly documents: readonly ResponseDocument[];
}

export interface ResponseRight {
  readonly registerOid: string;
  readonly unitOid: string;
  readonly unitName?: string;
  readonly palvelutehtava?: string;
  readonly start: string;
  readonly end?: string;
}

/** What one answer carries; every part is optional. */
export interface QueryPayload {
  readonly documents?: readonly ResponseDocument[];
  /** The stored bytes of one of `documents`, sent Base64 in its clinicalDocument/text. */
  readonly content?: { readonly documentId: string; readonly bytes: Buffer };
  readonly rights?: readonly ResponseRight[];
  readonly cases?: readonly ResponseCase[];
  readonly serviceTasks?: readonly {
    readonly palvelutehtava: string;
    readonly cases: readonly ResponseCase[];
  }[];
}

export interface QueryResponseInput {
  readonly style: EnvelopeStyle;
  readonly typeCode: 'AA' | 'AE' | 'AR';
  readonly messageId: InstanceId;
  readonly creationTime: Date;
  readonly targetMessageId?: InstanceId;
  readonly violations: readonly RuleViolation[];
  readonly receiverOid?: string;
  readonly serviceRequest?: string;
  readonly interactionId?: string;
  readonly payload?: QueryPayload;
}

const fi = (name: string): string => `hl7fi:${name}`;

function documentElement(d: ResponseDocument, content?: Buffer): XmlElement {
  const inv = d.invalidation;
  const coded = (
    name: string,
    code: string | undefined,
    system: string,
    displayName?: string,
  ): XmlElement | undefined =>
    code === undefined ? undefined : el(name, { code, codeSystem: system, displayName });
  return el(
    'clinicalDocument',
    { classCode: 'DOCCLIN', moodCode: 'EVN', 'xmlns:hl7fi': NS.HL7FI },
    el('id', { root: d.id }),
    coded('code', d.generalDocumentType, CODE_SYSTEMS.DOCUMENT_TYPE),
    content === undefined
      ? undefined
      : el('text', { mediaType: 'text/xml', representation: 'B64' }, text(content.toString('base64'))),
    el('statusCode', { code: STATUS[d.state] }),
    d.effectiveTime === undefined ? undefined : el('effectiveTime', { value: d.effectiveTime }),
    el('setId', { root: d.setId }),
    el('versionNumber', { value: String(d.versionNumber) }),
    el('recordTarget', {}, el('patient', {}, el('id', { root: ID_ROOTS.HETU, extension: d.hetu }))),
    el(
      'custodian',
      {},
      el('assignedCustodian', {}, el('representedOrganization', {}, el('id', { root: d.registerOid }))),
    ),
    d.replacesId === undefined
      ? undefined
      : el(
          'relatedDocument',
          { typeCode: 'RPLC' },
          el('parentDocument', {}, el('id', { root: d.replacesId })),
        ),
    el(
      'componentOf',
      {},
      el(
        'encounterEvent',
        {},
        d.caseId === undefined ? el('id', { nullFlavor: 'NA' }) : el('id', { root: d.caseId }),
      ),
    ),
    el(
      fi('localSocialHeader'),
      {},
      coded(fi('specificDocumentType'), d.documentType, CODE_SYSTEMS.DOCUMENT_TYPE, d.documentTypeName),
      coded(fi('documentGroup'), d.documentGroup, CODE_SYSTEMS.DOCUMENT_GROUP),
      coded(fi('functionCode'), d.palvelutehtava, CODE_SYSTEMS.SERVICE_TASK),
      d.prosessivaihe === undefined
        ? undefined
        : el(fi('serviceProcess'), {}, coded(fi('code'), d.prosessivaihe, CODE_SYSTEMS.PROCESS_PHASE)),
      d.serviceUnitOid === undefined ? undefined : el(fi('serviceUnit'), { root: d.serviceUnitOid }),
      d.reasonOfCorrection === undefined ? undefined : textEl(fi('reasonOfCorrection'), d.reasonOfCorrection),
      inv === undefined
        ? undefined
        : el(
            fi('invalidation'),
            { time: inv.at, via: inv.via, byKind: inv.by.kind, byId: inv.by.id, byName: inv.by.name },
            inv.reason === undefined ? undefined : textEl(fi('reason'), inv.reason),
          ),
    ),
  );
}

function caseElement(c: ResponseCase, content?: QueryPayload['content']): XmlElement {
  return el(
    'case',
    {},
    el('id', { root: c.caseId }),
    c.palvelutehtava === undefined
      ? undefined
      : el('code', { code: c.palvelutehtava, codeSystem: CODE_SYSTEMS.SERVICE_TASK }),
    el('custodian', {}, el('id', { root: c.registerOid })),
    ...c.documents.map((d) => el('component', {}, documentElement(d, bytesFor(d, content)))),
  );
}

const bytesFor = (d: ResponseDocument, content?: QueryPayload['content']): Buffer | undefined =>
  content?.documentId === d.id ? content.bytes : undefined;

function payloadElements(p: QueryPayload): XmlElement[] {
  const subject = (child: XmlElement): XmlElement => el('subject', { typeCode: 'SUBJ' }, child);
  return [
    ...(p.documents ?? []).map((d) => subject(documentElement(d, bytesFor(d, p.content)))),
    ...(p.rights ?? []).map((r) =>
      subject(
        el(
          'registerAccessRight',
          {},
          el('custodian', {}, el('id', { root: r.registerOid })),
          el(
            'serviceUnit',
            {},
            el('id', { root: r.unitOid }),
            r.unitName === undefined ? undefined : textEl('name', r.unitName),
          ),
          r.palvelutehtava === undefined
            ? undefined
            : el('code', { code: r.palvelutehtava, codeSystem: CODE_SYSTEMS.SERVICE_TASK }),
          el(
            'effectiveTime',
            {},
            el('low', { value: r.start }),
            r.end === undefined ? undefined : el('high', { value: r.end }),
          ),
        ),
      ),
    ),
    ...(p.cases ?? []).map((c) => subject(caseElement(c, p.content))),
    ...(p.serviceTasks ?? []).map((t) =>
      subject(
        el(
          'serviceTask',
          {},
          el('code', { code: t.palvelutehtava, codeSystem: CODE_SYSTEMS.SERVICE_TASK }),
          ...t.cases.map((c) => el('component', {}, caseElement(c, p.content))),
        ),
      ),
    ),
  ];
}

function resultCount(p: QueryPayload | undefined): number {
  if (!p) {
    return 0;
  }
  const inCases = (cases: readonly ResponseCase[] | undefined): number =>
    (cases ?? []).reduce((n, c) => n + c.documents.length, 0);
  return (
    (p.documents?.length ?? 0) +
    inCases(p.cases) +
    (p.serviceTasks ?? []).reduce((n, t) => n + inCases(t.cases), 0)
  );
}

/** Renders the query response in the request's style. */
export function buildQueryResponse(input: QueryResponseInput): string {
  const interactionId = input.interactionId ?? QUERY_RESPONSE_INTERACTION_ID;
  const accepted = input.typeCode === 'AA';
  const total = resultCount(input.payload);
  const message = el(
    interactionId,
    { xmlns: NS.HL7, ITSVersion: 'XML_1.0' },
    ...transmissionWrapper({
      interactionId,
      messageId: input.messageId,
      creationTime: input.creationTime,
      processingCode: 'P',
      acceptAckCode: 'NE',
      receiverOid: input.receiverOid,
      senderOid: ID_ROOTS.ARCHIVE_DEVICE,
    }),
    el(
      'acknowledgement',
      { typeCode: input.typeCode },
      el('targetMessage', {}, instanceId('id', input.targetMessageId)),
      ...input.violations.map((v) => acknowledgementDetail(v, 'E')),
    ),
    el(
      'controlActProcess',
      { classCode: 'CACT', moodCode: 'EVN' },
      input.serviceRequest === undefined
        ? undefined
        : el('reasonCode', { code: input.serviceRequest, codeSystem: CODE_SYSTEMS.SERVICE_REQUEST }),
      ...(accepted && input.payload ? payloadElements(input.payload) : []),
      el(
        'queryAck',
        {},
        el('queryResponseCode', { code: accepted ? (total > 0 ? 'OK' : 'NF') : 'AE' }),
        el('resultTotalQuantity', { value: String(accepted ? total : 0) }),
      ),
    ),
  );
  return wrapInSoap(`<?xml version="1.0" encoding="UTF-8"?>\n${serialise(message)}\n`, input.style);
}
