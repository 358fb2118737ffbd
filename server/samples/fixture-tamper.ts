/**
 * The deliberate damage the invalid fixtures carry, each a small pure function on the XML text: re-framing
 * a (possibly altered) signed CDA with a different frame, and editing signed bytes after signing. Kept apart
 * from the variant table so each trick is written, and explained, once.
 */
import type { SocialDocument } from '../cda/social-document.js';
import { KantaSimError } from '../errors.js';
import { buildArchiveFrame, type ArchiveFrameInput } from '../wire/build-frame.js';
import { type FixtureContext, seededNumber } from './fixture-documents.js';
import type { SignedMessage } from './signed-message.js';

const MINUTE_MS = 60_000;

/** What a re-framed message may change: the frame's wrapper fields and its metadata copy of the header. */
export interface Reframe {
  readonly cdaXml?: string;
  readonly document?: (doc: SocialDocument) => SocialDocument;
  readonly serviceRequest?: string;
  readonly senderOid?: string;
  readonly receiverOid?: string;
  readonly interactionId?: string;
}

/**
 * Frames `signed` again, as signAndFrame did (same message id and creation time), with the changes in
 * `change`. The CDA bytes are carried unchanged unless `change.cdaXml` replaces them.
 */
export function reframe(
  ctx: FixtureContext,
  signed: SignedMessage,
  serviceRequest: string,
  change: Reframe,
): string {
  const doc = signed.document;
  const written = Date.parse(
    doc.effectiveTime?.replace(/^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2}).*$/, '$1-$2-$3T$4:$5:$6') ?? '',
  );
  const input: ArchiveFrameInput = {
    serviceRequest: change.serviceRequest ?? serviceRequest,
    messageId: { root: ctx.parties.organiser.oid, extension: String(seededNumber(`message/${doc.id}`)) },
    senderOid: change.senderOid ?? ctx.parties.organiser.oid,
    creationTime: Number.isNaN(written) ? ctx.base : new Date(written + 2 * MINUTE_MS),
    document: change.document ? change.document(doc) : doc,
    cdaBytes: Buffer.from(change.cdaXml ?? signed.cdaXml, 'utf8'),
    ...(change.receiverOid === undefined ? {} : { receiverOid: change.receiverOid }),
    ...(change.interactionId === undefined ? {} : { interactionId: change.interactionId }),
  };
  return buildArchiveFrame(input);
}

/** Replaces exactly one occurrence of `from`; a fixture that silently changed nothing would lie. */
export function replaceOnce(
  text: string,
  from: string | RegExp,
  to: string | ((m: string) => string),
): string {
  const re = typeof from === 'string' ? new RegExp(escapeRegExp(from)) : from;
  const match = re.exec(text);
  if (!match) {
    throw new KantaSimError('INTERNAL', `fixture tampering found no ${String(from)} to replace`);
  }
  const replacement = typeof to === 'string' ? to : to(match[0]);
  return text.slice(0, match.index) + replacement + text.slice(match.index + match[0].length);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Changes a sentence inside the Base64 display form (XHTML) of the signed body, after signing: what a
 * client system does when it "fixes" a document after the professional signed it.
 */
export function alterDisplayForm(cdaXml: string, from: string, to: string): string {
  return replaceOnce(cdaXml, /(representation="B64"[^>]*>)([^<]+)(<)/, (m) => {
    const parts = /^(representation="B64"[^>]*>)([^<]+)(<)$/.exec(m);
    if (!parts) {
      throw new KantaSimError('INTERNAL', 'display form not found');
    }
    const xhtml = Buffer.from(parts[2] ?? '', 'base64').toString('utf8');
    const altered = replaceOnce(xhtml, from, to);
    return `${parts[1] ?? ''}${Buffer.from(altered, 'utf8').toString('base64')}${parts[3] ?? ''}`;
  });
}

/** Flips one Base64 character of the first SignatureValue: the value no longer verifies. */
export function corruptSignatureValue(cdaXml: string): string {
  return replaceOnce(cdaXml, /(SignatureValue>)([A-Za-z0-9+/])/, (m) => {
    const last = m.slice(-1);
    return m.slice(0, -1) + (last === 'A' ? 'B' : 'A');
  });
}

/**
 * Puts a line break between every two adjacent tags, as the published Kanta samples were re-formatted: the
 * signed bytes change although no value does. A verifier must refuse it (and may say why).
 */
export function breakLinesBetweenTags(cdaXml: string): string {
  return cdaXml.replace(/></g, '>\n<');
}

/** Puts a DOCTYPE with an internal entity after the XML declaration (the XXE / billion-laughs shape). */
export function addDoctype(messageXml: string, rootName: string): string {
  const doctype = `<!DOCTYPE ${rootName} [<!ENTITY kanta "kanta-sim">]>`;
  return messageXml.startsWith('<?xml')
    ? messageXml.replace(/^(<\?xml[^>]*\?>)/, `$1\n${doctype}`)
    : `${doctype}\n${messageXml}`;
}
