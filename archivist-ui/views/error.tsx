/** An error as a page: what went wrong in the reader's language, and a way back. */
import type { Messages } from '../i18n/index.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

export type ErrorKind = keyof Messages['errors'];

export function ErrorPage(props: { ctx: PageContext; kind: ErrorKind; status: number }) {
  const { t } = props.ctx;
  return (
    <Layout ctx={props.ctx} title={t.errorTitle}>
      <section class="card" aria-labelledby="error-title">
        <h1 id="error-title">{t.errorTitle}</h1>
        <p class="alert alert-error" role="alert" data-status={props.status}>
          {t.errors[props.kind]}
        </p>
        <p>
          <a href="/archivist">{t.backHome}</a>
        </p>
      </section>
    </Layout>
  );
}
