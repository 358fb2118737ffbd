/**
 * The usage log's filter form: client, archivist, action, purpose of use and a range of days. A GET form,
 * so that a filtered log is a link and the CSV export can take the same filters; a wrong field is marked
 * and described where it is.
 */
import { ACCESS_REASONS, USAGE_ACTIONS } from '../../server/archivist/view-models.js';
import { usageLogMessages } from '../i18n/usage-log.js';
import type { PageContext } from './context.js';

/** The filter form's values as typed (shown again as they were). */
export interface UsageLogFilterForm {
  readonly hetu?: string;
  readonly archivist?: string;
  readonly action?: string;
  readonly purpose?: string;
  readonly from?: string;
  readonly to?: string;
}

/** The one filter field that is wrong, and how. */
export interface UsageLogFilterProblem {
  readonly field: 'hetu' | 'from' | 'to';
  readonly kind: 'hetuInvalid' | 'dateInvalid' | 'rangeInvalid';
}

interface Option {
  readonly value: string;
  readonly name: string;
}

function FilterSelect(props: {
  id: keyof UsageLogFilterForm;
  label: string;
  any: string;
  value?: string;
  options: readonly Option[];
}) {
  return (
    <div class="field">
      <label for={`log-${props.id}`}>{props.label}</label>
      <select id={`log-${props.id}`} name={props.id}>
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={props.value === o.value}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function FilterInput(props: {
  id: 'hetu' | 'from' | 'to';
  label: string;
  value?: string;
  type?: 'text' | 'date';
  problem?: UsageLogFilterProblem;
  message?: string;
}) {
  const wrong = props.problem?.field === props.id;
  const attributes = {
    id: `log-${props.id}`,
    name: props.id,
    value: props.value ?? '',
    autocomplete: 'off',
    spellcheck: false,
    'aria-invalid': wrong ? ('true' as const) : undefined,
    'aria-describedby': wrong ? `log-${props.id}-error` : undefined,
  };
  return (
    <div class="field">
      <label for={`log-${props.id}`}>{props.label}</label>
      {props.type === 'date' ? <input type="date" {...attributes} /> : <input {...attributes} />}
      {wrong && (
        <p id={`log-${props.id}-error`} class="alert alert-error field-error">
          {props.message}
        </p>
      )}
    </div>
  );
}

export function UsageLogFilters(props: {
  ctx: PageContext;
  form: UsageLogFilterForm;
  archivists: readonly { readonly id: string; readonly name: string }[];
  problem?: UsageLogFilterProblem;
}) {
  const { ctx, form, problem } = props;
  const { t } = ctx;
  const u = usageLogMessages(ctx.lang);
  const message = problem && (problem.kind === 'hetuInvalid' ? t.hetuInvalid : u[problem.kind]);
  return (
    <form
      method="get"
      action="/archivist/usage-log"
      class="card usage-log-filters"
      aria-labelledby="log-filters-title"
    >
      <h2 id="log-filters-title">{u.filtersTitle}</h2>
      {problem && (
        <p class="alert alert-error" role="alert" id="log-filter-error">
          {u.errorSummary}
        </p>
      )}
      <div class="filter-grid">
        <FilterInput id="hetu" label={u.client} value={form.hetu} problem={problem} message={message} />
        <FilterSelect
          id="archivist"
          label={t.archivist}
          any={t.any}
          value={form.archivist}
          options={props.archivists.map((a) => ({ value: a.id, name: a.name }))}
        />
        <FilterSelect
          id="action"
          label={t.action}
          any={t.any}
          value={form.action}
          options={USAGE_ACTIONS.map((a) => ({ value: a, name: t.actions[a] }))}
        />
        <FilterSelect
          id="purpose"
          label={t.reason}
          any={t.any}
          value={form.purpose}
          options={ACCESS_REASONS.map((r) => ({ value: r, name: t.reasons[r] }))}
        />
        <FilterInput
          id="from"
          label={u.from}
          type="date"
          value={form.from}
          problem={problem}
          message={message}
        />
        <FilterInput id="to" label={u.to} type="date" value={form.to} problem={problem} message={message} />
      </div>
      <div class="actions">
        <button type="submit" class="button primary">
          {u.apply}
        </button>
        <a class="button ghost" href="/archivist/usage-log">
          {u.clear}
        </a>
      </div>
    </form>
  );
}
