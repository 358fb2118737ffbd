import { describe, expect, it } from 'vitest';
import {
  el,
  frag,
  raw,
  serialise,
  text,
  textEl,
  toSignedXml,
  toXmlDocument,
} from '../../server/xml/xml-writer.js';

const tree = el(
  'a',
  { x: 'q"\'\t<&', n: 3, gone: undefined },
  frag(el('b'), textEl('c', 'say "hi" & <bye>\r')),
  raw('QUJD'),
  undefined,
);

describe('the signed form', () => {
  it('is compact, escapes strictly and splices groups', () => {
    expect(toSignedXml(tree)).toBe(
      '<a x="q&quot;&apos;&#9;&lt;&amp;" n="3"><b/><c>say "hi" &amp; &lt;bye&gt;&#13;</c>QUJD</a>',
    );
  });

  it('closes an element whose content is empty', () => {
    expect(toSignedXml(el('e', {}, text('')))).toBe('<e/>');
  });

  it('refuses characters XML cannot carry, naming the place', () => {
    expect(() => toSignedXml(el('e', { v: 'a\u0001' }))).toThrow(/e\/@v contains U\+0001/);
  });
});

describe('the readable form', () => {
  it('is indented two spaces a level and escapes quotes in text too', () => {
    expect(serialise(tree)).toBe(
      [
        '<a x="q&quot;\'\t&lt;&amp;" n="3">',
        '  <b/>',
        '  <c>say &quot;hi&quot; &amp; &lt;bye&gt;&#13;</c>',
        '  QUJD',
        '</a>',
      ].join('\n'),
    );
  });

  it('writes an element holding empty text open and closed, and a declaration for documents', () => {
    expect(toXmlDocument(el('e', {}, text('')))).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<e></e>\n');
  });
});
