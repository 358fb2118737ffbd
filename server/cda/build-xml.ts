/**
 * A tiny writer for compact XML, used by the CDA builder. Documents are signed as built, so the writer
 * never emits whitespace between tags, comments or a declaration: what it returns is the signed form.
 * Every value passes through escaping; the branded XmlFragment type makes it a compile error to splice an
 * unescaped string into the output.
 */
import { KantaSimError } from '../errors.js';

/** Serialised, already escaped XML. Only el(), text() and raw() make one. */
export type XmlFragment = string & { readonly __xmlFragment: true };

/** Attribute values; undefined attributes are left out, so optional metadata needs no `if`s. */
export type XmlAttrs = Readonly<Record<string, string | number | undefined>>;

// XML 1.0 cannot carry these characters at all, not even as character references: escaping cannot help,
// so the builder refuses them instead of producing a document no parser would read.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Throws BAD_REQUEST when a value holds characters XML 1.0 cannot represent. */
export function assertXmlChars(value: string, what: string): void {
  const m = NOT_XML_CHAR.exec(value);
  if (m) {
    const cp = m[0].codePointAt(0) ?? 0;
    throw new KantaSimError(
      'BAD_REQUEST',
      `${what} contains U+${cp.toString(16).toUpperCase().padStart(4, '0')}, which XML cannot carry`,
    );
  }
}

/**
 * Escapes character data. `>` is escaped too (for `]]>`), and CR becomes a reference so that the parser's
 * line-end normalisation cannot change what was signed.
 */
export function escapeText(value: string, what = 'text'): string {
  assertXmlChars(value, what);
  return value.replace(/[&<>\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;',
  );
}

/** Escapes an attribute value; tabs and line ends become references so attribute normalisation keeps them. */
export function escapeAttr(value: string, what = 'attribute'): string {
  assertXmlChars(value, what);
  return value.replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ESCAPES[c] ?? c);
}

const ATTR_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Escaped character data as a fragment. */
export function text(value: string): XmlFragment {
  return escapeText(value) as XmlFragment;
}

/** Marks trusted, already well-formed XML (e.g. Base64, which needs no escaping) as a fragment. */
export function raw(xml: string): XmlFragment {
  return xml as XmlFragment;
}

/** One element: `<name a="v"/>` when empty, otherwise with its children concatenated without whitespace. */
export function el(
  name: string,
  attrs: XmlAttrs = {},
  ...children: readonly (XmlFragment | undefined)[]
): XmlFragment {
  let out = `<${name}`;
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined) {
      out += ` ${key}="${escapeAttr(String(value), `${name}/@${key}`)}"`;
    }
  }
  const body = children.filter((c): c is XmlFragment => c !== undefined).join('');
  return (body === '' ? `${out}/>` : `${out}>${body}</${name}>`) as XmlFragment;
}

/** Joins fragments (skipping undefined) into one. */
export function frag(...parts: readonly (XmlFragment | undefined)[]): XmlFragment {
  return parts.filter((p): p is XmlFragment => p !== undefined).join('') as XmlFragment;
}

/** Base64 of the UTF-8 bytes of a string. */
export function base64Utf8(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64');
}

/** Throws BAD_REQUEST unless the value is a valid Date. */
export function assertDate(value: Date, what: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new KantaSimError('BAD_REQUEST', `${what} is not a valid date`);
  }
}

/** The wall-clock parts of an instant in a time zone, and that zone's offset in minutes at that instant. */
function zonedParts(
  date: Date,
  timeZone: string,
): { y: number; mo: number; d: number; h: number; mi: number; s: number; offset: number } {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
  } catch (cause) {
    throw new KantaSimError('BAD_REQUEST', `unknown time zone ${timeZone}`, { cause });
  }
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(fmt.formatToParts(date).find((p) => p.type === type)?.value ?? NaN);
  const p = {
    y: get('year'),
    mo: get('month'),
    d: get('day'),
    h: get('hour'),
    mi: get('minute'),
    s: get('second'),
  };
  const wholeSeconds = Math.floor(date.getTime() / 1000) * 1000;
  const offset = Math.round((Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - wholeSeconds) / 60_000);
  return { ...p, offset };
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/**
 * HL7 V3 TS with seconds and the zone offset, as the real documents carry it (`20260323105424+0200`).
 * Finnish client systems write local time, so the default zone is Europe/Helsinki whatever the host's zone.
 */
export function formatHl7Time(date: Date, timeZone = 'Europe/Helsinki'): string {
  assertDate(date, 'time');
  const p = zonedParts(date, timeZone);
  const sign = p.offset < 0 ? '-' : '+';
  return `${pad(p.y, 4)}${pad(p.mo)}${pad(p.d)}${pad(p.h)}${pad(p.mi)}${pad(p.s)}${sign}${pad(Math.trunc(p.offset / 60))}${pad(p.offset % 60)}`;
}

/** The local calendar date `YYYY-MM-DD` of an instant (JSON dates in the structured form). */
export function formatIsoDate(date: Date, timeZone = 'Europe/Helsinki'): string {
  assertDate(date, 'date');
  const p = zonedParts(date, timeZone);
  return `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}`;
}

/** `DD.MM.YYYY`, the Finnish display form of a `YYYY-MM-DD` date (XHTML). Other strings pass unchanged. */
export function formatFinnishDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : isoDate;
}
