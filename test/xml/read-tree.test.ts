/**
 * The light tree (read-tree.ts) against xmldom's DOM (dom.ts), the parser it replaced on the archive's read
 * path: on every text both accept, the two trees must be the same node for node (types, names, namespaces,
 * attributes in order, text) and canonicalize to the same bytes; on broken and mutated texts both must
 * refuse, except where the light tree is stricter in the way libxml2 and Java's parsers are (listed below).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, twinOf } from '../support/c14n-corpus.js';
import { KANTA_SAMPLES, SAMPLES_DIR } from '../support/kanta-samples.js';
import { XMLSEC1, XMLSEC1_COMMAND } from '../support/requirements.js';
import { COMMITTED_FIXTURES_DATE, loadFixtureParties } from '../../server/samples/fixture-parties.js';
import { buildFixtureSet } from '../../server/samples/fixture-set.js';
import { exclusiveCanonicalize } from '../../server/signature/exclusive-c14n.js';
import { parseDom } from '../../server/xml/dom.js';
import { parseTree } from '../../server/xml/read-tree.js';
import type { DomDocument, DomElement, DomNode } from '../../server/xml/tree.js';

/** Everything a reader of either tree can see, as plain data. */
function describeNode(node: DomNode): unknown {
  const children: unknown[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    children.push(describeNode(c));
  }
  if (node.nodeType !== 1) {
    return [node.nodeType, node.nodeName, node.nodeValue, children];
  }
  const el = node as DomElement;
  const attributes: unknown[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    attributes.push(a && [a.name, a.localName, a.prefix, a.namespaceURI, a.value]);
  }
  return [el.nodeName, el.tagName, el.localName, el.prefix, el.namespaceURI, attributes, children];
}

function describeDocument(doc: DomDocument): unknown {
  const root = doc.documentElement;
  return root ? [describeNode(root), exclusiveCanonicalize(root)] : undefined;
}

/** A refusal's kind; a namespace refusal's message too, which namespaces.ts writes for both parsers. */
type Outcome = { ok: true; tree: unknown } | { ok: false; namespace: boolean; message?: string };

function outcome(result: ReturnType<typeof parseTree> | ReturnType<typeof parseDom>): Outcome {
  if (result.ok) {
    return { ok: true, tree: describeDocument(result.doc) };
  }
  return result.namespace === true
    ? { ok: false, namespace: true, message: result.message }
    : { ok: false, namespace: false };
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The fixture set's messages and CDAs (valid ones and every kind of invalid one), built once. */
let fixtureTexts: string[] | undefined;
function messages(): string[] {
  fixtureTexts ??= [
    ...buildFixtureSet(loadFixtureParties(path.join(ROOT, 'certs', 'fixture-pki')), {
      date: COMMITTED_FIXTURES_DATE,
    }).contents.values(),
  ];
  return fixtureTexts;
}

function corpus(): string[] {
  const generated = generateCorpus(120).map((d) => d.xml);
  return [...generated, ...generated.map((xml, i) => twinOf(xml, i).xml), ...messages()];
}

/** Texts on which the parsers' behaviours could part: each must read the same in both, or fail in both. */
const EDGE_CASES: readonly string[] = [
  '<r>a\r\nb\rc\nd</r>',
  '<r v="a\r\nb\tc\nd  e"/>',
  '<r v="a&#10;b&#9;c&#13;d"/>',
  '<r>a&#13;b&#x1F600;c&lt;&gt;&amp;&quot;&apos;</r>',
  '<r>a\u0085b\u2028c\u2029d</r>',
  '<r v="\ufffd">a\ufffdb</r>',
  '<r><![CDATA[]]><![CDATA[<a>&amp;]]>x<![CDATA[y]]></r>',
  '<r><?pi?><?pi  data  here ?><?pi\tx?></r>',
  '<?xml version="1.0"?>\n<!-- before -->\n<r><!-- in --></r>\n<!-- after -->\n',
  '\ufeff<r/>',
  '<p:r xmlns:p="urn:p" xmlns="urn:d" p:a="1" a="2" xml:lang="fi"><c xmlns=""><d/></c></p:r>',
  '<r xmlns:a="urn:x" xmlns:b="urn:x" a:v="1"/>',
  '<r a="1" b=\'2\' c = "3"/>',
  '<r>  </r>',
  '<?xml version="1.1"?><r>a\u0085b</r>',
  '<r>\u{10000}\u{10FFFF}</r>',
  // Refused by both.
  '<r><a></r></a>',
  '<r a="1" a="2"/>',
  '<r>&undefined;</r>',
  '<r>a < b</r>',
  '<r/><r/>',
  'text<r/>',
  '<r/>text',
  '',
  '<r',
  '<p:r/>',
  '<r xmlns:p="urn:a" xmlns:q="urn:a" p:x="1" q:x="2"/>',
  '<r xmlns:xmlns="urn:a"/>',
  '<!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>',
  '<r a="<"/>',
  '<p:r xmlns:p="urn:p\u00a0"/>',
  '<r><![CDATA[a\ud800b]]></r>',
  '<r>a\ud800b</r>',
  '<r a="\udc00"/>',
  '<r>\ud800</r>',
];

/**
 * Texts xmldom reads that break XML 1.0 well-formedness: the light tree refuses them, as libxml2 (xmlsec1)
 * and Java's parsers do. A document only xmldom read would have been archived where xmlsec1 and the real
 * Kanta refuse it.
 */
const STRICTER_THAN_XMLDOM: readonly string[] = [
  '<r>&#0;</r>',
  '<r>&#x1;</r>',
  '<r>\u0001</r>',
  '<r>]]></r>',
  '<r>a &# b</r>',
  '<r>a & b</r>',
  '<r>&;</r>',
  '<r><a/ ></r>',
];

/** Whether libxml2, through xmlsec1, refuses to parse `text` ("parser error"; a missing signature is not). */
function libxml2Refuses(texts: readonly string[]): boolean[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kanta-read-tree-'));
  try {
    return texts.map((text, i) => {
      const file = path.join(dir, `${i}.xml`);
      writeFileSync(file, text);
      const run = spawnSync(XMLSEC1_COMMAND, ['--verify', file], { encoding: 'utf8', timeout: 10_000 });
      return /parser error|namespace error/.test(run.stderr);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTS = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '=',
  '/',
  ':',
  '<!--',
  '-->',
  ']]>',
  '<![CDATA[',
  '<?',
  '?>',
  ' ',
  '\r',
  '\t',
  '&amp;',
  '&#',
  ';',
  'xmlns:q="urn:q"',
  'xmlns:q=" urn:q"',
  'xmlns="urn:hl7-org:v3 "',
  'xmlns:xml="urn:q"',
  ' a="1"',
  'q:',
  '\u0001',
  '\ud800',
  '\u0085',
  '\u2028',
  'é',
  '\u00a0',
  '</x>',
];

function mutate(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * text.length);
  const op = Math.floor(rnd() * 3);
  if (op === 0) {
    return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 3));
  }
  const insert = INSERTS[Math.floor(rnd() * INSERTS.length)] as string;
  return op === 1
    ? text.slice(0, at) + insert + text.slice(at)
    : text.slice(0, at) + insert + text.slice(at + 1);
}

describe('the light tree reads what xmldom reads', () => {
  it("builds the same tree and canonical form for the generated c14n corpus, its twins and the fixture set's messages and CDAs", () => {
    const differences = corpus()
      .map((text, i) => ({ i, tree: outcome(parseTree(text)), dom: outcome(parseDom(text)) }))
      .filter((r) => JSON.stringify(r.tree) !== JSON.stringify(r.dom));
    expect(differences).toEqual([]);
  });

  it.each(EDGE_CASES.map((text) => [JSON.stringify(text), text]))('agrees on %s', (_name, text) => {
    expect(outcome(parseTree(text))).toEqual(outcome(parseDom(text)));
  });

  it.each(STRICTER_THAN_XMLDOM.map((text) => [JSON.stringify(text), text]))(
    'refuses %s, which xmldom reads',
    (_name, text) => {
      expect(outcome(parseTree(text))).toEqual({ ok: false, namespace: false });
      expect(parseDom(text).ok).toBe(true);
    },
  );

  it('never reads what xmldom refuses, reads alike what both read and refuses alike what both refuse, over 6,000 mutations', () => {
    const { stricter, refusedByBoth, disagreements } = mutationOutcomes();
    expect(disagreements.slice(0, 3)).toEqual([]);
    // The mutations must reach both outcomes often, or the comparison says little.
    expect(refusedByBoth).toBeGreaterThan(1000);
    expect(refusedByBoth).toBeLessThan(5000);
    expect(stricter.length).toBeLessThan(300);
  });
});

describe('what the light tree says about refused text', () => {
  it('names the line and column of the first problem, then the next few', () => {
    const r = parseTree('<r>\n <a>\n  <b>x');
    expect(r.ok ? '' : r.message).toBe(
      'line 3, column 6: unclosed tag: b (then line 3, column 6: unclosed tag: a; line 3, column 6: unclosed tag: r)',
    );
    const s = parseTree('<r>\n]]></r>');
    expect(s.ok ? '' : s.message).toBe('line 2, column 3: the string "]]>" is disallowed in char data');
  });

  it('keeps the message short on garbage', () => {
    const r = parseTree(`<r>${'<!'.repeat(20_000)}`);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message.length).toBeLessThan(600);
  });
});

describe.skipIf(!XMLSEC1.available)('where the light tree is stricter than xmldom, libxml2 is too', () => {
  it('libxml2 refuses every text of the list and every mutation that only xmldom reads', () => {
    // A lone surrogate (outside the Char production, refused by the light tree) has no UTF-8 form to hand
    // to libxml2: writing it would turn it into U+FFFD, a legal character.
    const texts = [...STRICTER_THAN_XMLDOM, ...mutationOutcomes().stricter].filter(
      (t) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(t),
    );
    expect(texts.length).toBeGreaterThan(STRICTER_THAN_XMLDOM.length);
    const refused = libxml2Refuses(texts);
    const readByLibxml2 = texts.filter((_text, i) => !refused[i]);
    expect(readByLibxml2).toEqual([]);
  });
});

interface MutationOutcomes {
  /** Texts only xmldom read. */
  readonly stricter: readonly string[];
  readonly refusedByBoth: number;
  readonly disagreements: readonly { text: string; tree: Outcome; dom: Outcome }[];
}

let mutations: MutationOutcomes | undefined;

/** 6,000 mutations (one or two each) of fixture messages and CDAs and of the c14n corpus, read by both. */
function mutationOutcomes(): MutationOutcomes {
  if (mutations) {
    return mutations;
  }
  const rnd = mulberry32(7);
  const seeds = [...messages().slice(0, 6), ...generateCorpus(12).map((d) => d.xml)];
  const stricter: string[] = [];
  const disagreements: { text: string; tree: Outcome; dom: Outcome }[] = [];
  let refusedByBoth = 0;
  for (let n = 0; n < 6000; n++) {
    let text = seeds[n % seeds.length] as string;
    for (let k = 1 + Math.floor(rnd() * 2); k > 0; k--) {
      text = mutate(text, rnd);
    }
    const tree = outcome(parseTree(text));
    const dom = outcome(parseDom(text));
    if (!tree.ok && !dom.ok && JSON.stringify(tree) === JSON.stringify(dom)) {
      refusedByBoth++;
    } else if (dom.ok && !tree.ok && !tree.namespace) {
      stricter.push(text);
    } else if (JSON.stringify(tree) !== JSON.stringify(dom)) {
      disagreements.push({ text, tree, dom });
    }
  }
  mutations = { stricter, refusedByBoth, disagreements };
  return mutations;
}

describe.skipIf(!KANTA_SAMPLES.available)('the light tree on the real Kanta samples', () => {
  it('reads every sample frame and CDA as xmldom does', () => {
    const names = readdirSync(SAMPLES_DIR).filter((n) => n.endsWith('.xml'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const text = readFileSync(path.join(SAMPLES_DIR, name), 'utf8');
      expect(outcome(parseTree(text)), name).toEqual(outcome(parseDom(text)));
    }
  });
});
