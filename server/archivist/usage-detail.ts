/**
 * The detail column of the usage log as data. The log stores one line of text per entry (`key=value; ...`,
 * the form the search filters always had), which stays readable in the CSV; the pages read it back into a
 * typed detail and word it in the reader's language, so no English sentence is written for a page to show.
 * Entries written before this form ("19/20 match", "viewed <case> (<id>)") are read too.
 */
import type { UsageAction } from '../store/usage-log-store.js';
import { SEARCH_FILTER_KEYS, type SearchFilterKey } from './search-query.js';

export type RehearsalStep = 'started' | 'viewed' | 'report' | 'finished' | 'cancelled';
export type ReportFormat = 'html' | 'pdf' | 'eml';
export type RehearsalOutcome = 'passed' | 'failed';

export type UsageDetail =
  | { readonly kind: 'search'; readonly filters: readonly { key: SearchFilterKey; value: string }[] }
  | { readonly kind: 'compare'; readonly matching: number; readonly fields: number }
  | { readonly kind: 'invalidation'; readonly reason: string }
  | {
      readonly kind: 'rehearsal';
      readonly step: RehearsalStep;
      readonly caseName: string;
      readonly rehearsalId: string;
      readonly report?: ReportFormat;
      /** The verdict a finished rehearsal kept. */
      readonly outcome?: RehearsalOutcome;
    }
  /** A line in no known form: shown as it was written. */
  | { readonly kind: 'text'; readonly text: string };

/** The stored line of a compare: how many fields match of how many. */
export function compareDetail(matching: number, fields: number): string {
  return `matching=${matching}; fields=${fields}`;
}

/** The stored line of a deployment-test step: the report's format, or the verdict a finish kept. */
export function rehearsalDetail(
  step: RehearsalStep,
  r: { caseName: string; id: string },
  about: { report?: ReportFormat; outcome?: RehearsalOutcome } = {},
): string {
  return [
    `step=${step}`,
    `case=${r.caseName}`,
    `rehearsal=${r.id}`,
    ...(about.report ? [`report=${about.report}`] : []),
    ...(about.outcome ? [`outcome=${about.outcome}`] : []),
  ].join('; ');
}

function pairs(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split('; ')) {
    const at = part.indexOf('=');
    if (at > 0) {
      out.set(part.slice(0, at), part.slice(at + 1));
    }
  }
  return out;
}

const STEPS: readonly string[] = ['started', 'viewed', 'report', 'finished', 'cancelled'];
const OUTCOMES: readonly string[] = ['passed', 'failed'];
const FORMATS: readonly string[] = ['html', 'pdf', 'eml'];

function readRehearsal(text: string): UsageDetail | undefined {
  const p = pairs(text);
  const step = p.get('step');
  const caseName = p.get('case');
  const rehearsalId = p.get('rehearsal');
  const report = p.get('report');
  const outcome = p.get('outcome');
  if (step && STEPS.includes(step) && caseName !== undefined && rehearsalId !== undefined) {
    return {
      kind: 'rehearsal',
      step: step as RehearsalStep,
      caseName,
      rehearsalId,
      ...(report && FORMATS.includes(report) ? { report: report as ReportFormat } : {}),
      ...(outcome && OUTCOMES.includes(outcome) ? { outcome: outcome as RehearsalOutcome } : {}),
    };
  }
  const old = /^(?:(started|viewed)|report (html|pdf|eml) of) (.+) \(([^()]+)\)$/.exec(text);
  if (!old) {
    return undefined;
  }
  const [, begun, format, name = '', id = ''] = old;
  return begun
    ? { kind: 'rehearsal', step: begun as RehearsalStep, caseName: name, rehearsalId: id }
    : { kind: 'rehearsal', step: 'report', caseName: name, rehearsalId: id, report: format as ReportFormat };
}

function readCompare(text: string): UsageDetail | undefined {
  const p = pairs(text);
  const m = /^(\d+)\/(\d+) match$/.exec(text);
  const matching = Number(p.get('matching') ?? m?.[1]);
  const fields = Number(p.get('fields') ?? m?.[2]);
  return Number.isInteger(matching) && Number.isInteger(fields)
    ? { kind: 'compare', matching, fields }
    : undefined;
}

function readSearch(text: string): UsageDetail | undefined {
  const known: readonly string[] = SEARCH_FILTER_KEYS;
  const filters = [...pairs(text)].map(([key, value]) => ({ key, value }));
  return filters.length > 0 && filters.every((f) => known.includes(f.key))
    ? { kind: 'search', filters: filters as { key: SearchFilterKey; value: string }[] }
    : undefined;
}

/** Reads a stored detail line of an entry of `action`; undefined when the entry has none. */
export function readUsageDetail(action: UsageAction, text: string | undefined): UsageDetail | undefined {
  if (text === undefined || text === '') {
    return undefined;
  }
  const read =
    action === 'search'
      ? readSearch(text)
      : action === 'compare'
        ? readCompare(text)
        : action === 'deployment-test'
          ? readRehearsal(text)
          : action === 'invalidate'
            ? ({ kind: 'invalidation', reason: text } as const)
            : undefined;
  return read ?? { kind: 'text', text };
}
