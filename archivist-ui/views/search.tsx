/** The search page: client identity code, the stated purpose of use, filters, and the grouped results. */
import { ACCESS_REASONS, type SearchResult } from '../../server/archivist/view-models.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';
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

export function SearchPage(props: {
  ctx: PageContext;
  form: SearchForm;
  options: SearchOptions;
  result?: SearchResult;
  /** A message to show above the form (invalid hetu, missing reason). */
  error?: string;
  /** Whether the filters panel starts open (some filter was used). */
  filtersOpen: boolean;
  names: ResultNames;
}) {
  const { ctx, form, options } = props;
  const { t } = ctx;
  const registers = ctx.user?.registers ?? [];
  const select = (id: keyof SearchForm, label: string, opts: readonly Option[], showCode = true) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={id}>
        <option value="">{t.any}</option>
        {opts.map((o) => (
          <option value={o.code} selected={form[id] === o.code}>
            {showCode ? `${o.name} (${o.code})` : o.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Layout ctx={ctx} title={t.searchTitle} active="search">
      <h1>{t.searchTitle}</h1>
      <form method="get" action="/archivist/search" class="card search-form" role="search">
        {props.error && (
          <p class="alert alert-error" role="alert" id="search-error">
            {props.error}
          </p>
        )}
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
              aria-describedby="hetu-hint"
              class="input-hetu"
            />
            <p id="hetu-hint" class="hint">
              {t.hetuHint}
            </p>
          </div>
          <div class="field">
            <label for="reason">{t.reason}</label>
            <select id="reason" name="reason" aria-describedby="reason-hint">
              <option value="">–</option>
              {ACCESS_REASONS.map((r) => (
                <option value={r} selected={form.reason === r}>
                  {t.reasons[r]}
                </option>
              ))}
            </select>
            <p id="reason-hint" class="hint">
              {t.reasonHint}
            </p>
          </div>
          <div class="field">
            <label for="reasonText">{t.reasonText}</label>
            <input id="reasonText" name="reasonText" value={form.reasonText ?? ''} maxLength={200} />
          </div>
        </div>
        <details class="filters" open={props.filtersOpen}>
          <summary>{t.filters}</summary>
          <div class="filter-grid">
            {select('palvelutehtava', t.serviceTask, options.serviceTasks)}
            {select('documentType', t.documentType, options.documentTypes)}
            {select('prosessivaihe', t.processPhase, options.phases)}
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
            {select(
              'state',
              t.state,
              (['current', 'replaced', 'invalidated'] as const).map((s) => ({ code: s, name: t.states[s] })),
              false,
            )}
            {select(
              'registerOid',
              t.register,
              registers.map((r) => ({ code: r.oid, name: r.name })),
              false,
            )}
          </div>
        </details>
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
