/**
 * The purpose-of-use gate: shown instead of a client's data (a document opened by its address, a
 * rehearsal's page) until the archivist states why it looks at that client. It names no client: nothing of
 * the client shows before the purpose is stated. A wrong field is marked and described where it is.
 */
import type { PurposeProblem } from '../../server/archivist/view-models.js';
import { purposeMessages } from '../i18n/purpose.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';
import { PurposeFields } from './purpose-fields.js';

export interface PurposeForm {
  readonly reason?: string;
  readonly reasonText?: string;
}

export interface PurposeGateProps {
  readonly ctx: PageContext;
  /** Where the form posts (the document's or the rehearsal's purpose address). */
  readonly action: string;
  readonly subject: 'document' | 'rehearsal';
  readonly form: PurposeForm;
  /** The reason preselected as a suggestion (a rehearsal suggests the deployment test), still to be confirmed. */
  readonly suggested?: boolean;
  readonly problem?: PurposeProblem;
  readonly cancelHref: string;
}

function ReasonFields(props: PurposeGateProps) {
  const { ctx, form, problem } = props;
  const p = purposeMessages(ctx.lang);
  const message = problem === 'reason' ? p.reasonMissing : p.reasonTextMissing;
  return (
    <PurposeFields
      ctx={ctx}
      required
      reason={form.reason}
      reasonText={form.reasonText}
      problem={problem && { field: problem, message }}
      suggestion={props.suggested ? p.suggested : undefined}
    />
  );
}

export function PurposeGatePage(props: PurposeGateProps) {
  const { ctx } = props;
  const p = purposeMessages(ctx.lang);
  return (
    <Layout ctx={ctx} title={p.title}>
      <h1 id="purpose-title">{p.title}</h1>
      <section class="card purpose-gate" aria-labelledby="purpose-title">
        {props.problem && (
          <p class="alert alert-error" role="alert" id="purpose-error">
            {p.errorSummary}
          </p>
        )}
        <p id="purpose-intro" class="lead">
          {props.subject === 'document' ? p.documentIntro : p.rehearsalIntro}
        </p>
        <form method="post" action={props.action} class="stack" id="purpose-form">
          <input type="hidden" name="csrf" value={ctx.user?.csrf ?? ''} />
          <ReasonFields {...props} />
          <p class="hint">{p.logNote}</p>
          <div class="actions">
            <button type="submit" class="button primary">
              {p.submit}
            </button>
            <a class="button ghost" href={props.cancelHref}>
              {p.cancel}
            </a>
          </div>
        </form>
      </section>
    </Layout>
  );
}
