/**
 * The usage log (käyttöloki) as the archivist reads it: the filters of its page and the CSV export, in the
 * reader's language (the labels come from the interface's catalogue, passed in by the route).
 */
import type { UsageAction, UsageEntry } from '../store/usage-log-store.js';
import { splitReason, type AccessReason } from './purposes.js';

/** What the usage-log page and its export may be narrowed to, within the archivist's own organisation. */
export interface UsageLogQuery {
  readonly hetu?: string;
  readonly documentId?: string;
  readonly archivistId?: string;
  readonly action?: UsageAction;
  readonly reasonCode?: AccessReason;
  /** ISO instants: at or after `from`, before `to`. */
  readonly from?: string;
  readonly to?: string;
}

export const USAGE_ACTIONS: readonly UsageAction[] = [
  'sign-in',
  'search',
  'view',
  'compare',
  'invalidate',
  'export-log',
  'deployment-test',
];

export const CSV_COLUMNS = [
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

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** The export's words in the reader's language. */
export interface UsageCsvLabels {
  readonly columns: Readonly<Record<CsvColumn, string>>;
  readonly action: (action: UsageAction) => string;
  readonly reason: (code: AccessReason) => string;
}

/**
 * The column separator. A Finnish (or Swedish) Excel reads its list separator, the semicolon, because the
 * comma is the decimal separator there; a double-clicked file with commas would land in one column.
 */
export const CSV_SEPARATOR = ';';

/**
 * RFC 4180 CSV with `;` between cells, oldest first, headers and words in the reader's language; a cell
 * that a spreadsheet would run as a formula is prefixed with '. The route adds the byte order mark.
 */
export function usageLogCsv(entries: readonly UsageEntry[], labels: UsageCsvLabels): string {
  const cell = (v: unknown): string => {
    let s = v === undefined || v === null ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) {
      s = `'${s}`;
    }
    return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const shown = (e: UsageEntry, c: CsvColumn): unknown => {
    if (c === 'action') {
      return labels.action(e.action);
    }
    if (c === 'reason') {
      const { code, text } = splitReason(e.reason);
      return [code ? labels.reason(code) : undefined, text].filter(Boolean).join(': ');
    }
    return e[c];
  };
  const lines = [CSV_COLUMNS.map((c) => cell(labels.columns[c])).join(CSV_SEPARATOR)];
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    lines.push(CSV_COLUMNS.map((c) => cell(shown(e, c))).join(CSV_SEPARATOR));
  }
  return lines.join('\r\n') + '\r\n';
}

/** The query as the export's own log entry records it. */
export function usageQueryDetail(query: UsageLogQuery): string {
  return Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('; ');
}

/**
 * The instant a calendar day (YYYY-MM-DD) begins in Helsinki, where the archivists work and the pages show
 * times; undefined when it is not a real date.
 */
export function helsinkiDayStart(day: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) {
    return undefined;
  }
  const midnightUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const asUtc = new Date(midnightUtc);
  if (asUtc.toISOString().slice(0, 10) !== day) {
    return undefined;
  }
  // Helsinki is UTC+2 or +3 and changes at 03:00/04:00, never at midnight: the offset at UTC midnight holds.
  return new Date(midnightUtc - helsinkiOffsetMs(asUtc)).toISOString();
}

/** The day after a YYYY-MM-DD day, same form. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function helsinkiOffsetMs(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Helsinki',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const n = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return wall - at.getTime();
}
