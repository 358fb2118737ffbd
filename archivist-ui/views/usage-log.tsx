/** The organisation's usage log (käyttöloki), newest first, with the CSV export. */
import type { UsageLine } from '../../server/archivist/view-models.js';
import { formatInstant } from '../format.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';
import { ScrollRegion } from './scroll-region.js';

export function UsageLogPage(props: { ctx: PageContext; entries: readonly UsageLine[] }) {
  const { ctx } = props;
  const { t, lang } = ctx;
  const reason = ({ code, text }: UsageLine['reason']): string => {
    return [code ? t.reasons[code] : undefined, text].filter(Boolean).join(': ');
  };
  return (
    <Layout ctx={ctx} title={t.usageLogTitle} active="usage-log">
      <div class="title-row">
        <h1>{t.usageLogTitle}</h1>
        <a class="button secondary no-print" href="/archivist/usage-log.csv" download="kayttoloki.csv">
          {t.exportCsv}
        </a>
      </div>
      <p class="lead">{t.usageLogIntro}</p>
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
                  <td>{e.detail ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Layout>
  );
}
