/**
 * The one way client XML is read: bytes decoded as the encoding they declare (encoding.ts), the safety
 * limits (limits.ts), the strict, namespace-well-formed parse into the light tree (read-tree.ts,
 * namespaces.ts). Every failure is a violation naming the rule for what is wrong; nothing here throws on
 * client input.
 *
 * The limits are judged in the order a client sees them: size and declarations, then depth, then
 * well-formedness. The depth of text that parses is kept by the parse itself, which stops as soon as it is
 * passed, so accepted text is not scanned a second time for it (issue 17); text that does not parse is
 * scanned for depth as before, so that a text both too deep and malformed is refused as too deep.
 */
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleDefinition, type RuleViolation } from '../rules/rule.js';
import { parseTree } from './read-tree.js';
import { decodeXml } from './encoding.js';
import { checkSizeAndDeclarations, tooDeep, type XmlLimits } from './limits.js';
import type { DomDocument } from './tree.js';

export type ReadXml =
  | {
      readonly ok: true;
      readonly doc: DomDocument;
      /** The decoded text (what signatures are verified against). */
      readonly text: string;
      /** WIRE_XML_ENCODING_NOT_UTF8 when the bytes were not UTF-8. */
      readonly warnings: readonly RuleViolation[];
    }
  | { readonly ok: false; readonly violation: RuleViolation };

export interface ReadXmlOptions {
  readonly limits: XmlLimits;
  /** Names the input in details ("the message", "the CDA document"). */
  readonly what: string;
  /** Where a decoding or parse violation points. */
  readonly location: string;
  /** The rule for text that is not well-formed XML (WIRE_XML_MALFORMED, CDA_MALFORMED). */
  readonly malformed: RuleDefinition;
}

/** Reads client XML from its bytes (or from text that is already decoded). */
export function readXml(input: Buffer | string, options: ReadXmlOptions): ReadXml {
  let text: string;
  const warnings: RuleViolation[] = [];
  if (typeof input === 'string') {
    text = input;
  } else {
    const decoded = decodeXml(input, options.what, options.location);
    if (!decoded.ok) {
      return decoded;
    }
    text = decoded.text;
    if (decoded.warning) {
      warnings.push(decoded.warning);
    }
  }
  const unsafe = checkSizeAndDeclarations(text, options.limits);
  if (unsafe) {
    return { ok: false, violation: unsafe };
  }
  const parsed = parseTree(text, options.limits.maxDepth);
  if (!parsed.ok) {
    if (parsed.tooDeep) {
      return { ok: false, violation: tooDeep(parsed.message) };
    }
    const rule = parsed.namespace ? RULES.WIRE_XML_NAMESPACE_INVALID : options.malformed;
    return { ok: false, violation: violation(rule, options.location, parsed.message) };
  }
  return { ok: true, doc: parsed.doc, text, warnings };
}
