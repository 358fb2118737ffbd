/**
 * A native skip over plain text for the light tree's parser (read-tree.ts).
 *
 * saxes reads character data one character at a time through a JavaScript loop. Most of the archive's
 * client XML is long runs of text in which that loop has nothing to do but move on: the frame is mostly
 * the MIME package's Base64 lines, a CDA carries certificates and signature values. A sticky regular
 * expression passes over such a run in native code; saxes's own loop then reads what ends it (markup, a
 * reference, a bracket, a carriage return, a character it must check), so every rule it applies to text
 * is still applied by saxes itself. The skip only takes characters for which that loop would have done
 * nothing but keep them, and the few references whose value saxes would append as is: the MIME package's
 * line ends reach the frame as "&#13;" (XML would read a raw CR as a line feed), one per 76 characters,
 * and each sent saxes through its reference states, a third of the frame's parse (measured).
 *
 * This reads four internals of saxes (the chunk, the position in it, the pending text and the "]]>"
 * state) and wraps one of its methods: package.json pins saxes to the exact version read here (6.0.0),
 * and test/xml/read-tree.test.ts compares the tree with xmldom's over the corpus and thousands of
 * mutations, and checks that the skip is in use.
 */
/** What the skip reads and moves of a saxes 6.0.0 parser. */
interface SaxesTextScan {
  chunk: string;
  i: number;
  text: string;
  forbiddenState: number;
  handleTextInRoot(): void;
}

/**
 * Characters saxes's text loop keeps without a decision: XML 1.0 Chars except markup ("<", "&"), the two
 * characters of "]]>" ("]", ">"), the carriage return (line-end normalisation, done here) and surrogates
 * (saxes checks that they pair). Tab and line feed are plain.
 */
// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids must end a run
const PLAIN_RUN = /[^\0-\x08\x0B-\x1F<&>\]\uD800-\uDFFF\uFFFE\uFFFF]+/y;

/**
 * References read here, each to the one character saxes's parseEntity returns for it: the predefined
 * entities and the character references to tab, line feed and carriage return in their usual spellings.
 * Any other (leading zeros, "&#X9;", an undefined name, one cut off) is left to saxes, which checks it.
 */
const PLAIN_REFERENCE = /&(?:#(?:9|10|13|x9|x[aA]|x[dD])|amp|lt|gt|quot|apos);/y;
const REFERENCE_VALUE: Readonly<Record<string, string>> = {
  '&#9;': '\t',
  '&#x9;': '\t',
  '&#10;': '\n',
  '&#xa;': '\n',
  '&#xA;': '\n',
  '&#13;': '\r',
  '&#xd;': '\r',
  '&#xD;': '\r',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

const CR = 0x0d;
const LF = 0x0a;
const AMPERSAND = 0x26;
/** saxes's "no ']' seen" state of its "]]>" check (FORBIDDEN_START in saxes.js). */
const NO_BRACKET_SEEN = 0;

/** Makes parsers of `parserClass` skip plain text runs natively; saxes's own parsers are left as they are. */
export function skipPlainTextRuns(parserClass: { readonly prototype: object }): void {
  const prototype = parserClass.prototype as unknown as SaxesTextScan;
  const scanInSaxes = prototype.handleTextInRoot;
  if (typeof scanInSaxes !== 'function') {
    throw new Error('saxes is not the version read-tree.ts was written for (no handleTextInRoot)');
  }
  Object.defineProperty(prototype, 'handleTextInRoot', {
    configurable: true,
    writable: true,
    value: function handleTextInRoot(this: SaxesTextScan): void {
      skipPlain(this);
      scanInSaxes.call(this);
    },
  });
}

/**
 * Moves the parser over plain runs and the line ends and plain references between them, keeping the text
 * they hold. After a reference saxes too is back to "no ']' seen": "]]&gt;" is allowed.
 */
function skipPlain(parser: SaxesTextScan): void {
  const { chunk } = parser;
  let at = parser.i;
  let kept = '';
  for (;;) {
    PLAIN_RUN.lastIndex = at;
    if (PLAIN_RUN.test(chunk)) {
      kept += chunk.slice(at, PLAIN_RUN.lastIndex);
      at = PLAIN_RUN.lastIndex;
    }
    const next = chunk.charCodeAt(at);
    if (next === CR) {
      // XML 1.0 section 2.11: CR LF and a lone CR both read as one LF.
      kept += '\n';
      at += chunk.charCodeAt(at + 1) === LF ? 2 : 1;
      continue;
    }
    if (next !== AMPERSAND) {
      break;
    }
    PLAIN_REFERENCE.lastIndex = at;
    if (!PLAIN_REFERENCE.test(chunk)) {
      break;
    }
    kept += REFERENCE_VALUE[chunk.slice(at, PLAIN_REFERENCE.lastIndex)];
    at = PLAIN_REFERENCE.lastIndex;
  }
  if (at !== parser.i) {
    parser.text += kept;
    parser.i = at;
    parser.forbiddenState = NO_BRACKET_SEEN;
  }
}
