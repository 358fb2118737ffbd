/**
 * The trainer console's forms: make the class, archive a document now, make the next document fail. Each
 * posts with the session's CSRF token; a refused form comes back with the reason under the field it is
 * about (marked invalid and described by it) and the values chosen, so nothing has to be chosen again.
 */
import {
  CLASSROOM_LANGS,
  labelIn,
  TRAINEES_MAX,
  TRAINEES_MIN,
  type Choice,
  type ConsoleChoices,
  type ConsoleField,
  type ConsoleFieldError,
  type MakeClassValues,
  type TraineeLine,
} from '../../server/classroom/view-models.js';
import { classroomMessages, type ClassroomMessages } from '../i18n/classroom.js';
import { messages } from '../i18n/index.js';
import type { PageContext } from './context.js';
import { describedBy, FieldError } from './field-error.js';

/** Which console form a refusal belongs to, so that only that form shows it. */
export type ConsoleForm = 'make' | 'archive' | 'fail';

export interface RefusedConsoleForm {
  readonly form: ConsoleForm;
  readonly error: ConsoleFieldError;
  readonly values: Readonly<Record<string, string | undefined>>;
}

/** The message of a field error, in the page's language. */
export function fieldErrorText(c: ClassroomMessages, error: ConsoleFieldError): string {
  const texts = c.errors[error.field] as Readonly<Record<string, string>>;
  return texts[error.reason] ?? c.errorSummary;
}

/** A labelled select whose error (when it has one) sits under it and describes it. */
function ChoiceField(props: {
  form: ConsoleForm;
  field: ConsoleField;
  label: string;
  options: readonly { readonly value: string; readonly name: string }[];
  value?: string | undefined;
  error?: string | undefined;
}) {
  const id = `${props.form}-${props.field}`;
  const errorId = `${id}-error`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        name={props.field}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.error !== undefined && errorId)}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={props.value === o.value}>
            {o.name}
          </option>
        ))}
      </select>
      <FieldError id={errorId} message={props.error} />
    </div>
  );
}

/** The refusal's message for `field` of `form`, if this refusal is about it. */
function errorFor(
  c: ClassroomMessages,
  refused: RefusedConsoleForm | undefined,
  form: ConsoleForm,
  field: ConsoleField,
): string | undefined {
  return refused?.form === form && refused.error.field === field
    ? fieldErrorText(c, refused.error)
    : undefined;
}

function named(choices: readonly Choice[], ctx: PageContext) {
  return choices.map((ch) => ({ value: ch.value, name: labelIn(ch.label, ctx.lang) }));
}

/** "Make the class": how many trainees, from which scenario, in which language, and what to do if one exists. */
export function MakeClassForm(props: {
  ctx: PageContext;
  scenarios: readonly Choice[];
  refused?: RefusedConsoleForm | undefined;
}) {
  const { ctx, refused } = props;
  const c = classroomMessages(ctx.lang);
  const values: MakeClassValues = refused?.form === 'make' ? refused.values : {};
  const traineesError = errorFor(c, refused, 'make', 'trainees');
  return (
    <section class="card" aria-labelledby="make-title">
      <h2 id="make-title">{c.makeTitle}</h2>
      {refused?.form === 'make' && (
        <p class="alert alert-error" role="alert">
          {c.errorSummary}
        </p>
      )}
      <form method="post" action="/archivist/classroom" class="stack" novalidate>
        <input type="hidden" name="csrf" value={ctx.user?.csrf ?? ''} />
        <div class="field">
          <label for="make-trainees">{c.traineeCount}</label>
          <input
            id="make-trainees"
            name="trainees"
            type="number"
            inputmode="numeric"
            min={TRAINEES_MIN}
            max={TRAINEES_MAX}
            value={values.trainees ?? '3'}
            aria-invalid={traineesError ? 'true' : undefined}
            aria-describedby={describedBy(
              traineesError !== undefined && 'make-trainees-error',
              'make-trainees-hint',
            )}
          />
          <FieldError id="make-trainees-error" message={traineesError} />
          <p class="hint" id="make-trainees-hint">
            {c.traineeCountHint(TRAINEES_MIN, TRAINEES_MAX)}
          </p>
        </div>
        <ChoiceField
          form="make"
          field="scenario"
          label={c.scenario}
          options={named(props.scenarios, ctx)}
          value={values.scenario}
          error={errorFor(c, refused, 'make', 'scenario')}
        />
        <ChoiceField
          form="make"
          field="lang"
          label={c.classLang}
          options={CLASSROOM_LANGS.map((l) => ({ value: l, name: messages(l).langName }))}
          value={values.lang ?? ctx.lang}
          error={errorFor(c, refused, 'make', 'lang')}
        />
        <fieldset class="field">
          <legend>{c.mode}</legend>
          {(['keep', 'reset'] as const).map((mode) => (
            <label class="choice">
              <input type="radio" name="mode" value={mode} checked={(values.mode ?? 'keep') === mode} />{' '}
              {mode === 'keep' ? c.modeKeep : c.modeReset}
            </label>
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit" class="button primary" id="make-class">
            {c.make}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The sandbox choice: all of them, or one trainee's. */
function targetOptions(c: ClassroomMessages, trainees: readonly TraineeLine[]) {
  return [
    { value: 'all', name: c.allSandboxes },
    ...trainees.map((t) => ({ value: t.sandboxId, name: `${t.name} (${t.username})` })),
  ];
}

/** "Archive now": a document type for a client, into one sandbox or all, arriving live on the trainees' screens. */
export function ArchiveNowForm(props: {
  ctx: PageContext;
  choices: ConsoleChoices;
  trainees: readonly TraineeLine[];
  refused?: RefusedConsoleForm | undefined;
}) {
  const { ctx, refused, choices } = props;
  const c = classroomMessages(ctx.lang);
  const values = refused?.form === 'archive' ? refused.values : {};
  return (
    <section class="card" aria-labelledby="archive-title">
      <h2 id="archive-title">{c.archiveTitle}</h2>
      <p class="hint">{c.archiveHint}</p>
      <form method="post" action="/archivist/classroom/archive-now" novalidate>
        <input type="hidden" name="csrf" value={ctx.user?.csrf ?? ''} />
        <div class="console-grid">
          <ChoiceField
            form="archive"
            field="documentType"
            label={c.documentType}
            options={named(choices.documentTypes, ctx)}
            value={values.documentType}
            error={errorFor(c, refused, 'archive', 'documentType')}
          />
          <ChoiceField
            form="archive"
            field="client"
            label={c.client}
            options={named(choices.clients, ctx)}
            value={values.client}
            error={errorFor(c, refused, 'archive', 'client')}
          />
          <ChoiceField
            form="archive"
            field="target"
            label={c.target}
            options={targetOptions(c, props.trainees)}
            value={values.target}
            error={errorFor(c, refused, 'archive', 'target')}
          />
        </div>
        <div class="actions">
          <button type="submit" class="button primary" id="archive-now">
            {c.archive}
          </button>
        </div>
      </form>
    </section>
  );
}

/** "Make the next document fail": a rule of the classroom's list, for one sandbox or all. */
export function FailNextForm(props: {
  ctx: PageContext;
  choices: ConsoleChoices;
  trainees: readonly TraineeLine[];
  refused?: RefusedConsoleForm | undefined;
}) {
  const { ctx, refused, choices } = props;
  const c = classroomMessages(ctx.lang);
  const values = refused?.form === 'fail' ? refused.values : {};
  const rules = choices.failRules.map((r) => ({
    value: r.value,
    name: `${r.value}: ${labelIn(r.label, ctx.lang)}`,
  }));
  return (
    <section class="card" aria-labelledby="fail-title">
      <h2 id="fail-title">{c.failTitle}</h2>
      <p class="hint">{c.failHint}</p>
      <form method="post" action="/archivist/classroom/fail-next" novalidate>
        <input type="hidden" name="csrf" value={ctx.user?.csrf ?? ''} />
        <div class="console-grid">
          <ChoiceField
            form="fail"
            field="rule"
            label={c.rule}
            options={rules}
            value={values.rule}
            error={errorFor(c, refused, 'fail', 'rule')}
          />
          <ChoiceField
            form="fail"
            field="target"
            label={c.target}
            options={targetOptions(c, props.trainees)}
            value={values.target}
            error={errorFor(c, refused, 'fail', 'target')}
          />
        </div>
        <div class="actions">
          <button type="submit" class="button secondary" id="fail-next">
            {c.arm}
          </button>
        </div>
      </form>
    </section>
  );
}
