/**
 * The archive's signature verdict against xmlsec1's (libxmlsec, an XML-DSig implementation independent of
 * kanta-sim) on generated documents: 200 documents over every feature Exclusive C14N treats specially,
 * signed by xmlsec1, and a twin of each (changed content, or a reformulation Canonical XML ignores). For
 * every one of the 400 the archive's verifier (signature-crypto.ts) must say what xmlsec1 says: valid,
 * digest mismatch or wrong signature value, on the archive's light tree (read-tree.ts, what the archive
 * reads with) and on xmldom's DOM (the old path, kept as the cross-check). The corpus generator lives in
 * test/support/c14n-corpus.ts.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSignatureCrypto } from '../../server/signature/signature-crypto.js';
import { descendants, NS, parseDom } from '../../server/xml/dom.js';
import { parseTree } from '../../server/xml/read-tree.js';
import type { DomElement } from '../../server/xml/tree.js';
import {
  BODY_ID,
  generateCorpus,
  twinOf,
  XMLSEC1_ID_ATTRS,
  type CorpusDocument,
  type Twin,
} from '../support/c14n-corpus.js';
import { XMLSEC1 } from '../support/requirements.js';
import { Xmlsec1Batch, type Xmlsec1Verdict } from '../support/xmlsec1-batch.js';

const COUNT = 200;

type Verdict = Xmlsec1Verdict | `error: ${string}`;

const PARSERS = { 'light tree': parseTree, xmldom: parseDom } as const;

/** The archive's verifier on one document: the reference resolves to the one element with ID="b". */
function archiveVerdict(xml: string, key: KeyObject, parse: (typeof PARSERS)[keyof typeof PARSERS]): Verdict {
  const parsed = parse(xml);
  if (!parsed.ok) {
    return `error: ${parsed.message}`;
  }
  const [signature] = descendants(parsed.doc, NS.DSIG, 'Signature');
  if (!signature) {
    return 'error: no signature';
  }
  const resolve = (uri: string): DomElement | undefined => {
    const found: DomElement[] = [];
    const walk = (el: DomElement): void => {
      if (el.getAttribute('ID') === uri.slice(1)) {
        found.push(el);
      }
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 1) {
          walk(c as DomElement);
        }
      }
    };
    if (parsed.doc.documentElement) {
      walk(parsed.doc.documentElement);
    }
    return found.length === 1 ? found[0] : undefined;
  };
  const outcome = checkSignatureCrypto(signature, resolve, key, [`#${BODY_ID}`]);
  return outcome.kind === 'ok' || outcome.kind === 'digest' || outcome.kind === 'value'
    ? outcome.kind
    : `error: ${outcome.message}`;
}

describe.skipIf(!XMLSEC1.available)('exclusive c14n agrees with xmlsec1', () => {
  // Made in beforeAll, so that a run without xmlsec1 creates no key and no temporary folder.
  let batch: Xmlsec1Batch | undefined;
  let publicKey: KeyObject | undefined;
  let corpus: CorpusDocument[] = [];
  let signed: string[] = [];
  let twins: Twin[] = [];
  let xmlsec1: Xmlsec1Verdict[] = [];

  beforeAll(async () => {
    batch = new Xmlsec1Batch(XMLSEC1_ID_ATTRS);
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const { privateKey } = pair;
    publicKey = pair.publicKey;
    const keyFile = batch.file('key.pem', privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const pubFile = batch.file('pub.pem', publicKey.export({ type: 'spki', format: 'pem' }).toString());
    corpus = generateCorpus(COUNT);
    signed = batch.signAll(
      corpus.map((d) => d.xml),
      keyFile,
    );
    twins = signed.map((s, i) => twinOf(s, i));
    xmlsec1 = await batch.verifyAll([...signed, ...twins.map((t) => t.xml)], pubFile);
  }, 120_000);
  afterAll(() => batch?.dispose());

  const verdict = (xml: string, parser: keyof typeof PARSERS): Verdict => {
    if (!publicKey) {
      throw new Error('no key: beforeAll did not run');
    }
    return archiveVerdict(xml, publicKey, PARSERS[parser]);
  };

  it(`generates ${COUNT} documents covering every feature, each signed by xmlsec1 and valid there`, () => {
    expect(signed).toHaveLength(COUNT);
    const features = new Set(corpus.flatMap((d) => d.features));
    expect(features.size).toBeGreaterThanOrEqual(40);
    expect(xmlsec1.slice(0, COUNT).every((v) => v === 'ok')).toBe(true);
  });

  it.each(Object.keys(PARSERS) as (keyof typeof PARSERS)[])(
    'on the %s: gives the verdict xmlsec1 gives on every signed document',
    (parser) => {
      const differences = signed
        .map((xml, i) => ({
          name: corpus[i]?.name,
          xmlsec1: xmlsec1[i],
          archive: verdict(xml, parser),
        }))
        .filter((r) => r.xmlsec1 !== r.archive);
      expect(differences).toEqual([]);
    },
  );

  it.each(Object.keys(PARSERS) as (keyof typeof PARSERS)[])(
    'on the %s: gives the verdict xmlsec1 gives on every twin: changed content fails, reformulations verify',
    (parser) => {
      const rows = twins.map((t, i) => ({
        name: `${corpus[i]?.name ?? ''} / ${t.name}`,
        invariant: t.invariant,
        xmlsec1: xmlsec1[COUNT + i],
        archive: verdict(t.xml, parser),
      }));
      expect(rows.filter((r) => r.xmlsec1 !== r.archive)).toEqual([]);
      expect(rows.filter((r) => r.xmlsec1 !== (r.invariant ? 'ok' : 'digest'))).toEqual([]);
    },
  );
});
