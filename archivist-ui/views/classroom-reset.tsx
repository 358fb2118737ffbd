/**
 * The confirmation step of a reset: the whole class or one trainee's sandbox, what a reset removes, and one
 * button that posts the same target to .../reset/confirm (the first click only asks, as cancelling a
 * rehearsal does).
 */
import type { ResetScope } from '../../server/classroom/view-models.js';
import { classroomMessages } from '../i18n/classroom.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

export function ClassroomResetConfirmPage(props: { ctx: PageContext; scope: ResetScope }) {
  const { ctx, scope } = props;
  const c = classroomMessages(ctx.lang);
  const title = scope.kind === 'class' ? c.resetClassTitle : c.resetSandboxTitle;
  const target = scope.kind === 'class' ? 'all' : scope.trainee.sandboxId;
  return (
    <Layout ctx={ctx} title={title} active="classroom">
      <section class="card confirm-card" aria-labelledby="confirm-title">
        <h1 id="confirm-title">{title}</h1>
        <dl class="facts">
          {scope.kind === 'class' ? (
            <>
              <dt>{c.trainees}</dt>
              <dd>{scope.trainees}</dd>
            </>
          ) : (
            <>
              <dt>{c.name}</dt>
              <dd>{scope.trainee.name}</dd>
              <dt>{c.username}</dt>
              <dd class="code">{scope.trainee.username}</dd>
              <dt>{c.organisation}</dt>
              <dd>{scope.trainee.organisationName}</dd>
            </>
          )}
        </dl>
        <p class="hint">{c.resetHint}</p>
        <p class="alert alert-warning">{c.resetWarning}</p>
        <form method="post" action="/archivist/classroom/reset/confirm" class="actions">
          <input type="hidden" name="csrf" value={ctx.user?.csrf ?? ''} />
          <input type="hidden" name="target" value={target} />
          <button type="submit" class="button danger" id="reset-confirm">
            {c.confirmReset}
          </button>
          <a class="button ghost" href="/archivist/classroom">
            {c.keep}
          </a>
        </form>
      </section>
    </Layout>
  );
}
