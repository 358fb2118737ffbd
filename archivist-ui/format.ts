/**
 * Dates and codes as the archivist reads them: Finnish-style dates in Helsinki time, whatever the
 * server's zone, and HL7 time stamps (YYYYMMDDhhmmss+zzzz) turned into readable dates.
 */
import type { CodeNames, MetadataValue } from '../server/archivist/view-models.js';
import type { Lang } from './i18n/index.js';

const LOCALES: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** An ISO instant as `15.1.2026 10.30` (per language), in Europe/Helsinki. */
export function formatInstant(iso: string | undefined, lang: Lang): string {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(LOCALES[lang], {
    timeZone: 'Europe/Helsinki',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

/** An HL7 TS (`20260115103000+0200`, or a date alone) as a readable date, time when present; else as is. */
export function formatHl7(ts: string | undefined, lang: Lang): string {
  if (!ts) {
    return '';
  }
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?(?:\.\d+)?([+-]\d{4})?$/.exec(ts);
  if (!m) {
    return ts;
  }
  const [, y, mo, d, h, mi, s, zone] = m;
  if (h === undefined) {
    return new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
    }).format(new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))));
  }
  const z = zone ? `${zone.slice(0, 3)}:${zone.slice(3)}` : 'Z';
  return formatInstant(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${z}`, lang);
}

/** An ISO calendar date (`2026-12-03`) as a readable date; anything else as is. */
export function formatIsoDate(date: string | undefined, lang: Lang): string {
  if (!date) {
    return '';
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatHl7(date.replace(/-/g, ''), lang) : date;
}

/** Names in the language, falling back to Finnish (code lists name every code in Finnish first). */
export function nameIn(names: CodeNames | undefined, lang: Lang): string | undefined {
  return names?.[lang] ?? names?.fi;
}

/** The name of a coded value in the language, falling back to Finnish, then to the document's own text. */
export function codeName(v: Pick<MetadataValue, 'names' | 'text'>, lang: Lang): string | undefined {
  return v.names?.[lang] ?? v.names?.fi ?? v.text;
}

/** `180418*****`: enough to recognise a client on a projector without showing the whole identity code. */
export function maskHetu(hetu: string): string {
  return hetu.length > 6 ? `${hetu.slice(0, 6)}${'*'.repeat(hetu.length - 6)}` : hetu;
}
