/**
 * readXml keeps the depth limit inside the parse for text that parses, and scans for it only when the
 * parse fails: the verdicts must be those of the scan before the parse (limits.ts checkXmlSafety), the
 * rule and its detail alike, except where a processing instruction holds markup, which the scan misreads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../support/c14n-corpus.js';
import { RULES } from '../../server/rules/catalogue.js';
import { checkXmlSafety, DEFAULT_XML_LIMITS, maxElementDepth } from '../../server/xml/limits.js';
import { parseTree } from '../../server/xml/read-tree.js';
import { readXml, type ReadXml } from '../../server/xml/read-xml.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/documents');

function read(text: string, maxDepth = DEFAULT_XML_LIMITS.maxDepth): ReadXml {
  return readXml(text, {
    limits: { ...DEFAULT_XML_LIMITS, maxDepth },
    what: 'the text',
    location: '/',
    malformed: RULES.WIRE_XML_MALFORMED,
  });
}

/** The rule and detail of a refusal, or 'ok'. */
function verdict(result: ReadXml): string {
  return result.ok ? 'ok' : `${result.violation.rule.code}: ${result.violation.detail ?? ''}`;
}

/** Every committed fixture (frames and CDAs, valid and invalid) and generated documents with PIs, comments, CDATA. */
function texts(): string[] {
  const fixtures = readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.xml'))
    .map((name) => readFileSync(path.join(FIXTURES, name), 'utf8'));
  return [...fixtures, ...generateCorpus(60).map((d) => d.xml)];
}

/** The verdict as readXml gave it before the depth moved into the parse: the scan first, then the parse. */
function scanThenParse(text: string, maxDepth: number): string {
  const unsafe = checkXmlSafety(text, { ...DEFAULT_XML_LIMITS, maxDepth });
  if (unsafe) {
    return `${unsafe.rule.code}: ${unsafe.detail ?? ''}`;
  }
  const parsed = parseTree(text);
  if (parsed.ok) {
    return 'ok';
  }
  const rule = parsed.namespace ? RULES.WIRE_XML_NAMESPACE_INVALID : RULES.WIRE_XML_MALFORMED;
  return `${rule.code}: ${parsed.message}`;
}

const nested = (depth: number, inner = ''): string => `${'<a>'.repeat(depth)}${inner}${'</a>'.repeat(depth)}`;

describe('readXml and the depth limit', () => {
  it('gives the verdicts of the scan before the parse on every document, at its own depth and one below', () => {
    const all = texts();
    expect(all.length).toBeGreaterThan(60);
    let refusedAsTooDeep = 0;
    for (const text of all) {
      const depth = maxElementDepth(text);
      for (const maxDepth of [depth, depth - 1]) {
        const now = verdict(read(text, maxDepth));
        expect(now).toBe(scanThenParse(text, maxDepth));
        refusedAsTooDeep += now.startsWith('WIRE_XML_TOO_DEEP') ? 1 : 0;
      }
    }
    // Nearly every text is refused one level below its depth (those with a DOCTYPE are refused for it).
    expect(refusedAsTooDeep).toBeGreaterThan(all.length - 5);
  });

  it('accepts nesting at the limit and refuses it one above', () => {
    expect(verdict(read(nested(64)))).toBe('ok');
    expect(verdict(read(nested(65)))).toBe('WIRE_XML_TOO_DEEP: element nesting 65 exceeds 64');
    expect(verdict(read(`<r>${'<b/>'.repeat(200)}${nested(63)}</r>`))).toBe('ok');
    expect(verdict(read(nested(64, '<b/><c></c>')))).toBe('WIRE_XML_TOO_DEEP: element nesting 65 exceeds 64');
    expect(verdict(read(nested(64, '<b/><c/>')))).toBe('ok');
  });

  it('refuses text that is too deep as too deep, whatever else is wrong with it', () => {
    expect(verdict(read('<a>'.repeat(100)))).toBe('WIRE_XML_TOO_DEEP: element nesting 100 exceeds 64');
    expect(verdict(read(`${'<a>'.repeat(70)}&undefined;`))).toBe(
      'WIRE_XML_TOO_DEEP: element nesting 70 exceeds 64',
    );
    expect(verdict(read(`<r>&undefined;${nested(80)}</r>`))).toBe(
      'WIRE_XML_TOO_DEEP: element nesting 81 exceeds 64',
    );
    expect(verdict(read(`<p:r>${nested(70)}</p:r>`))).toBe(
      'WIRE_XML_TOO_DEEP: element nesting 71 exceeds 64',
    );
    expect(verdict(read('<a>'.repeat(300_000)))).toBe('WIRE_XML_TOO_DEEP: element nesting 300000 exceeds 64');
    // Refused by the parse at once, and too deep: saxes's error pass would take minutes over this.
    expect(verdict(read(`&undefined;${'<a>'.repeat(300_000)}`))).toBe(
      'WIRE_XML_TOO_DEEP: element nesting 300000 exceeds 64',
    );
  });

  it('refuses text that is not too deep by what is wrong with it', () => {
    expect(verdict(read(`<r>${nested(10)}&undefined;</r>`))).toMatch(
      /^WIRE_XML_MALFORMED: .*undefined entity/,
    );
    expect(verdict(read(`<p:r>${nested(10)}</p:r>`))).toMatch(/^WIRE_XML_NAMESPACE_INVALID: /);
    expect(verdict(read(`<r><!DOCTYPE r>${nested(100)}</r>`))).toBe(
      'WIRE_XML_DOCTYPE_FORBIDDEN: the message contains a DOCTYPE or ENTITY declaration',
    );
  });

  it('counts the elements, not markup inside a processing instruction', () => {
    // The scan skips a PI only to its first ">": it counts three levels here, and there is one (as ever,
    // a self-closing element nests nothing).
    const holdsStartTags = '<r><?pi <a><a><a>?><b/></r>';
    expect(maxElementDepth(holdsStartTags)).toBe(3);
    expect(verdict(read(holdsStartTags, 1))).toBe('ok');
    expect(verdict(read(holdsStartTags, 0))).toBe('WIRE_XML_TOO_DEEP: element nesting 3 exceeds 0');
    // Here it counts one level, and there are two: the parse says so.
    const holdsEndTags = '<r><?pi a> </x></x></x> ?><a><b/></a></r>';
    expect(maxElementDepth(holdsEndTags)).toBe(1);
    expect(verdict(read(holdsEndTags, 2))).toBe('ok');
    expect(verdict(read(holdsEndTags, 1))).toBe('WIRE_XML_TOO_DEEP: element nesting exceeds 1');
  });
});
