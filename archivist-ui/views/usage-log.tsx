/** The organisation's usage log (käyttöloki), newest first, with its filters and the CSV export. */
import type { UsageLine } from '../../server/archivist/view-models.js';
import { formatInstant } from '../format.js';
import { usageLogMessages } from '../i18n/usage-log.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';
import { UsageLogFilters, type UsageLogFilterForm, type UsageLogFilterProblem } from './usage-log-filters.js';
import { UsageDetailText } from './usage-detail.js';
import { ScrollRegion } from './scroll-region.js';

export function UsageLogPage(props: {
  ctx: PageContext;
  entries: readonly UsageLine[];
  form: UsageLogFilterForm;
  archivists: readonly { readonly id: string; readonly name: string }[];
  problem?: UsageLogFilterProblem;
  /** The filters as a query string, which the CSV export takes too. */
  search: string;
}) {
  const { ctx } = props;
  const { t, lang } = ctx;
  const u = usageLogMessages(lang);
  const csvHref = `/archivist/usage-log.csv${props.search ? `?${props.search}` : ''}`;
  const reason = ({ code, text }: UsageLine['reason']): string => {
    return [code ? t.reasons[code] : undefined, text].filter(Boolean).join(': ');
  };
  return (
    <Layout ctx={ctx} title={t.usageLogTitle} active="usage-log">
      <div class="title-row">
        <h1>{t.usageLogTitle}</h1>
        <a class="button secondary no-print" href={csvHref} download={u.csvFile}>
          {t.exportCsv}
        </a>
      </div>
      <p class="lead">{t.usageLogIntro}</p>
      <UsageLogFilters ctx={ctx} form={props.form} archivists={props.archivists} problem={props.problem} />
      <p class="hint">{u.pageLimit}</p>
      {props.entries.length === 0 ? (
        <p class="muted">{t.noEntries}</p>
      ) : (
        <ScrollRegion label={t.usageLogTitle}>
          <table class="data-table usage-log">
            <caption class="visually-hidden">{t.usageLogTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.time}</th>
                <th scope="col">{t.archivist}</th>
                <th scope="col">{t.action}</th>
                <th scope="col">{t.client}</th>
                <th scope="col">{t.documentColumn}</th>
                <th scope="col">{t.reason}</th>
                <th scope="col">{t.detail}</th>
              </tr>
            </thead>
            <tbody>
              {props.entries.map((e) => (
                <tr data-action={e.action}>
                  <td class="nowrap">{formatInstant(e.at, lang)}</td>
                  <td>{e.archivistName}</td>
                  <td>{t.actions[e.action] ?? e.action}</td>
                  <td class="hetu">{e.hetu ?? ''}</td>
                  <td class="code">
                    {e.documentId ? (
                      <a href={`/archivist/documents/${encodeURIComponent(e.documentId)}`}>{e.documentId}</a>
                    ) : (
                      ''
                    )}
                  </td>
                  <td>{reason(e.reason)}</td>
                  <td>
                    <UsageDetailText ctx={ctx} detail={e.detail} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}
