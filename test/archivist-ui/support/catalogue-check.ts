/**
 * The catalogue-completeness check: every visible text of an archivist page must be a text of that page's
 * language (from any i18n module, the rule catalogue or the code lists) or data (seeded names, codes, dates,
 * identifiers). It works by subtraction: from each visible text run it removes the data, then the
 * catalogue's strings (function texts become patterns with their arguments as slots), then the shapes of
 * identifiers and numbers; any word left over is a string that did not come from the catalogue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Lang } from '../../../archivist-ui/i18n/index.js';
import { loadCodeLists } from '../../../server/codes/code-lists.js';
import { allRules } from '../../../server/rules/catalogue.js';

const I18N_DIR = fileURLToPath(new URL('../../../archivist-ui/i18n/', import.meta.url));
/** Catalogues below archivist-ui: what the report (built on the rehearsal's floor) and the pages share. */
const SERVER_TEXT_MODULES = ['server/rehearsal/finding-texts.ts', 'server/rehearsal/report-texts.ts'].map(
  (f) => new URL(`../../../${f}`, import.meta.url).href,
);
const LANGS: readonly Lang[] = ['fi', 'sv', 'en'];

/** The structured content's field dictionary (a data file of the archivist domain). */
const CONTENT_FIELDS: unknown = JSON.parse(
  readFileSync(new URL('../../../server/archivist/content-fields.json', import.meta.url), 'utf8'),
);

/** Every `{ fi, sv, en }` label of a data file, in `lang`. */
function collectLabels(value: unknown, lang: Lang, into: Set<string>): void {
  if (typeof value !== 'object' || value === null) {
    return;
  }
  const label = (value as Record<string, unknown>)[lang];
  if (typeof label === 'string') {
    into.add(label);
  }
  for (const child of Object.values(value)) {
    collectLabels(child, lang, into);
  }
}

/** A stand-in argument: function texts are called with it and it becomes a slot of the pattern. */
const SLOT = '\uE000';

/** What a language's texts are: literal strings and patterns made from the function texts. */
export interface Catalogue {
  readonly lang: Lang;
  readonly literals: readonly string[];
  readonly patterns: readonly RegExp[];
}

/** One text of a page that came from neither the catalogue nor the data. */
export interface Leak {
  readonly page: string;
  readonly text: string;
  readonly leftover: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `Muutokset versioon \uE000 nähden` -> /Muutokset versioon .+? nähden/; a slot at an edge takes one token. */
function patternOf(text: string): RegExp | undefined {
  const parts = text.split(SLOT);
  const fixed = parts.join('').replace(/[^\p{L}]/gu, '');
  if (fixed.length < 2) {
    return undefined;
  }
  const slots = parts.map((p, i) => {
    if (i === parts.length - 1) {
      return escapeRegExp(p);
    }
    // An edge slot takes at most one token, and may be empty once data was taken out of it.
    const atEdge = (i === 0 && p === '') || (i === parts.length - 2 && parts[i + 1] === '');
    const edge = atEdge ? '\\S*' : '.*?';
    return `${escapeRegExp(p)}${edge}`;
  });
  return new RegExp(`(?<!\\p{L})${slots.join('')}(?!\\p{L})`, 'gu');
}

/**
 * Calls a function text with slots, with 1 for its singular branch, and with 0 in each argument in turn
 * (slots elsewhere) for a "none yet" branch such as `Arkistoitu 0/${expected}`.
 */
function outputsOf(fn: (...args: unknown[]) => unknown): string[] {
  const arity = Math.max(fn.length, 1);
  const calls: unknown[][] = [Array<unknown>(arity).fill(SLOT), Array<unknown>(arity).fill(1)];
  for (let i = 0; i < arity; i++) {
    calls.push(Array.from({ length: arity }, (_, j) => (j === i ? 0 : SLOT)));
  }
  const out: string[] = [];
  for (const args of calls) {
    try {
      const v = fn(...args);
      if (typeof v === 'string') {
        out.push(v);
      }
    } catch {
      // A helper that needs real arguments is not a text.
    }
  }
  return out;
}

function collect(value: unknown, into: { literals: Set<string>; templates: Set<string> }, depth = 0): void {
  if (depth > 8) {
    return;
  }
  if (typeof value === 'string') {
    into.literals.add(value);
  } else if (typeof value === 'function') {
    for (const s of outputsOf(value as (...args: unknown[]) => unknown)) {
      (s.includes(SLOT) ? into.templates : into.literals).add(s);
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) {
      collect(v, into, depth + 1);
    }
  }
}

/**
 * A module's texts in `lang`. It follows the catalogue's patterns: an object per language (`fi`, `sv`,
 * `en`, or one with `lang: 'sv'`), a record of languages, or a `xxxMessages(lang)` function.
 */
function moduleTexts(mod: Record<string, unknown>, lang: Lang): unknown[] {
  const found: unknown[] = [];
  for (const [name, value] of Object.entries(mod)) {
    if (name === lang) {
      found.push(value);
    } else if (typeof value === 'function' && /Messages$|^messages$/.test(name)) {
      found.push((value as (l: Lang) => unknown)(lang));
    } else if (typeof value === 'object' && value !== null && !LANGS.includes(name as Lang)) {
      const rec = value as Record<string, unknown>;
      if (rec.lang === lang) {
        found.push(rec);
      } else if (LANGS.every((l) => l in rec)) {
        found.push(rec[lang]);
      }
    }
  }
  return found;
}

/**
 * Every text of `lang`: all i18n modules (present and future), the rehearsal's finding and report texts,
 * the rule catalogue and the code lists.
 */
export async function loadCatalogue(lang: Lang): Promise<Catalogue> {
  const into = { literals: new Set<string>(), templates: new Set<string>() };
  const modules = [
    ...readdirSync(I18N_DIR)
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => pathToFileURL(`${I18N_DIR}${f}`).href),
    ...SERVER_TEXT_MODULES,
  ];
  for (const href of modules) {
    const mod = (await import(href)) as Record<string, unknown>;
    for (const texts of moduleTexts(mod, lang)) {
      collect(texts, into);
    }
  }
  // Each language's own name labels the language switch on every page.
  for (const l of LANGS) {
    const mod = (await import(pathToFileURL(`${I18N_DIR}${l}.ts`).href)) as Record<
      string,
      { langName?: string }
    >;
    const name = mod[l]?.langName;
    if (name) {
      into.literals.add(name);
    }
  }
  for (const rule of allRules()) {
    into.literals.add(rule[lang]);
  }
  // The structured content's field dictionary: labels and code-system names per language.
  collectLabels(CONTENT_FIELDS, lang, into.literals);
  const codes = loadCodeLists();
  for (const oid of codes.systems()) {
    for (const c of codes.list(oid)?.codes ?? []) {
      const name = c[lang];
      if (name !== undefined) {
        into.literals.add(name);
      }
    }
  }
  return {
    lang,
    literals: [...into.literals].filter((s) => /\p{L}/u.test(s)).sort((a, b) => b.length - a.length),
    patterns: [...into.templates].sort((a, b) => b.length - a.length).flatMap((t) => patternOf(t) ?? []),
  };
}

/** Dates and times as the pages write them in fi, sv (15.11.2026 klo 09.16) and en (15/11/2026, 09:16). */
const DATES: readonly RegExp[] = [
  /\b\d{1,2}\.\d{1,2}\.\d{4}(?:,? (?:klo |kl\. ?|at )?\d{1,2}[.:]\d{2})?/g, // dates and times (fi, sv)
  /\b\d{1,2}\/\d{1,2}\/\d{4}(?:,? \d{1,2}:\d{2})?/g, // dates and times (en)
];

/** Shapes of data that need no translation: identifiers, codes, dates, times, numbers, hashes, paths. */
const DATA_SHAPES: readonly RegExp[] = [
  /\/[\w:/@=[\]'"-]+/g, // XPaths and URL paths
  /\b[0-9A-F]{2}(?::[0-9A-F]{2}){7,}\b/gi, // fingerprints
  /\b\d+(?:\.\d+){2,}\b/g, // OIDs
  /\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b/g, // hetu
  /\b\d{6}\*+/g, // masked hetu
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // e-mail addresses
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, // UUIDs
  /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, // rule codes
  /\b[A-Z]{1,4}\d+\b/g, // SP17, AA
  /\b\d+(?:[.:,]\d+)*\b/g, // numbers
  /\b(?:[a-z0-9]+-)+[a-z0-9]+\b/g, // kebab-case keys (test-case names, ids)
];

/**
 * Words that are names in every language: the product, the services, formats and standards. Keep it short:
 * a word here is never checked.
 */
export const PROPER_NAMES: readonly string[] = [
  'Kanta',
  'kanta-sim',
  'Kela',
  'FPA',
  'Suomi.fi',
  'KeyInfo',
  'setId',
  'HL7',
  'CDA',
  'XHTML',
  'HTML',
  'PDF',
  'CSV',
  'JSON',
  'XML',
  'SHA-256',
  'OID',
  'CN',
  'O',
  'C',
  'FI',
  'SN',
  'serialNumber',
];

function removeAll(text: string, pattern: RegExp): string {
  return text.replace(pattern, ' ');
}

/** `s` as a whole: not inside a longer word or number ("11" is not taken out of "15.11.2026"). */
function literalPattern(s: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(s)}(?![\\p{L}\\p{N}])`, 'gu');
}

/** A checker for one language with the seeded data; `check` answers the leftover words of one text. */
export function textChecker(catalogue: Catalogue, data: readonly string[]) {
  const dataPatterns = [...new Set(data)]
    .filter((s) => s.trim().length > 1)
    .sort((a, b) => b.length - a.length)
    .map(literalPattern);
  const literalPatterns = catalogue.literals.map(literalPattern);
  const names = [...PROPER_NAMES].sort((a, b) => b.length - a.length).map(literalPattern);
  // Catalogue texts hold data (a hetu in a hint), data holds catalogue words (a reason typed by the
  // archivist) and function texts hold literals ("Makulerat av <who> <when>"): a text passes when one of
  // these orders explains all of it. Dates go first: their digits are no one's data.
  const orders = [
    [DATES, catalogue.patterns, literalPatterns, dataPatterns],
    [DATES, literalPatterns, catalogue.patterns, dataPatterns],
    [DATES, dataPatterns, catalogue.patterns, literalPatterns],
    [DATES, dataPatterns, literalPatterns, catalogue.patterns],
  ].map((o) => [...o, names, DATA_SHAPES]);
  const leftover = (text: string, order: readonly (readonly RegExp[])[]): string => {
    let rest = ` ${text.replace(/\s+/g, ' ')} `;
    for (const p of order.flat()) {
      rest = removeAll(rest, p);
    }
    const words = rest.match(/\p{L}[\p{L}'’]*/gu) ?? [];
    // A single letter is a version mark or an initial, never a sentence.
    return words.filter((w) => w.length > 1).join(' ');
  };
  return (text: string): string => {
    let best: string | undefined;
    for (const order of orders) {
      const rest = leftover(text, order);
      if (rest === '') {
        return '';
      }
      best = best === undefined || rest.length < best.length ? rest : best;
    }
    return best ?? '';
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) {
      return String.fromCodePoint(parseInt(e.slice(2), 16));
    }
    if (e.startsWith('#')) {
      return String.fromCodePoint(Number(e.slice(1)));
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Attributes a reader hears or sees. */
const VISIBLE_ATTRIBUTES = new Set(['title', 'aria-label', 'placeholder', 'alt', 'aria-description']);

/**
 * The visible texts of a server-rendered page: text runs between tags, the attributes above, and the
 * value of buttons. Scripts, styles and the sandboxed display form (the document's own text) are skipped.
 */
export function visibleTexts(html: string): string[] {
  const out: string[] = [];
  const body = html
    .replace(/<script\b[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<![^>]*>/g, ' ');
  const tag = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*\/?>/g;
  let last = 0;
  for (let m = tag.exec(body); m !== null; m = tag.exec(body)) {
    out.push(body.slice(last, m.index));
    last = tag.lastIndex;
    const attrs = m[3] ?? '';
    const isButton = /^input$/i.test(m[2] ?? '') && /\stype="(?:submit|button|reset)"/.test(attrs);
    for (const a of attrs.matchAll(/([\w:-]+)="([^"]*)"/g)) {
      const [, name = '', value = ''] = a;
      if (VISIBLE_ATTRIBUTES.has(name) || (isButton && name === 'value')) {
        out.push(value);
      }
    }
  }
  out.push(body.slice(last));
  return out.map((t) => decode(t).replace(/\s+/g, ' ').trim()).filter((t) => /\p{L}/u.test(t));
}

/** The texts of `html` that are neither catalogue nor data, each with what was left of it. */
export function findLeaks(page: string, html: string, check: (text: string) => string): Leak[] {
  return visibleTexts(html).flatMap((text) => {
    const leftover = check(text);
    return leftover === '' ? [] : [{ page, text, leftover }];
  });
}

/** A failure message that names the page, the text and the words that are not in the catalogue. */
export function describeLeaks(lang: Lang, leaks: readonly Leak[]): string {
  return [
    `${leaks.length} visible text(s) of the ${lang} pages are not in the ${lang} catalogue:`,
    ...leaks.map((l) => `  [${l.page}] "${l.text}"  (not in the catalogue: ${l.leftover})`),
  ].join('\n');
}
