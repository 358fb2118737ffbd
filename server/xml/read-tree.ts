/**
 * The archive's parser for client XML: saxes (strict, namespace-aware, XML 1.0 character rules) building
 * a light, read-only tree (tree.ts) instead of xmldom's full DOM.
 *
 * Why: parsing was the largest item of the archive's CPU per document (docs/performance.md, issue 17).
 * xmldom builds a mutable DOM (live node lists, attribute maps with owner links, namespace maps per
 * element) that nothing on the read path uses; saxes reads the same text in about half the time and the
 * tree below holds only what the readers and the canonicalizer read. What the tree says must equal what
 * xmldom says for every text both accept: test/xml/read-tree.test.ts compares the two trees and their
 * exclusive canonical forms node for node, and the c14n differential test against xmlsec1 runs on this
 * tree. saxes is stricter than xmldom where XML 1.0 is (characters outside the Char production, "]]>" in
 * text, a bare "&", markup xmldom repairs), and libxml2 refuses each of those too (the same test checks
 * it). saxes has no limits of its own: callers check the size and refuse DOCTYPEs first (limits.ts), and
 * the parse stops at the nesting depth it is given (read-xml.ts says how the two fit together).
 * Long plain text runs are passed over natively (plain-text-runs.ts); saxes still reads what ends them.
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { namespaceRefusal, readableText, type DomResult } from './dom.js';
import { skipPlainTextRuns } from './plain-text-runs.js';
import { maxElementDepth } from './limits.js';
import { XMLNS_NAMESPACE } from './namespaces.js';
import { NODE_TYPE, type DomAttr, type DomAttributes, type DomDocument, type DomElement } from './tree.js';

class TreeNode {
  parentNode: TreeNode | null = null;
  firstChild: TreeNode | null = null;
  lastChild: TreeNode | null = null;
  nextSibling: TreeNode | null = null;

  constructor(
    readonly nodeType: number,
    readonly nodeName: string,
    readonly nodeValue: string | null,
  ) {}

  appendChild(child: TreeNode): void {
    child.parentNode = this;
    if (this.lastChild === null) {
      this.firstChild = child;
    } else {
      this.lastChild.nextSibling = child;
    }
    this.lastChild = child;
  }
}

class TreeAttr implements DomAttr {
  readonly name: string;
  readonly localName: string;
  readonly prefix: string | null;
  readonly namespaceURI: string | null;
  readonly value: string;

  constructor(a: SaxesAttributeNS) {
    this.name = a.name;
    this.localName = a.local;
    this.prefix = a.prefix === '' ? null : a.prefix;
    this.namespaceURI = a.uri === '' ? null : a.uri;
    this.value = a.value;
  }
}

class TreeAttributes implements DomAttributes {
  constructor(private readonly list: readonly TreeAttr[]) {}

  get length(): number {
    return this.list.length;
  }

  item(index: number): TreeAttr | null {
    return this.list[index] ?? null;
  }

  named(qualifiedName: string): TreeAttr | undefined {
    return this.list.find((a) => a.name === qualifiedName);
  }

  namedNS(namespaceURI: string | null, localName: string): TreeAttr | undefined {
    return this.list.find((a) => a.namespaceURI === namespaceURI && a.localName === localName);
  }
}

const NO_ATTRIBUTES = new TreeAttributes([]);

class TreeElement extends TreeNode implements DomElement {
  readonly localName: string;
  readonly namespaceURI: string | null;
  readonly prefix: string | null;
  readonly attributes: TreeAttributes;

  /** Whether a namespace declaration's value begins or ends with white space, which saxes trims away. */
  readonly declaresPaddedName: boolean = false;

  constructor(tag: SaxesTagNS) {
    super(NODE_TYPE.ELEMENT, tag.name, null);
    this.localName = tag.local;
    this.namespaceURI = tag.uri === '' ? null : tag.uri;
    this.prefix = tag.prefix === '' ? null : tag.prefix;
    let list: TreeAttr[] | undefined;
    for (const name in tag.attributes) {
      const attr = new TreeAttr(tag.attributes[name] as SaxesAttributeNS);
      if (attr.namespaceURI === XMLNS_NAMESPACE && /^\s|\s$/.test(attr.value)) {
        this.declaresPaddedName = true;
      }
      (list ??= []).push(attr);
    }
    this.attributes = list ? new TreeAttributes(list) : NO_ATTRIBUTES;
  }

  get tagName(): string {
    return this.nodeName;
  }

  getAttribute(qualifiedName: string): string | null {
    return this.attributes.named(qualifiedName)?.value ?? null;
  }

  hasAttribute(qualifiedName: string): boolean {
    return this.attributes.named(qualifiedName) !== undefined;
  }

  getAttributeNS(namespaceURI: string | null, localName: string): string | null {
    return this.attributes.namedNS(namespaceURI || null, localName)?.value ?? null;
  }
}

class TreeDocument extends TreeNode implements DomDocument {
  documentElement: TreeElement | null = null;

  constructor() {
    super(NODE_TYPE.DOCUMENT, '#document', null);
  }
}

type TreeParent = TreeElement | TreeDocument;

type TreeParserOptions = {
  xmlns: true;
  position: false;
  defaultXMLVersion: '1.0';
  forceXMLVersion: true;
};

/**
 * One parse. The handlers are set in the constructor: saxes keeps them as properties of the parser, and
 * set one by one after construction they turn it into a slow dictionary-mode object in V8 (three times
 * the parse time, measured).
 */
class TreeParser extends SaxesParser<TreeParserOptions> {
  readonly doc = new TreeDocument();
  declaresPaddedName = false;
  private current: TreeParent = this.doc;
  private depth = 0;

  constructor(maxDepth: number) {
    // XML 1.0 whatever the declaration says, as libxml2 (xmlsec1) and Java's parsers read documents: in
    // particular NEL and LINE SEPARATOR are not line ends (dom.ts xml10LineEnds says why that matters).
    super({ xmlns: true, position: false, defaultXMLVersion: '1.0', forceXMLVersion: true });
    this.on('opentag', (tag) => {
      // Nesting as limits.ts has always counted it: start tags not yet ended; a self-closing one holds nothing.
      if (!tag.isSelfClosing && ++this.depth > maxDepth) {
        throw new NestingTooDeep();
      }
      const el = new TreeElement(tag);
      this.declaresPaddedName ||= el.declaresPaddedName;
      if (this.current === this.doc) {
        this.doc.documentElement = el;
      }
      this.current.appendChild(el);
      this.current = el;
    });
    this.on('closetag', (tag) => {
      this.depth -= tag.isSelfClosing ? 0 : 1;
      this.current = (this.current.parentNode as TreeParent | null) ?? this.doc;
    });
    // Whitespace around the root element is not content; saxes refuses anything else there.
    this.on('text', (text) => {
      if (this.current !== this.doc) {
        this.current.appendChild(new TreeNode(NODE_TYPE.TEXT, '#text', text));
      }
    });
    // An empty CDATA section holds nothing: no node, as in xmldom's DOM.
    this.on('cdata', (text) => {
      if (text !== '') {
        this.current.appendChild(new TreeNode(NODE_TYPE.CDATA_SECTION, '#cdata-section', text));
      }
    });
    this.on('comment', (text) => {
      this.current.appendChild(new TreeNode(NODE_TYPE.COMMENT, '#comment', text));
    });
    this.on('processinginstruction', ({ target, body }) => {
      this.current.appendChild(new TreeNode(NODE_TYPE.PROCESSING_INSTRUCTION, target, body));
    });
    // The first error ends the parse: the text is refused as a whole.
    this.on('error', (error) => {
      throw error;
    });
  }
}

skipPlainTextRuns(TreeParser);

/** Ends a parse whose element nesting passed the depth it was given. */
class NestingTooDeep extends Error {}

export type TreeResult =
  { ok: true; doc: DomDocument } | (Extract<DomResult, { ok: false }> & { readonly tooDeep?: true });

/**
 * Parses XML text strictly into the light tree: the first error makes the whole text malformed, or not
 * namespace-well-formed when namespaces.ts says so.
 *
 * namespaces.ts decides namespace well-formedness for both parsers, but this one does not scan every text
 * with it first, as parseDom does: saxes refuses every case namespaces.ts refuses but one (it trims a
 * namespace name that begins or ends with white space, which the tree notices), so only a refused text or
 * one with such a name is scanned, and it is classified exactly as parseDom classifies it.
 *
 * The parse stops as soon as more than `maxDepth` elements are open (counted as limits.ts counts them), and
 * a refused text whose scan (maxElementDepth) finds it deeper than that is refused for it; both are
 * flagged `tooDeep`.
 */
export function parseTree(input: string, maxDepth = Number.POSITIVE_INFINITY): TreeResult {
  const text = readableText(input);
  if (typeof text !== 'string') {
    return text;
  }
  const parser = new TreeParser(maxDepth);
  try {
    parser.write(text).close();
  } catch (cause) {
    // A refused text that is too deep is refused for that, as the scan before any parse refused it: what
    // follows reads the whole text again, and saxes's error pass takes time quadratic in its depth.
    const depth = maxElementDepth(text);
    if (depth > maxDepth) {
      return { ok: false, message: `element nesting ${depth} exceeds ${maxDepth}`, tooDeep: true };
    }
    // The scan counts less than the parse only where a processing instruction holds end tags.
    if (cause instanceof NestingTooDeep) {
      return { ok: false, message: `element nesting exceeds ${maxDepth}`, tooDeep: true };
    }
    return namespaceRefusal(text) ?? { ok: false, message: describeProblems(text), cause };
  }
  const padded = parser.declaresPaddedName ? namespaceRefusal(text) : undefined;
  if (padded) {
    return padded;
  }
  if (!parser.doc.documentElement) {
    return { ok: false, message: 'no root element' };
  }
  return { ok: true, doc: parser.doc };
}

/**
 * What is wrong with text the parse refused, for the client's engineer: the first problem with its line
 * and column, then the next few (e.g. every tag a cut-off message leaves open). Only refused text pays for
 * this second, position-tracking pass; the parse itself does not track positions.
 */
function describeProblems(text: string): string {
  const problems: string[] = [];
  const parser = new SaxesParser({
    xmlns: true,
    position: true,
    defaultXMLVersion: '1.0',
    forceXMLVersion: true,
  });
  // Garbage can hold a problem per character; a handful says enough.
  parser.on('error', (error) => {
    problems.push(error.message);
    if (problems.length >= MAX_PROBLEMS) {
      throw error;
    }
  });
  try {
    parser.write(text).close();
  } catch {
    // The problems are collected.
  }
  const [first = 'not well-formed XML', ...rest] = [...new Set(problems)].map(atLineAndColumn);
  if (rest.length === 0) {
    return first;
  }
  const listed = rest.length > 4 ? [...rest.slice(0, 4), '...'] : rest;
  return `${first} (then ${listed.join('; ')})`;
}

const MAX_PROBLEMS = 20;

/** saxes writes "12:5: message"; says it in words. */
function atLineAndColumn(message: string): string {
  const m = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
  return m ? `line ${m[1]}, column ${m[2]}: ${(m[3] ?? '').replace(/\.$/, '')}` : message.replace(/\.$/, '');
}
