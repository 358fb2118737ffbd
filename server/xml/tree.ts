/**
 * The read-only view of a parsed XML tree that the archive's readers use: the frame, the CDA, the
 * signature checks and the canonicalizer. Two parsers produce trees of this shape: the light tree of
 * read-tree.ts (what the archive reads client documents with) and xmldom (dom.ts: signing, the client
 * tools, and the cross-check of the light tree in tests). xmldom's nodes have every member below, so any
 * reader typed with these interfaces works on both, and the compiler keeps readers to what both provide.
 */

/** Node types (DOM numbering), the only ones a tree without a DOCTYPE holds. */
export const NODE_TYPE = Object.freeze({
  ELEMENT: 1,
  TEXT: 3,
  CDATA_SECTION: 4,
  PROCESSING_INSTRUCTION: 7,
  COMMENT: 8,
  DOCUMENT: 9,
});

export interface DomNode {
  readonly nodeType: number;
  /** The qualified name of an element, the target of a processing instruction, '#text' and the like. */
  readonly nodeName: string;
  /** Text, CDATA and comment content, a processing instruction's data; null on elements and documents. */
  readonly nodeValue: string | null;
  readonly parentNode: DomNode | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
}

export interface DomAttr {
  /** The qualified name as written (`xml:lang`, `ID`). */
  readonly name: string;
  readonly localName: string | null;
  /** null when unprefixed. */
  readonly prefix: string | null;
  /** null for an unprefixed attribute (no namespace); the xmlns namespace for declarations. */
  readonly namespaceURI: string | null;
  readonly value: string;
}

export interface DomAttributes {
  readonly length: number;
  item(index: number): DomAttr | null;
}

export interface DomElement extends DomNode {
  readonly localName: string | null;
  /** null for an element in no namespace. */
  readonly namespaceURI: string | null;
  readonly prefix: string | null;
  readonly tagName: string;
  /** In document order, namespace declarations included. */
  readonly attributes: DomAttributes;
  getAttribute(qualifiedName: string): string | null;
  hasAttribute(qualifiedName: string): boolean;
  getAttributeNS(namespaceURI: string | null, localName: string): string | null;
}

export interface DomDocument extends DomNode {
  readonly documentElement: DomElement | null;
}
