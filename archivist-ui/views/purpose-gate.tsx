/**
 * The purpose-of-use gate: shown instead of a client's data (a document opened by its address, a
 * rehearsal's page) until the archivist states why it looks at that client. It names no client: nothing of
 * the client shows before the purpose is stated. A wrong field is marked and described where it is.
 */
import { ACCESS_REASONS, type PurposeProblem } from '../../server/archivist/view-models.js';
import { purposeMessages } from '../i18n/purpose.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

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

/** aria-describedby of a field: its hint and, when it is the wrong one, its error. */
function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const kept = ids.filter((id): id is string => typeof id === 'string');
  return kept.length > 0 ? kept.join(' ') : undefined;
}

function ReasonFields(props: PurposeGateProps) {
  const { ctx, form, problem } = props;
  const { t } = ctx;
  const p = purposeMessages(ctx.lang);
  return (
    <>
      <div class="field">
        <label for="reason">{t.reason}</label>
        <select
          id="reason"
          name="reason"
          required
          aria-invalid={problem === 'reason' ? 'true' : undefined}
          aria-describedby={describedBy(
            problem === 'reason' && 'reason-error',
            props.suggested && 'reason-suggested',
            'reason-hint',
          )}
        >
          <option value="">–</option>
          {ACCESS_REASONS.map((r) => (
            <option value={r} selected={form.reason === r}>
              {t.reasons[r]}
            </option>
          ))}
        </select>
        {problem === 'reason' && (
          <p id="reason-error" class="alert alert-error field-error">
            {p.reasonMissing}
          </p>
        )}
        {props.suggested && (
          <p id="reason-suggested" class="hint">
            {p.suggested}
          </p>
        )}
        <p id="reason-hint" class="hint">
          {t.reasonHint}
        </p>
      </div>
      <div class="field">
        <label for="reasonText">{t.reasonText}</label>
        <input
          id="reasonText"
          name="reasonText"
          value={form.reasonText ?? ''}
          maxLength={200}
          aria-invalid={problem === 'reasonText' ? 'true' : undefined}
          aria-describedby={problem === 'reasonText' ? 'reasonText-error' : undefined}
        />
        {problem === 'reasonText' && (
          <p id="reasonText-error" class="alert alert-error field-error">
            {p.reasonTextMissing}
          </p>
        )}
      </div>
    </>
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
