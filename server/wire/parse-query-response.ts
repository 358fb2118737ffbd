/**
 * Reads a query response (server/wire/query-response.ts) back into plain values, for the reference client
 * and the tests.
 */
import type { DomElement } from '../xml/tree.js';
import { readCoded, readRoot, readValue } from '../hl7/datatypes.js';
import { attr, childElements, NS, parseDom, pathElement, textOf } from '../xml/dom.js';
import { parseAcknowledgement, type ParsedAcknowledgement } from './acknowledgement.js';
import { openEnvelope } from './envelope.js';

/** A document as read back from a response. */
export interface ParsedResponseDocument {
  readonly id?: string;
  readonly setId?: string;
  readonly versionNumber?: number;
  readonly statusCode?: string;
  readonly caseId?: string;
  readonly prosessivaihe?: string;
  readonly palvelutehtava?: string;
  readonly documentType?: string;
  readonly replacesId?: string;
  readonly invalidatedBy?: string;
  /** Decoded clinicalDocument/text B64. */
  readonly content?: Buffer;
}

export interface ParsedCase {
  readonly caseId?: string;
  readonly documents: readonly ParsedResponseDocument[];
}

export interface ParsedQueryResponse {
  readonly ack: ParsedAcknowledgement;
  readonly queryResponseCode?: string;
  readonly total?: number;
  readonly documents: readonly ParsedResponseDocument[];
  readonly rights: readonly { readonly unitOid?: string; readonly start?: string; readonly end?: string }[];
  readonly cases: readonly ParsedCase[];
  readonly serviceTasks: readonly { readonly code?: string; readonly cases: readonly ParsedCase[] }[];
}

/** Reads a query response (any style), for the reference client and the tests. */
export function parseQueryResponse(xml: string): ParsedQueryResponse {
  const ack = parseAcknowledgement(xml);
  const parsed = parseDom(xml);
  const opened = parsed.ok ? openEnvelope(parsed.doc) : undefined;
  const message = opened?.ok ? opened.message : undefined;
  const control = message ? pathElement(message, NS.HL7, 'controlActProcess') : undefined;
  const subjects = control ? childElements(control, NS.HL7, 'subject') : [];
  const child = (name: string): DomElement[] => subjects.flatMap((s) => childElements(s, NS.HL7, name));
  const total = readValue(
    control ? pathElement(control, NS.HL7, 'queryAck', 'resultTotalQuantity') : undefined,
  );
  return {
    ack,
    queryResponseCode: attr(
      control ? pathElement(control, NS.HL7, 'queryAck', 'queryResponseCode') : undefined,
      'code',
    ),
    ...(total === undefined ? {} : { total: Number(total) }),
    documents: child('clinicalDocument').map(readDocument),
    rights: child('registerAccessRight').map((r) => ({
      unitOid: readRoot(pathElement(r, NS.HL7, 'serviceUnit', 'id')),
      start: readValue(pathElement(r, NS.HL7, 'effectiveTime', 'low')),
      end: readValue(pathElement(r, NS.HL7, 'effectiveTime', 'high')),
    })),
    cases: child('case').map(readCase),
    serviceTasks: child('serviceTask').map((t) => ({
      code: attr(pathElement(t, NS.HL7, 'code'), 'code'),
      cases: childElements(t, NS.HL7, 'component')
        .flatMap((c) => childElements(c, NS.HL7, 'case'))
        .map(readCase),
    })),
  };
}

function readCase(c: DomElement): ParsedCase {
  return {
    caseId: readRoot(pathElement(c, NS.HL7, 'id')),
    documents: childElements(c, NS.HL7, 'component')
      .flatMap((x) => childElements(x, NS.HL7, 'clinicalDocument'))
      .map(readDocument),
  };
}

function readDocument(d: DomElement): ParsedResponseDocument {
  const h = (...path: string[]): DomElement | undefined => pathElement(d, NS.HL7, ...path);
  const lsh = (...path: string[]): DomElement | undefined =>
    pathElement(d, NS.HL7FI, 'localSocialHeader', ...path);
  const version = readValue(h('versionNumber'));
  const b64 = textOf(h('text'));
  return {
    id: readRoot(h('id')),
    setId: readRoot(h('setId')),
    ...(version === undefined ? {} : { versionNumber: Number(version) }),
    statusCode: attr(h('statusCode'), 'code'),
    caseId: readRoot(h('componentOf', 'encounterEvent', 'id')),
    prosessivaihe: readCoded(lsh('serviceProcess', 'code'))?.code,
    palvelutehtava: readCoded(lsh('functionCode'))?.code,
    documentType: readCoded(lsh('specificDocumentType'))?.code,
    replacesId: readRoot(h('relatedDocument', 'parentDocument', 'id')),
    invalidatedBy: attr(lsh('invalidation'), 'byId'),
    ...(b64 === undefined || b64 === '' ? {} : { content: Buffer.from(b64.replace(/\s+/g, ''), 'base64') }),
  };
}
