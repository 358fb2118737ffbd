/** The search page: client identity code, the stated purpose of use, filters, and the grouped results. */
import type { SearchResult } from '../../server/archivist/view-models.js';
import type { PageContext } from './context.js';
import { FieldError, describedBy } from './field-error.js';
import { Layout } from './layout.js';
import { PurposeFields } from './purpose-fields.js';
import { Results, type ResultNames } from './results.js';

export interface Option {
  readonly code: string;
  readonly name: string;
}

export interface SearchForm {
  readonly hetu?: string;
  readonly reason?: string;
  readonly reasonText?: string;
  readonly palvelutehtava?: string;
  readonly documentType?: string;
  readonly prosessivaihe?: string;
  readonly caseId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly state?: string;
  readonly registerOid?: string;
}

export interface SearchOptions {
  readonly serviceTasks: readonly Option[];
  readonly documentTypes: readonly Option[];
  readonly phases: readonly Option[];
}

/** A filter chosen from a code list; "any" first, the form's value selected. */
function CodeSelect(props: {
  ctx: PageContext;
  form: SearchForm;
  id: keyof SearchForm;
  label: string;
  options: readonly Option[];
  /** Whether each option shows its code after its name. */
  showCode?: boolean;
}) {
  const { form, id, showCode = true } = props;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={id}>
        <option value="">{props.ctx.t.any}</option>
        {props.options.map((o) => (
          <option value={o.code} selected={form[id] === o.code}>
            {showCode ? `${o.name} (${o.code})` : o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Which field a search error belongs to: the identity code, the purpose of use or its details. */
export type SearchErrorField = 'hetu' | 'reason' | 'reasonText';

/**
 * What every search needs: the client's identity code and the stated reason for access. A field in error
 * says so (aria-invalid), is described by its message, and takes the focus when the page opens.
 */
function SearchMain(props: {
  ctx: PageContext;
  form: SearchForm;
  error?: string;
  errorField?: SearchErrorField;
}) {
  const { ctx, form } = props;
  const { t } = ctx;
  const hetuError = props.errorField === 'hetu' ? props.error : undefined;
  return (
    <div class="search-main">
      <div class="field">
        <label for="hetu">{t.hetu}</label>
        <input
          id="hetu"
          name="hetu"
          value={form.hetu ?? ''}
          autocomplete="off"
          spellcheck={false}
          inputMode="text"
          aria-describedby={describedBy(hetuError && 'hetu-error', 'hetu-hint')}
          aria-invalid={hetuError ? 'true' : undefined}
          autofocus={hetuError !== undefined}
          class="input-hetu"
        />
        <FieldError id="hetu-error" message={hetuError} />
        <p id="hetu-hint" class="hint">
          {t.hetuHint}
        </p>
      </div>
      <PurposeFields
        ctx={ctx}
        reason={form.reason}
        reasonText={form.reasonText}
        problem={
          props.errorField === 'reason' || props.errorField === 'reasonText'
            ? { field: props.errorField, message: props.error ?? t.reasonRequired }
            : undefined
        }
      />
    </div>
  );
}

/** The optional filters, in a panel that starts open when one of them is used. */
function SearchFilters(props: { ctx: PageContext; form: SearchForm; options: SearchOptions; open: boolean }) {
  const { ctx, form, options } = props;
  const { t } = ctx;
  const registers = ctx.user?.registers ?? [];
  const states = (['current', 'replaced', 'invalidated'] as const).map((s) => ({
    code: s,
    name: t.states[s],
  }));
  return (
    <details class="filters" open={props.open}>
      <summary>{t.filters}</summary>
      <div class="filter-grid">
        <CodeSelect
          ctx={ctx}
          form={form}
          id="palvelutehtava"
          label={t.serviceTask}
          options={options.serviceTasks}
        />
        <CodeSelect
          ctx={ctx}
          form={form}
          id="documentType"
          label={t.documentType}
          options={options.documentTypes}
        />
        <CodeSelect
          ctx={ctx}
          form={form}
          id="prosessivaihe"
          label={t.processPhase}
          options={options.phases}
        />
        <div class="field">
          <label for="caseId">{t.caseId}</label>
          <input id="caseId" name="caseId" value={form.caseId ?? ''} spellcheck={false} />
        </div>
        <div class="field">
          <label for="from">{t.dateFrom}</label>
          <input id="from" name="from" type="date" value={form.from ?? ''} />
        </div>
        <div class="field">
          <label for="to">{t.dateTo}</label>
          <input id="to" name="to" type="date" value={form.to ?? ''} />
        </div>
        <CodeSelect ctx={ctx} form={form} id="state" label={t.state} options={states} showCode={false} />
        <CodeSelect
          ctx={ctx}
          form={form}
          id="registerOid"
          label={t.register}
          options={registers.map((r) => ({ code: r.oid, name: r.name }))}
          showCode={false}
        />
      </div>
    </details>
  );
}

export function SearchPage(props: {
  ctx: PageContext;
  form: SearchForm;
  options: SearchOptions;
  result?: SearchResult;
  /** A message for the field it concerns (invalid hetu, missing reason). */
  error?: string;
  /** The field the error concerns; without one, the error shows above the form. */
  errorField?: SearchErrorField;
  /** Whether the filters panel starts open (some filter was used). */
  filtersOpen: boolean;
  names: ResultNames;
}) {
  const { ctx, form } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.searchTitle} active="search">
      <h1>{t.searchTitle}</h1>
      <form method="get" action="/archivist/search" class="card search-form" role="search">
        {props.error && !props.errorField && (
          <p class="alert alert-error" role="alert" id="search-error">
            {props.error}
          </p>
        )}
        <SearchMain ctx={ctx} form={form} error={props.error} errorField={props.errorField} />
        <SearchFilters ctx={ctx} form={form} options={props.options} open={props.filtersOpen} />
        <div class="actions">
          <button type="submit" class="button primary">
            {t.searchButton}
          </button>
          <a class="button ghost" href="/archivist/search">
            {t.clearButton}
          </a>
        </div>
      </form>
      {props.result ? (
        <Results ctx={ctx} result={props.result} hetu={form.hetu} names={props.names} />
      ) : (
        <p class="muted" id="results">
          {t.searchPrompt}
        </p>
      )}
    </Layout>
  );
}
