/** The confirmation step of cancelling a deployment-test rehearsal: which one, what it means, one button. */
import type { RehearsalLine } from '../../server/rehearsal/view-models.js';
import { formatInstant, maskHetu } from '../format.js';
import { deploymentTestMessages } from '../i18n/deployment-test.js';
import { rehearsalStateMessages } from '../i18n/rehearsal-states.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

export function CancelRehearsalConfirmPage(props: {
  ctx: PageContext;
  rehearsal: RehearsalLine;
  caseTitle: string;
}) {
  const { ctx, rehearsal: r } = props;
  const d = deploymentTestMessages(ctx.lang);
  const s = rehearsalStateMessages(ctx.lang);
  const href = `/archivist/deployment-tests/${encodeURIComponent(r.id)}`;
  return (
    <Layout ctx={ctx} title={s.cancelConfirmTitle} active="deployment-test">
      <section class="card confirm-card" aria-labelledby="confirm-title">
        <h1 id="confirm-title">{s.cancelConfirmTitle}</h1>
        <dl class="facts">
          <dt>{d.testCase}</dt>
          <dd>{props.caseTitle}</dd>
          <dt>{d.client}</dt>
          <dd class="mono">{maskHetu(r.hetu)}</dd>
          <dt>{d.started}</dt>
          <dd>{formatInstant(r.startedAt, ctx.lang)}</dd>
        </dl>
        <p class="alert alert-warning">{s.cancelConfirmText}</p>
        <form method="post" action={`${href}/cancel/confirm`} class="actions">
          <input type="hidden" name="csrf" value={ctx.user?.csrf ?? ''} />
          <button type="submit" class="button danger" id="cancel-confirm">
            {s.cancelConfirm}
          </button>
          <a class="button ghost" href={href}>
            {s.keepRunning}
          </a>
        </form>
      </section>
    </Layout>
  );
}
