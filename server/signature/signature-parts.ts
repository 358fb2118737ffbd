/**
 * Reads one placed signature into plain values with a strict structural check of its own. xml-crypto
 * searches descendants loosely (the first CanonicalizationMethod anywhere under Signature, say), so the
 * verifier first insists that the element tree is exactly the XMLDSig shape the profile uses; only then
 * can its own reading and xml-crypto's reading be the same.
 */
import type { DomElement } from '../xml/tree.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';
import { NS, attr, childElement, childElements, textOf } from '../xml/dom.js';
import { signatureXpath } from './location.js';
import type { PlacedSignature } from './placement.js';

export interface ReferenceParts {
  readonly el: DomElement;
  readonly location: string;
  readonly uri?: string;
  readonly transforms: readonly string[];
  /** A Transform carried parameters (child elements, e.g. InclusiveNamespaces). */
  readonly transformParameters: boolean;
  readonly digestMethod?: string;
}

export interface SignatureParts {
  readonly placed: PlacedSignature;
  readonly location: string;
  readonly id?: string;
  readonly typeCode?: string;
  readonly descriptionEl?: DomElement;
  readonly timestampEl?: DomElement;
  readonly timestampId?: string;
  readonly timestampText?: string;
  readonly c14nMethod?: string;
  readonly c14nParameters: boolean;
  readonly signatureMethod?: string;
  readonly references: readonly ReferenceParts[];
  /** Base64 text of every KeyInfo/X509Data/X509Certificate, signer first. */
  readonly certificates: readonly string[];
  readonly keyInfoLocation: string;
  /** SIG_STRUCTURE_INVALID findings. */
  readonly structureProblems: readonly RuleViolation[];
}

const SIGNATURE_CHILDREN = ['SignedInfo', 'SignatureValue', 'KeyInfo'];

/** Reads the container and its ds:Signature; never throws. */
export function readSignatureParts(placed: PlacedSignature): SignatureParts {
  const { container, dsSignature } = placed;
  const location = signatureXpath(dsSignature);
  const problems: RuleViolation[] = [];
  const problem = (el: DomElement, detail: string): void => {
    problems.push(violation(RULES.SIG_STRUCTURE_INVALID, signatureXpath(el), detail));
  };

  const descriptionEl = childElement(container, NS.HL7FI, 'signatureDescription');
  const timestampEl = childElement(container, NS.HL7FI, 'signatureTimestamp');
  checkContainer(container, problem);

  const kids = childElements(dsSignature);
  const names = kids.map((k) =>
    k.namespaceURI === NS.DSIG ? k.localName : `{${k.namespaceURI ?? ''}}${k.localName}`,
  );
  const expectedNames = names.length === 2 ? SIGNATURE_CHILDREN.slice(0, 2) : SIGNATURE_CHILDREN;
  if (names.join(' ') !== expectedNames.join(' ')) {
    problem(
      dsSignature,
      `children must be SignedInfo, SignatureValue, KeyInfo; found: ${names.join(', ') || 'none'}`,
    );
  }
  const signedInfo = childElement(dsSignature, NS.DSIG, 'SignedInfo');
  const keyInfo = childElement(dsSignature, NS.DSIG, 'KeyInfo');

  const { c14nMethod, c14nParameters, signatureMethod, references } = readSignedInfo(signedInfo, problem);
  const signatureValue = childElement(dsSignature, NS.DSIG, 'SignatureValue');
  if (signatureValue && (!textOf(signatureValue) || childElements(signatureValue).length > 0)) {
    problem(signatureValue, 'SignatureValue must hold only Base64 text');
  }

  const certificates = keyInfoCertificates(keyInfo);

  return {
    placed,
    location,
    ...optional('id', attr(container, 'ID')),
    ...optional('typeCode', attr(descriptionEl, 'code')),
    ...optional('descriptionEl', descriptionEl),
    ...optional('timestampEl', timestampEl),
    ...optional('timestampId', attr(timestampEl, 'ID')),
    ...optional('timestampText', textOf(timestampEl)),
    ...optional('c14nMethod', c14nMethod),
    c14nParameters,
    ...optional('signatureMethod', signatureMethod),
    references,
    certificates,
    keyInfoLocation: keyInfo ? signatureXpath(keyInfo) : `${location}/ds:KeyInfo`,
    structureProblems: problems,
  };
}

/** What SignedInfo declares: canonicalization, signature method, references. */
interface SignedInfoParts {
  readonly c14nMethod: string | undefined;
  readonly c14nParameters: boolean;
  readonly signatureMethod: string | undefined;
  readonly references: ReferenceParts[];
}

/** Reads SignedInfo (when present), reporting what is out of place through `problem`. */
function readSignedInfo(
  signedInfo: DomElement | undefined,
  problem: (el: DomElement, detail: string) => void,
): SignedInfoParts {
  let c14nMethod: string | undefined;
  let c14nParameters = false;
  let signatureMethod: string | undefined;
  const references: ReferenceParts[] = [];
  if (!signedInfo) {
    return { c14nMethod, c14nParameters, signatureMethod, references };
  }
  const siKids = childElements(signedInfo);
  const [c14nEl, methodEl, ...refEls] = siKids;
  if (!c14nEl || !isDs(c14nEl, 'CanonicalizationMethod') || !methodEl || !isDs(methodEl, 'SignatureMethod')) {
    problem(signedInfo, 'SignedInfo must start with CanonicalizationMethod and SignatureMethod');
  } else {
    c14nMethod = attr(c14nEl, 'Algorithm');
    c14nParameters = childElements(c14nEl).length > 0;
    signatureMethod = attr(methodEl, 'Algorithm');
    if (childElements(methodEl).length > 0) {
      problem(methodEl, 'SignatureMethod may not carry parameters');
    }
  }
  for (const refEl of refEls) {
    if (!isDs(refEl, 'Reference')) {
      problem(refEl, `unexpected element ${refEl.localName} in SignedInfo`);
      continue;
    }
    references.push(readReference(refEl, problem));
  }
  if (references.length === 0) {
    problem(signedInfo, 'SignedInfo holds no Reference');
  }
  return { c14nMethod, c14nParameters, signatureMethod, references };
}

/** The KeyInfo/X509Data certificates' Base64 text, whitespace removed, in document order. */
function keyInfoCertificates(keyInfo: DomElement | undefined): string[] {
  const certificates: string[] = [];
  for (const data of keyInfo ? childElements(keyInfo, NS.DSIG, 'X509Data') : []) {
    for (const c of childElements(data, NS.DSIG, 'X509Certificate')) {
      certificates.push((textOf(c) ?? '').replace(/\s+/g, ''));
    }
  }
  return certificates;
}

function readReference(refEl: DomElement, problem: (el: DomElement, detail: string) => void): ReferenceParts {
  const kids = childElements(refEl);
  const names = kids.map((k) =>
    k.namespaceURI === NS.DSIG ? k.localName : `{${k.namespaceURI ?? ''}}${k.localName}`,
  );
  const shape = names.join(' ');
  if (shape !== 'Transforms DigestMethod DigestValue' && shape !== 'DigestMethod DigestValue') {
    problem(
      refEl,
      `Reference children must be [Transforms], DigestMethod, DigestValue; found: ${names.join(', ')}`,
    );
  }
  const transformsEl = childElement(refEl, NS.DSIG, 'Transforms');
  const transformEls = transformsEl ? childElements(transformsEl) : [];
  const transforms: string[] = [];
  let transformParameters = false;
  for (const t of transformEls) {
    if (!isDs(t, 'Transform')) {
      problem(t, `unexpected element ${t.localName} in Transforms`);
      continue;
    }
    transforms.push(attr(t, 'Algorithm') ?? '');
    transformParameters ||= childElements(t).length > 0;
  }
  const digestEl = childElement(refEl, NS.DSIG, 'DigestMethod');
  for (const leaf of [digestEl, childElement(refEl, NS.DSIG, 'DigestValue')]) {
    if (leaf && childElements(leaf).length > 0) {
      problem(leaf, `${leaf.localName} may not contain elements`);
    }
  }
  return {
    el: refEl,
    location: signatureXpath(refEl),
    ...optional('uri', attr(refEl, 'URI')),
    transforms,
    transformParameters,
    ...optional('digestMethod', attr(digestEl, 'Algorithm')),
  };
}

/** hl7fi:signature: an ID, at most one description and one timestamp, nothing foreign beside them. */
function checkContainer(container: DomElement, problem: (el: DomElement, detail: string) => void): void {
  if (!attr(container, 'ID')) {
    problem(container, 'hl7fi:signature has no ID attribute');
  }
  const counts = new Map<string, number>();
  for (const child of childElements(container)) {
    const known =
      (child.namespaceURI === NS.HL7FI &&
        (child.localName === 'signatureDescription' || child.localName === 'signatureTimestamp')) ||
      isDs(child, 'Signature');
    if (!known) {
      problem(child, `unexpected element ${child.localName} in hl7fi:signature`);
      continue;
    }
    const name = child.localName ?? '';
    counts.set(name, (counts.get(name) ?? 0) + 1);
    if (name !== 'Signature' && (counts.get(name) ?? 0) > 1) {
      problem(child, `hl7fi:signature may hold only one ${name}`);
    }
  }
}

function isDs(el: DomElement, name: string): boolean {
  return el.namespaceURI === NS.DSIG && el.localName === name;
}

/** Spreads `{ key: value }` only when value is defined (exactOptionalPropertyTypes-friendly). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
