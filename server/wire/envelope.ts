/**
 * The SOAP layer. Kanta's SOAP details are not public [S], so the archive accepts the HL7 V3 message bare
 * or inside a SOAP 1.1 / 1.2 envelope and answers in the same style. An envelope is accepted only when it is
 * unambiguous: one Body with exactly one HL7 V3 message, and no header block the archive would be obliged
 * to understand (it understands none, so mustUnderstand must fail as SOAP requires).
 */
import type { DomDocument, DomElement } from '../xml/tree.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';
import { childElements, NS } from '../xml/dom.js';
import type { EnvelopeStyle } from './archive-frame.js';

export type OpenedEnvelope =
  | { readonly ok: true; readonly style: EnvelopeStyle; readonly message: DomElement }
  | { readonly ok: false; readonly violation: RuleViolation };

/** Finds the HL7 V3 message in a parsed request and the style to answer in. */
export function openEnvelope(doc: DomDocument): OpenedEnvelope {
  const root = doc.documentElement;
  if (!root) {
    return refuse('/', 'the document has no root element');
  }
  if (root.namespaceURI === NS.HL7) {
    return { ok: true, style: 'bare', message: root };
  }
  const style =
    root.namespaceURI === NS.SOAP11 ? 'soap11' : root.namespaceURI === NS.SOAP12 ? 'soap12' : undefined;
  if (style === undefined || root.localName !== 'Envelope') {
    return refuse(
      `/${root.localName ?? root.nodeName}`,
      `the root element {${root.namespaceURI ?? ''}}${root.localName ?? root.nodeName} is neither an HL7 V3 message (${NS.HL7}) nor a SOAP 1.1/1.2 Envelope`,
    );
  }
  const soapNs = style === 'soap11' ? NS.SOAP11 : NS.SOAP12;
  const children = childElements(root);
  const headers = children.filter((c) => c.namespaceURI === soapNs && c.localName === 'Header');
  const bodies = children.filter((c) => c.namespaceURI === soapNs && c.localName === 'Body');
  if (bodies.length !== 1) {
    return refuse('/Envelope/Body', `the envelope must have exactly one Body, found ${bodies.length}`);
  }
  if (headers.length > 1 || (headers.length === 1 && children[0] !== headers[0])) {
    return refuse(
      '/Envelope/Header',
      'at most one Header is allowed, and only as the first child of Envelope',
    );
  }
  const others = children.filter((c) => !headers.includes(c) && !bodies.includes(c));
  if (others.length > 0) {
    return refuse('/Envelope', `unexpected element ${others[0]?.localName ?? ''} in the envelope`);
  }
  const header = headers[0];
  if (header) {
    for (const block of childElements(header)) {
      if (mustUnderstand(block, soapNs)) {
        return refuse(
          `/Envelope/Header/${block.localName ?? ''}`,
          `header block {${block.namespaceURI ?? ''}}${block.localName ?? ''} is marked mustUnderstand, and the archive understands no header blocks`,
        );
      }
    }
  }
  const body = bodies[0] as DomElement;
  const payload = childElements(body);
  if (payload.length !== 1) {
    return refuse('/Envelope/Body', `the Body must carry exactly one element, found ${payload.length}`);
  }
  const message = payload[0] as DomElement;
  if (message.namespaceURI !== NS.HL7) {
    return refuse(
      `/Envelope/Body/${message.localName ?? ''}`,
      `the Body must carry an HL7 V3 message in namespace ${NS.HL7}, found {${message.namespaceURI ?? ''}}${message.localName ?? ''}`,
    );
  }
  return { ok: true, style, message };
}

/** Wraps an HL7 V3 message (with or without XML declaration) in the given style; bare returns it as is. */
export function wrapInSoap(xml: string, style: EnvelopeStyle): string {
  const body = xml.replace(/^\uFEFF?\s*<\?xml[^?]*\?>\s*/, '');
  if (style === 'bare') {
    return `<?xml version="1.0" encoding="UTF-8"?>\n${body.trimEnd()}\n`;
  }
  const ns = style === 'soap11' ? NS.SOAP11 : NS.SOAP12;
  // Not re-indented: text content (the MIME package) must reach the receiver byte for byte.
  return `<?xml version="1.0" encoding="UTF-8"?>\n<soap:Envelope xmlns:soap="${ns}">\n  <soap:Body>\n${body.trimEnd()}\n  </soap:Body>\n</soap:Envelope>\n`;
}

/** SOAP 1.1 uses "1"/"0", SOAP 1.2 "true"/"false" (and accepts 1/0). */
function mustUnderstand(block: DomElement, soapNs: string): boolean {
  const v = block.getAttributeNS(soapNs, 'mustUnderstand');
  return v === '1' || v === 'true';
}

function refuse(location: string, detail: string): OpenedEnvelope {
  return { ok: false, violation: violation(RULES.WIRE_SOAP_INVALID, location, detail) };
}
