/**
 * The deployment-test forms: starting a rehearsal (a refused start shows its reason at the field it is about
 * and keeps the chosen case and hetu) and closing one (finish keeps the verdict; cancel asks first).
 */
import type { StartFormError, StartFormValues } from '../../server/rehearsal/view-models.js';
import { deploymentTestMessages } from '../i18n/deployment-test.js';
import { rehearsalStateMessages } from '../i18n/rehearsal-states.js';
import type { PageContext } from './context.js';

/** The error paragraph of a field, styled like the interface's other form errors. */
function FieldError(props: { id: string; text: string }) {
  return (
    <p class="alert alert-error field-error" role="alert" id={props.id}>
      {props.text}
    </p>
  );
}

export function StartForm(props: {
  ctx: PageContext;
  cases: readonly { readonly name: string; readonly title: string }[];
  error?: StartFormError;
  values?: StartFormValues;
}) {
  const { ctx, error } = props;
  const d = deploymentTestMessages(ctx.lang);
  const s = rehearsalStateMessages(ctx.lang);
  const errorOf = (field: StartFormError['field']): string | undefined =>
    error?.field === field ? s.startErrors[error.reason] : undefined;
  const caseError = errorOf('caseName');
  const hetuError = errorOf('hetu');
  return (
    <section class="card" aria-labelledby="start-title">
      <h2 id="start-title">{d.startTitle}</h2>
      <form method="post" action="/archivist/deployment-tests" class="stack" novalidate>
        <input type="hidden" name="csrf" value={ctx.user?.csrf ?? ''} />
        <label for="caseName">{d.testCase}</label>
        <select
          id="caseName"
          name="caseName"
          required
          {...(caseError === undefined
            ? {}
            : { 'aria-invalid': 'true', 'aria-describedby': 'caseName-error' })}
        >
          {props.cases.map((c) => (
            <option value={c.name} selected={props.values?.caseName === c.name}>
              {c.title}
            </option>
          ))}
        </select>
        {caseError !== undefined && <FieldError id="caseName-error" text={caseError} />}
        <label for="hetu">{d.testIdentity}</label>
        <input
          id="hetu"
          name="hetu"
          autocomplete="off"
          value={props.values?.hetu ?? ''}
          aria-describedby={hetuError === undefined ? 'hetu-hint' : 'hetu-error hetu-hint'}
          {...(hetuError === undefined ? {} : { 'aria-invalid': 'true' })}
        />
        {hetuError !== undefined && <FieldError id="hetu-error" text={hetuError} />}
        <p id="hetu-hint" class="hint">
          {d.testIdentityHint}
        </p>
        <button type="submit" class="button">
          {d.start}
        </button>
      </form>
    </section>
  );
}

/** Finish (keeps the verdict) and cancel (asks for confirmation on its own page) for a running rehearsal. */
export function CloseRehearsal(props: { ctx: PageContext; href: string }) {
  const { ctx } = props;
  const s = rehearsalStateMessages(ctx.lang);
  const csrf = ctx.user?.csrf ?? '';
  return (
    <section class="card no-print" aria-labelledby="close-title" id="close">
      <h2 id="close-title">{s.closeTitle}</h2>
      <form method="post" action={`${props.href}/finish`} class="stack">
        <input type="hidden" name="csrf" value={csrf} />
        <p class="hint" id="finish-hint">
          {s.finishHint}
        </p>
        <div class="actions">
          <button type="submit" class="button primary" id="finish-rehearsal" aria-describedby="finish-hint">
            {s.finish}
          </button>
        </div>
      </form>
      <form method="post" action={`${props.href}/cancel`} class="stack">
        <input type="hidden" name="csrf" value={csrf} />
        <p class="hint" id="cancel-hint">
          {s.cancelHint}
        </p>
        <div class="actions">
          <button
            type="submit"
            class="button danger-outline"
            id="cancel-rehearsal"
            aria-describedby="cancel-hint"
          >
            {s.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
