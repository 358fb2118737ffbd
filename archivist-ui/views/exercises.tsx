/**
 * The trainee's exercises: each question with its answer form (options, or a document id to paste) and the
 * latest answer marked right or wrong. A refused answer comes back at its exercise with the reason.
 */
import { formatInstant } from '../format.js';
import { exercisesMessages } from '../i18n/exercises.js';
import { presenterMessages } from '../i18n/presenter.js';
import type { PageContext } from './context.js';
import { describedBy, FieldError } from './field-error.js';
import { Layout } from './layout.js';

/** An exercise as the page shows it, in the reader's language. */
export interface ExerciseView {
  readonly id: string;
  readonly title: string;
  readonly question: string;
  readonly hint?: string;
  readonly kind: 'choice' | 'document';
  readonly options: readonly { readonly id: string; readonly text: string }[];
  readonly latest?: {
    /** The option's text, or the pasted id. */
    readonly valueText: string;
    readonly value: string;
    readonly correct: boolean;
    readonly attempts: number;
    readonly answeredAt: string;
  };
}

/** Why an answer was not taken: nothing given, or not one of the options. */
export interface ExerciseProblem {
  readonly exerciseId: string;
  readonly reason: 'empty' | 'not-an-option';
}

/** Right or wrong, in words and colour, with the answer and the tries. */
export function AnswerResult(props: { ctx: PageContext; latest: NonNullable<ExerciseView['latest']> }) {
  const { latest, ctx } = props;
  const m = exercisesMessages(ctx.lang);
  return (
    <p
      class={latest.correct ? 'alert alert-success exercise-result' : 'alert alert-error exercise-result'}
      data-result={latest.correct ? 'right' : 'wrong'}
    >
      <strong>{latest.correct ? m.right : m.wrong}</strong> · {m.yourAnswer}:{' '}
      <span class="code">{latest.valueText}</span> · {m.attempts(latest.attempts)} ·{' '}
      {formatInstant(latest.answeredAt, ctx.lang)}
    </p>
  );
}

function ChoiceFields(props: { ctx: PageContext; exercise: ExerciseView; error?: string }) {
  const { exercise, error } = props;
  const m = exercisesMessages(props.ctx.lang);
  const errorId = `${exercise.id}-error`;
  return (
    <fieldset class="field" aria-describedby={describedBy(error !== undefined && errorId)}>
      <legend>{m.choose}</legend>
      <FieldError id={errorId} message={error} />
      {exercise.options.map((o) => (
        <label class="choice" for={`${exercise.id}-${o.id}`}>
          <input
            type="radio"
            id={`${exercise.id}-${o.id}`}
            name="answer"
            value={o.id}
            checked={exercise.latest?.value === o.id}
          />{' '}
          {o.text}
        </label>
      ))}
    </fieldset>
  );
}

function DocumentField(props: { ctx: PageContext; exercise: ExerciseView; error?: string }) {
  const { exercise, error } = props;
  const m = exercisesMessages(props.ctx.lang);
  const id = `${exercise.id}-answer`;
  return (
    <>
      <label for={id}>{m.documentId}</label>
      <FieldError id={`${id}-error`} message={error} />
      <input
        type="text"
        id={id}
        name="answer"
        class="code"
        autocomplete="off"
        spellcheck={false}
        value={exercise.latest?.correct === false ? exercise.latest.value : ''}
        aria-invalid={error === undefined ? undefined : 'true'}
        aria-describedby={describedBy(error !== undefined && `${id}-error`, `${id}-hint`)}
      />
      <p class="hint" id={`${id}-hint`}>
        {m.documentIdHint}
      </p>
    </>
  );
}

function ExerciseCard(props: { ctx: PageContext; exercise: ExerciseView; problem?: ExerciseProblem }) {
  const { ctx, exercise, problem } = props;
  const m = exercisesMessages(ctx.lang);
  const error =
    problem?.exerciseId === exercise.id
      ? problem.reason === 'empty'
        ? m.emptyAnswer
        : m.notAnOption
      : undefined;
  const titleId = `${exercise.id}-title`;
  return (
    <section class="card exercise" id={exercise.id} aria-labelledby={titleId} data-exercise={exercise.id}>
      <h2 id={titleId}>{exercise.title}</h2>
      <p class="question">{exercise.question}</p>
      {exercise.hint && <p class="hint">{exercise.hint}</p>}
      {exercise.latest ? (
        <AnswerResult ctx={ctx} latest={exercise.latest} />
      ) : (
        <p class="muted">{m.notAnswered}</p>
      )}
      <form
        method="post"
        action={`/archivist/exercises/${encodeURIComponent(exercise.id)}/answer`}
        class="stack"
        novalidate
      >
        <input type="hidden" name="csrf" value={ctx.user?.csrf ?? ''} />
        {exercise.kind === 'choice' ? (
          <ChoiceFields ctx={ctx} exercise={exercise} error={error} />
        ) : (
          <DocumentField ctx={ctx} exercise={exercise} error={error} />
        )}
        <button type="submit" class="button primary">
          {m.send}
        </button>
      </form>
    </section>
  );
}

/** The trainer's ways on from the exercises: everyone's answers, and the presenter view in a new window. */
function TrainerLinks(props: { ctx: PageContext }) {
  const { lang } = props.ctx;
  return (
    <p class="actions">
      <a class="button secondary" href="/archivist/exercises/answers">
        {exercisesMessages(lang).answersTitle}
      </a>{' '}
      <a class="button secondary" href="/archivist/presenter" target="_blank" rel="noopener">
        {presenterMessages(lang).openPresenter}
      </a>
    </p>
  );
}

export function ExercisesPage(props: {
  ctx: PageContext;
  exercises: readonly ExerciseView[];
  problem?: ExerciseProblem;
}) {
  const { ctx } = props;
  const m = exercisesMessages(ctx.lang);
  return (
    <Layout ctx={ctx} title={m.title} active="exercises">
      <h1>{m.title}</h1>
      <p class="lead">{m.intro}</p>
      {ctx.user?.trainer && <TrainerLinks ctx={ctx} />}
      {props.exercises.length === 0 && <p class="muted">{m.none}</p>}
      {props.exercises.map((e) => (
        <ExerciseCard ctx={ctx} exercise={e} problem={props.problem} />
      ))}
    </Layout>
  );
}
