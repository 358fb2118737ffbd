/**
 * The native skip over plain text (plain-text-runs.ts): a saxes parser with it must report exactly what
 * saxes alone reports (the same events, the same text, the same refusals), while reading long plain runs
 * without its character loop. The whole tree is compared with xmldom's in read-tree.test.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { skipPlainTextRuns } from '../../server/xml/plain-text-runs.js';

const OPTIONS = { xmlns: true, position: false, defaultXMLVersion: '1.0', forceXMLVersion: true } as const;

/** Counts the characters saxes reads one by one (its getCode10), to see that the skip is taken. */
let charactersRead = 0;

class SkippingParser extends SaxesParser<typeof OPTIONS> {}
skipPlainTextRuns(SkippingParser);
const counted = SkippingParser.prototype as unknown as { getCode10(this: unknown): number };
const getCode10 = counted.getCode10;
counted.getCode10 = function countedGetCode10(this: unknown): number {
  charactersRead += 1;
  return getCode10.call(this);
};

/** Every event a parser emits, in order, or the first error. */
function events(parser: SaxesParser<typeof OPTIONS>, text: string): unknown[] {
  const seen: unknown[] = [];
  parser.on('opentag', (tag) => seen.push(['open', tag.name]));
  parser.on('closetag', (tag) => seen.push(['close', tag.name]));
  parser.on('text', (t) => seen.push(['text', t]));
  parser.on('cdata', (t) => seen.push(['cdata', t]));
  parser.on('comment', (t) => seen.push(['comment', t]));
  parser.on('error', (error) => {
    throw error;
  });
  try {
    parser.write(text).close();
  } catch (error) {
    seen.push(['error', (error as Error).message]);
  }
  return seen;
}

const RUN = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9w+/='.repeat(3);

/** Runs ended by each character the skip leaves to saxes, and line ends inside and at the edges. */
const TEXTS: readonly string[] = [
  `<r>${RUN}</r>`,
  `<r>${RUN}&#13;\n${RUN}&#13;\n${RUN}</r>`,
  `<r>${RUN}\r\n${RUN}\r${RUN}\n\r\r\n</r>`,
  `<r>${RUN}\r</r>`,
  `<r>\r\n${RUN}</r>`,
  `<r>${RUN}&amp;${RUN}&lt;</r>`,
  `<r>${RUN}]${RUN}]]${RUN}</r>`,
  `<r>${RUN}>${RUN}</r>`,
  `<r>${RUN}]]>${RUN}</r>`,
  `<r>${RUN}]]\r\n>${RUN}</r>`,
  `<r>${RUN}\u0001</r>`,
  `<r>${RUN}\u000b</r>`,
  `<r>${RUN}\ud800</r>`,
  `<r>${RUN}\udc00x</r>`,
  `<r>${RUN}\ud83d\ude00${RUN}</r>`,
  `<r>${RUN}\ufffe</r>`,
  `<r>${RUN}\uffff</r>`,
  `<r>${RUN}\ufffd\u0085\u2028é\t</r>`,
  `<r>${RUN}<![CDATA[${RUN}]]>${RUN}<!--${RUN}-->${RUN}</r>`,
  `<r><a>${RUN}</a>${RUN}<b/>${RUN}</r>`,
  `<r>${RUN}`,
  `<r>${RUN}&`,
  `<r>${RUN}&#13;`,
  `<r>${RUN}&#13`,
  `<r>&#9;&#x9;&#10;&#xa;&#xA;&#13;&#xd;&#xD;&amp;&lt;&gt;&quot;&apos;${RUN}</r>`,
  `<r>${RUN}]]&gt;${RUN}]&#13;]>${RUN}]]&#93;></r>`,
  `<r>${RUN}]]&amp;]]>${RUN}</r>`,
  `<r>${RUN}&#013;&#x0D;&#x000a;${RUN}</r>`,
  ...['&#X9;', '&#xD ;', '&#x;', '&#;', '&#0;', '&#xFFFE;', '&#14;', '&AMP;', '&nbsp;', '&amp', '&#13'].map(
    (reference) => `<r>${RUN}${reference}${RUN}</r>`,
  ),
  `<r>${RUN}&#13;&#13;\r\n&#xD;\r&#10;${RUN}</r>`,
  `<r>${RUN}&#13;<![CDATA[&#13;]]>&#13;<!--&#13;-->&#13;</r>`,
  `${RUN}<r/>`,
  `<r/>${RUN}`,
];

describe('the native skip over plain text', () => {
  it('is written for saxes 6.0.0, the version package.json pins', () => {
    const require = createRequire(import.meta.url);
    const saxes = JSON.parse(readFileSync(require.resolve('saxes/package.json'), 'utf8')) as {
      version: string;
    };
    const ours = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(saxes.version).toBe('6.0.0');
    expect(ours.dependencies['saxes']).toBe('6.0.0');
  });

  it.each(TEXTS.map((text, i) => [i, text]))('reports what saxes alone reports (text %i)', (_i, text) => {
    expect(events(new SkippingParser(OPTIONS), text)).toEqual(events(new SaxesParser(OPTIONS), text));
  });

  it('reads a long plain run without saxes reading it character by character', () => {
    charactersRead = 0;
    const text = `<r>${'QUJD\n'.repeat(2_000)}</r>`;
    expect(events(new SkippingParser(OPTIONS), text)).toEqual([
      ['open', 'r'],
      ['text', 'QUJD\n'.repeat(2_000)],
      ['close', 'r'],
    ]);
    expect(charactersRead).toBeLessThan(100);
  });

  it('reads the line-end references of a MIME package without saxes reading them character by character', () => {
    charactersRead = 0;
    const line = `${'QUJD'.repeat(19)}&#13;\n`;
    const text = `<r>${line.repeat(500)}</r>`;
    expect(events(new SkippingParser(OPTIONS), text)).toEqual([
      ['open', 'r'],
      ['text', `${'QUJD'.repeat(19)}\r\n`.repeat(500)],
      ['close', 'r'],
    ]);
    expect(charactersRead).toBeLessThan(100);
  });
});
