import { describe, expect, it } from 'vitest';
import { parseDom } from '../../server/xml/dom.js';

function textOfRoot(xml: string): string {
  const parsed = parseDom(xml);
  if (!parsed.ok) {
    throw new Error(parsed.message);
  }
  return parsed.doc.documentElement?.textContent ?? '';
}

describe('parseDom end-of-line handling (XML 1.0 section 2.11)', () => {
  it('turns CRLF and a lone CR into LF', () => {
    expect(textOfRoot('<r>a\r\nb\rc\nd</r>')).toBe('a\nb\nc\nd');
  });

  it('keeps NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, which only XML 1.1 ends lines at', () => {
    expect(textOfRoot('<r>a\u0085b\r\u0085c\u2028d\u2029e</r>')).toBe('a\u0085b\n\u0085c\u2028d\u2029e');
  });

  it('keeps them in attribute values too', () => {
    const parsed = parseDom('<r v="a\u0085b\u2028c"/>');
    expect(parsed.ok && parsed.doc.documentElement?.getAttribute('v')).toBe('a\u0085b\u2028c');
  });
});

describe('parseDom on legal characters that hint at trouble upstream', () => {
  it('reads U+FFFD in text and attributes as the character it is', () => {
    const parsed = parseDom('<r v="\ufffd">a\ufffdb</r>');
    expect(parsed.ok && parsed.doc.documentElement?.getAttribute('v')).toBe('\ufffd');
    expect(textOfRoot('<r>a\ufffdb</r>')).toBe('a\ufffdb');
  });

  it('still refuses text that is not well-formed', () => {
    expect(parseDom('<r>\ufffd<a></r>').ok).toBe(false);
  });
});
