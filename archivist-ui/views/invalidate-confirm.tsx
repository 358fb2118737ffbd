/** The confirmation step of invalidation: what will be invalidated, why, and one explicit button. */
import type { DocumentSummary } from '../../server/archivist/view-models.js';
import { formatHl7 } from '../format.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

export function InvalidateConfirmPage(props: {
  ctx: PageContext;
  document: DocumentSummary;
  typeName: string;
  reason: string;
}) {
  const { ctx, document: d } = props;
  const { t, lang } = ctx;
  const href = `/archivist/documents/${encodeURIComponent(d.stored.id)}`;
  return (
    <Layout ctx={ctx} title={t.invalidateConfirmTitle} active="search">
      <section class="card confirm-card" aria-labelledby="confirm-title">
        <h1 id="confirm-title">{t.invalidateConfirmTitle}</h1>
        <p>{t.invalidateConfirmText}</p>
        <dl class="facts">
          <dt>{t.documentTitle}</dt>
          <dd>{props.typeName}</dd>
          <dt>{t.fields.documentId}</dt>
          <dd class="code">{d.stored.id}</dd>
          <dt>{t.client}</dt>
          <dd>
            {d.clientName} <span class="hetu">{d.stored.hetu}</span>
          </dd>
          <dt>{t.documentDate}</dt>
          <dd>{formatHl7(d.stored.effectiveTime, lang)}</dd>
          <dt>{t.invalidateReason}</dt>
          <dd class="reason">{props.reason}</dd>
        </dl>
        <p class="alert alert-warning">{t.invalidateIntro}</p>
        <form method="post" action={`${href}/invalidate/confirm`} class="actions">
          <input type="hidden" name="csrf" value={ctx.user?.csrf ?? ''} />
          <input type="hidden" name="reason" value={props.reason} />
          <button type="submit" class="button danger" id="invalidate-confirm">
            {t.invalidateConfirm}
          </button>
          <a class="button ghost" href={`${href}#invalidate`}>
            {t.cancel}
          </a>
        </form>
      </section>
    </Layout>
  );
}
