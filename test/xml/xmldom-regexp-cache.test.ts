import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseDom } from '../../server/xml/dom.js';
import { installXmldomRegExpCache, originalXmldomReg } from '../../server/xml/xmldom-regexp-cache.js';

const grammar = createRequire(import.meta.url)('@xmldom/xmldom/lib/grammar.js') as {
  reg: (...parts: (RegExp | string)[]) => RegExp;
  QName_group: RegExp;
  S_OPT: RegExp;
};

describe("the cache of xmldom's regular expressions", () => {
  it('is installed by the DOM module (an xmldom upgrade that moves reg() fails here, not silently)', () => {
    expect(installXmldomRegExpCache()).toBe(true);
    expect(grammar.reg).not.toBe(originalXmldomReg());
  });

  it("gives the same expressions as xmldom's own reg(), the same object on a repeated call", () => {
    const original = originalXmldomReg();
    const args: (RegExp | string)[][] = [
      ['^', grammar.QName_group, grammar.S_OPT, '$'],
      ['^', grammar.QName_group],
    ];
    for (const a of args) {
      const cached = grammar.reg(...a);
      const fresh = original?.apply(grammar, a);
      expect(cached.source).toBe(fresh?.source);
      expect(cached.flags).toBe(fresh?.flags);
      expect(cached.global || cached.sticky).toBe(false);
      expect(grammar.reg(...a)).toBe(cached);
    }
  });

  it('leaves parsing as strict as before: bad end tags are still refused, good ones still read', () => {
    for (let i = 0; i < 3; i++) {
      expect(parseDom('<a><b>x</b></a>').ok).toBe(true);
      expect(parseDom('<a><b>x</b c></a>').ok).toBe(false);
      expect(parseDom('<a><b>x</b\nc></a>').ok).toBe(false);
      expect(parseDom('<a:b xmlns:a="urn:x">y</a:b >').ok).toBe(true);
      expect(parseDom('<a>y</1a>').ok).toBe(false);
    }
  });
});
