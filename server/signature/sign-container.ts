/**
 * The hl7fi side of signing a CDA document to the Kanta profile: the localSocialHeader's signatureCollection,
 * one hl7fi:signature container with its signatureDescription and signatureTimestamp, and (for a
 * professional) the header signature naming the signer. The ds:Signature goes into the container
 * (sign-xmldsig.ts).
 */
import type { Document, Element } from '@xmldom/xmldom';
import { KantaSimError } from '../errors.js';
import { NS, childElement, childElements, textOf } from '../xml/dom.js';
import {
  SIGNATURE_TYPES,
  SIGNATURE_TYPE_CODE_SYSTEM,
  SIGNATURE_TYPE_CODE_SYSTEM_NAME,
  signatureTypeCode,
  type SignatureType,
} from './profile.js';
import { formatUtcDateTime } from './signing-time.js';

export interface ContainerOptions {
  readonly signatureId: string;
  readonly type: SignatureType;
  readonly signingTime: Date;
  /** 'timestamp': CDA-timestamp.<signatureId>; 'aikaleima': CDA-aikaleima.<n>, as both real senders do. */
  readonly timestampIdStyle: 'timestamp' | 'aikaleima';
  /** A professional named in localSocialHeader/hl7fi:signature/assignedAuthorSigner if not yet named. */
  readonly signerRegNo?: string;
}

/** The new, still unsigned hl7fi:signature container and its timestamp's ID. */
export interface SignatureContainer {
  readonly container: Element;
  readonly timestampId: string;
}

/** Adds an hl7fi:signature container (last in the collection) for one more signature. */
export function addSignatureContainer(doc: Document, options: ContainerOptions): SignatureContainer {
  const header = localSocialHeader(doc);
  const collection = ensureCollection(doc, header);
  if (options.type === 'professional' && options.signerRegNo !== undefined) {
    ensureHeaderSigner(doc, header, collection, options.signerRegNo, options.signingTime);
  }
  const position = childElements(collection, NS.HL7FI, 'signature').length + 1;
  const timestampId =
    options.timestampIdStyle === 'aikaleima'
      ? `CDA-aikaleima.${position}`
      : `CDA-timestamp.${options.signatureId}`;
  const code = signatureTypeCode(options.type);
  const container = hl7fi(doc, collection, 'signature');
  container.setAttribute('ID', options.signatureId);
  const description = hl7fi(doc, collection, 'signatureDescription');
  description.setAttribute('code', code);
  description.setAttribute('displayName', SIGNATURE_TYPES[code]?.displayName ?? '');
  description.setAttribute('codeSystem', SIGNATURE_TYPE_CODE_SYSTEM);
  description.setAttribute('codeSystemName', SIGNATURE_TYPE_CODE_SYSTEM_NAME);
  const timestamp = hl7fi(doc, collection, 'signatureTimestamp');
  timestamp.setAttribute('ID', timestampId);
  timestamp.appendChild(doc.createTextNode(formatUtcDateTime(options.signingTime)));
  container.appendChild(description);
  container.appendChild(timestamp);
  collection.appendChild(container);
  return { container, timestampId };
}

function localSocialHeader(doc: Document): Element {
  const root = doc.documentElement;
  const header = root ? childElement(root, NS.HL7FI, 'localSocialHeader') : undefined;
  if (!root || root.namespaceURI !== NS.HL7 || root.localName !== 'ClinicalDocument' || !header) {
    throw new KantaSimError('BAD_REQUEST', 'not a ClinicalDocument with an hl7fi:localSocialHeader');
  }
  return header;
}

/**
 * The first signatureCollection, created last in the header if missing, with the header's prefix: the
 * tree is canonicalized for the digests before it is written out, so it must already hold the prefix the
 * serializer would write (an unprefixed element in a prefixed parent is written with the prefix in scope).
 */
function ensureCollection(doc: Document, header: Element): Element {
  const existing = childElement(header, NS.HL7FI, 'signatureCollection');
  if (existing) {
    return existing;
  }
  const created = hl7fi(doc, header, 'signatureCollection');
  header.appendChild(created);
  return created;
}

/** A child element in hl7finland, with the prefix its parent uses (or none). */
function hl7fi(doc: Document, parent: Element, localName: string): Element {
  const prefix = parent.namespaceURI === NS.HL7FI ? parent.prefix : null;
  return doc.createElementNS(NS.HL7FI, prefix ? `${prefix}:${localName}` : localName);
}

/** Names the professional in localSocialHeader/hl7fi:signature unless some header signature already does. */
function ensureHeaderSigner(
  doc: Document,
  header: Element,
  collection: Element,
  regNo: string,
  at: Date,
): void {
  const named = childElements(header, NS.HL7FI, 'signature').some(
    (s) => textOf(childElement(s, NS.HL7FI, 'assignedAuthorSigner')) === regNo,
  );
  if (named) {
    return;
  }
  const signature = hl7fi(doc, header, 'signature');
  const signer = hl7fi(doc, header, 'assignedAuthorSigner');
  signer.appendChild(doc.createTextNode(regNo));
  const time = hl7fi(doc, header, 'time');
  time.setAttribute('value', hl7Time(at));
  signature.appendChild(signer);
  signature.appendChild(time);
  header.insertBefore(signature, collection);
}

/** HL7 TS in UTC: YYYYMMDDHHMMSS+0000. */
function hl7Time(d: Date): string {
  return `${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}+0000`;
}
