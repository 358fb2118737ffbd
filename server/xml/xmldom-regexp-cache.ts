/**
 * Remembers the regular expressions xmldom builds while it parses.
 *
 * Why: xmldom 0.9 builds a new Unicode RegExp from the XML name grammar for every end tag it reads
 * (sax.js: `g.reg('^', g.QName_group, g.S_OPT, '$')`), and that alone was ~15% of the CPU the archive
 * spends on a document (docs/performance.md). grammar.reg() is a pure function of its arguments: it
 * joins their sources and returns a RegExp with no `g` or `y` flag, so the object carries no state between
 * exec() calls and the same one can serve every call with the same arguments. The wrapper checks that
 * per result and never caches one that could carry state; it changes what parsing costs, never what it
 * answers (test/xml/xmldom-regexp-cache.test.ts compares it with the original).
 *
 * sax.js reads `g.reg` from the grammar module's exports at each call, so replacing the export is enough.
 * If a later xmldom no longer has it, nothing is installed and parsing is merely slower.
 */
import { createRequire } from 'node:module';

type Reg = (this: unknown, ...parts: (RegExp | string)[]) => RegExp;

/** Distinct argument lists seen; xmldom uses a handful. Beyond this, calls go straight through. */
const MAX_ENTRIES = 256;

interface TrieNode {
  readonly next: Map<RegExp | string, TrieNode>;
  value?: RegExp;
}

interface Grammar {
  reg?: Reg & { original?: Reg };
}

const grammar = createRequire(import.meta.url)('@xmldom/xmldom/lib/grammar.js') as Grammar;

/** Installs the cache (once per module instance); returns whether xmldom's reg() is now cached. */
export function installXmldomRegExpCache(): boolean {
  const original = grammar.reg;
  if (typeof original !== 'function') {
    return false;
  }
  if (original.original) {
    return true;
  }
  // Keyed by the arguments themselves: strings by value, RegExps by identity (xmldom passes its grammar's
  // own frozen-in-practice objects). Building a text key would cost as much as reg() itself: the name
  // grammar's source is kilobytes long.
  const root: TrieNode = { next: new Map() };
  let entries = 0;
  const cached: Reg & { original?: Reg } = function (this: unknown, ...parts) {
    let node = root;
    for (const part of parts) {
      let child = node.next.get(part);
      if (!child) {
        child = { next: new Map() };
        if (entries < MAX_ENTRIES) {
          node.next.set(part, child);
        }
      }
      node = child;
    }
    if (node.value) {
      return node.value;
    }
    const made = original.apply(this, parts);
    if (!made.global && !made.sticky && entries < MAX_ENTRIES) {
      node.value = made;
      entries++;
    }
    return made;
  };
  cached.original = original;
  grammar.reg = cached;
  return true;
}

/** xmldom's own reg(), for the test that compares the two. */
export function originalXmldomReg(): Reg | undefined {
  return grammar.reg?.original ?? grammar.reg;
}
