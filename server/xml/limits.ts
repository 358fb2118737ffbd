/**
 * XML safety, decided in one place.
 *
 * Why: every byte the archive parses comes from a client over the network. DOCTYPE declarations enable
 * entity expansion ("billion laughs") and external entity resolution (XXE, file and network reads), so no
 * input may carry one: HL7 V3 and CDA never need them. Size and nesting limits bound the memory and stack
 * a single request can take; they are generous for real documents (the real samples are ~27 KB, depth ~12)
 * and configurable for migrations of large old documents.
 */
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';

export interface XmlLimits {
  /** Largest accepted message in bytes (the whole HTTP body). */
  readonly maxBytes: number;
  /** Deepest element nesting accepted. */
  readonly maxDepth: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = Object.freeze({ maxBytes: 10 * 1024 * 1024, maxDepth: 64 });

/**
 * Checks raw XML text before any parser sees it. Returns the violation, or undefined when the text may be
 * parsed. The scan is linear and allocation-free, so hostile input costs no more than reading it.
 */
export function checkXmlSafety(
  text: string,
  limits: XmlLimits = DEFAULT_XML_LIMITS,
): RuleViolation | undefined {
  return checkSizeAndDeclarations(text, limits) ?? checkDepth(text, limits);
}

/**
 * The checks that must come before any parse: the size, and no DOCTYPE or ENTITY declaration anywhere in
 * the text (not even in a comment: such a text is refused, not read). The depth limit can be kept by the
 * parse itself (read-xml.ts) and checked with checkDepth where it is not.
 */
export function checkSizeAndDeclarations(
  text: string,
  limits: XmlLimits = DEFAULT_XML_LIMITS,
): RuleViolation | undefined {
  if (Buffer.byteLength(text, 'utf8') > limits.maxBytes) {
    return violation(RULES.WIRE_XML_TOO_LARGE, '/', `larger than ${limits.maxBytes} bytes`);
  }
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    return violation(
      RULES.WIRE_XML_DOCTYPE_FORBIDDEN,
      '/',
      'the message contains a DOCTYPE or ENTITY declaration',
    );
  }
  return undefined;
}

/** The depth limit, judged by scanning the raw text's tags (maxElementDepth), well-formed or not. */
function checkDepth(text: string, limits: XmlLimits): RuleViolation | undefined {
  const depth = maxElementDepth(text);
  return depth > limits.maxDepth ? tooDeep(`element nesting ${depth} exceeds ${limits.maxDepth}`) : undefined;
}

/** The violation of the depth limit, with `detail` saying how deep. */
export function tooDeep(detail: string): RuleViolation {
  return violation(RULES.WIRE_XML_TOO_DEEP, '/', detail);
}

/**
 * Counts element nesting with a tag scanner that skips comments, CDATA and processing instructions. On
 * well-formed text this is the real nesting, except where a processing instruction holds markup: it skips
 * a PI only to its first ">", so tags after that one inside the PI are counted.
 */
export function maxElementDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let i = text.indexOf('<');
  while (i !== -1 && i < text.length) {
    const next = text.charCodeAt(i + 1);
    if (text.startsWith('<!--', i)) {
      i = skipTo(text, '-->', i);
    } else if (text.startsWith('<![CDATA[', i)) {
      i = skipTo(text, ']]>', i);
    } else if (next === 63 /* ? */ || next === 33 /* ! */) {
      i = skipTo(text, '>', i);
    } else if (next === 47 /* / */) {
      depth--;
      i = skipTo(text, '>', i);
    } else {
      const end = findTagEnd(text, i);
      if (end === -1) {
        return max;
      }
      if (text.charCodeAt(end - 1) !== 47 /* self-closing */) {
        depth++;
        if (depth > max) {
          max = depth;
        }
      }
      i = end + 1;
    }
    if (i === -1) {
      return max;
    }
    i = text.indexOf('<', i);
  }
  return max;
}

function skipTo(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at === -1 ? -1 : at + marker.length;
}

/** Finds the '>' closing a start tag, ignoring any '>' inside quoted attribute values. */
function findTagEnd(text: string, from: number): number {
  let quote = 0;
  for (let j = from + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (quote !== 0) {
      if (c === quote) {
        quote = 0;
      }
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 62) {
      return j;
    }
  }
  return -1;
}
