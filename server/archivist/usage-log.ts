/**
 * The usage log (käyttöloki) as the archivist reads it: the reasons an archivist may state, and the CSV
 * export of its own organisation's log.
 */
import type { UsageEntry } from '../store/usage-log-store.js';

/** Reasons for access offered in the search form; the archivist may add free text after any of them. */
export const ACCESS_REASONS = [
  'deployment-test',
  'error-investigation',
  'client-request',
  'training',
  'other',
] as const;

export type AccessReason = (typeof ACCESS_REASONS)[number];

/** `code` or `code: free text`, trimmed to a sane length; undefined when the code is not one of ours. */
export function statedReason(code: unknown, text: unknown): string | undefined {
  if (typeof code !== 'string' || !(ACCESS_REASONS as readonly string[]).includes(code)) {
    return undefined;
  }
  const extra = typeof text === 'string' ? text.replace(/\s+/g, ' ').trim().slice(0, 200) : '';
  if (code === 'other' && extra === '') {
    return undefined;
  }
  return extra === '' ? code : `${code}: ${extra}`;
}

/** Splits a stored reason back into its code and free text. */
export function splitReason(reason: string | undefined): { code?: AccessReason; text?: string } {
  if (!reason) {
    return {};
  }
  const at = reason.indexOf(': ');
  const code = (at < 0 ? reason : reason.slice(0, at)) as AccessReason;
  const text = at < 0 ? undefined : reason.slice(at + 2);
  return (ACCESS_REASONS as readonly string[]).includes(code) ? { code, text } : { text: reason };
}

const CSV_COLUMNS = [
  'seq',
  'at',
  'archivistName',
  'archivistId',
  'action',
  'hetu',
  'documentId',
  'registerOid',
  'reason',
  'detail',
] as const satisfies readonly (keyof UsageEntry)[];

/** RFC 4180 CSV, oldest first; a cell that a spreadsheet would run as a formula is prefixed with '. */
export function usageLogCsv(entries: readonly UsageEntry[]): string {
  const cell = (v: unknown): string => {
    let s = v === undefined || v === null ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) {
      s = `'${s}`;
    }
    return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    lines.push(CSV_COLUMNS.map((c) => cell(e[c])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
