/**
 * Reading the usage log's filter form (a GET form, so that a filtered log is a link): query strings into a
 * UsageLogQuery, the values to show again, and the one field that is wrong, if any. Days are Helsinki days,
 * as the page shows its times; `to` includes its whole day.
 */
import type {
  UsageLogFilterForm,
  UsageLogFilterProblem,
} from '../../../archivist-ui/views/usage-log-filters.js';
import { isAccessReason } from '../../archivist/purposes.js';
import { helsinkiDayStart, nextDay, USAGE_ACTIONS, type UsageLogQuery } from '../../archivist/usage-log.js';
import { checkHetu } from '../../hl7/hetu.js';
import type { UsageAction } from '../../store/usage-log-store.js';

const FORM_KEYS = [
  'hetu',
  'archivist',
  'action',
  'purpose',
  'from',
  'to',
] as const satisfies readonly (keyof UsageLogFilterForm)[];

export interface UsageLogFormResult {
  readonly form: UsageLogFilterForm;
  readonly query: UsageLogQuery;
  readonly problem?: UsageLogFilterProblem;
  /** The same filters as a query string, for the CSV link. */
  readonly search: string;
}

export function readUsageLogForm(raw: Record<string, unknown>): UsageLogFormResult {
  const values: Record<string, string> = {};
  for (const key of FORM_KEYS) {
    const v = raw[key];
    if (typeof v === 'string' && v.trim() !== '') {
      values[key] = v.trim().slice(0, 200);
    }
  }
  if (values.hetu) {
    values.hetu = values.hetu.toUpperCase();
  }
  const form: UsageLogFilterForm = values;
  const search = new URLSearchParams(values).toString();
  const action = USAGE_ACTIONS.includes(values.action as UsageAction)
    ? (values.action as UsageAction)
    : undefined;
  const from = values.from === undefined ? undefined : helsinkiDayStart(values.from);
  // A real day first: nextDay of a malformed one would not be a date at all.
  const toDay = values.to !== undefined && helsinkiDayStart(values.to) !== undefined ? values.to : undefined;
  const to = toDay === undefined ? undefined : helsinkiDayStart(nextDay(toDay));
  const problem: UsageLogFilterProblem | undefined =
    values.hetu !== undefined && !checkHetu(values.hetu).ok
      ? { field: 'hetu', kind: 'hetuInvalid' }
      : values.from !== undefined && from === undefined
        ? { field: 'from', kind: 'dateInvalid' }
        : values.to !== undefined && to === undefined
          ? { field: 'to', kind: 'dateInvalid' }
          : from !== undefined && to !== undefined && from >= to
            ? { field: 'to', kind: 'rangeInvalid' }
            : undefined;
  const query: UsageLogQuery = {
    hetu: values.hetu,
    archivistId: values.archivist,
    action,
    reasonCode: isAccessReason(values.purpose) ? values.purpose : undefined,
    from,
    to,
  };
  return { form, query, problem, search };
}
