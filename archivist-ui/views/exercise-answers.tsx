/** The trainer's view of the exercises: per exercise, every trainee's latest answer, right or wrong. */
import { formatInstant } from '../format.js';
import { exercisesMessages } from '../i18n/exercises.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';
import { ScrollRegion } from './scroll-region.js';

/** One exercise with the answers to it, in the reader's language. */
export interface ExerciseAnswersView {
  readonly id: string;
  readonly title: string;
  readonly answers: readonly {
    readonly trainee: string;
    /** The option's text, or the pasted id. */
    readonly valueText: string;
    readonly correct: boolean;
    readonly attempts: number;
    readonly answeredAt: string;
  }[];
}

function AnswersTable(props: { ctx: PageContext; exercise: ExerciseAnswersView }) {
  const { ctx, exercise } = props;
  const m = exercisesMessages(ctx.lang);
  return (
    <ScrollRegion label={exercise.title}>
      <table class="data-table exercise-answers">
        <caption class="visually-hidden">{exercise.title}</caption>
        <thead>
          <tr>
            <th scope="col">{m.trainee}</th>
            <th scope="col">{m.answer}</th>
            <th scope="col">{m.result}</th>
            <th scope="col">{m.answeredAt}</th>
          </tr>
        </thead>
        <tbody>
          {exercise.answers.map((a) => (
            <tr data-result={a.correct ? 'right' : 'wrong'}>
              <th scope="row">{a.trainee}</th>
              <td class="code">{a.valueText}</td>
              <td>
                <span class={a.correct ? 'badge result-passed' : 'badge result-failed'}>
                  {a.correct ? m.right : m.wrong}
                </span>{' '}
                <span class="muted">{m.attempts(a.attempts)}</span>
              </td>
              <td class="nowrap">{formatInstant(a.answeredAt, ctx.lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function ExerciseAnswersPage(props: { ctx: PageContext; exercises: readonly ExerciseAnswersView[] }) {
  const { ctx } = props;
  const m = exercisesMessages(ctx.lang);
  return (
    <Layout ctx={ctx} title={m.answersTitle} active="exercises">
      <h1>{m.answersTitle}</h1>
      <p class="lead">{m.answersIntro}</p>
      {props.exercises.map((e) => {
        const right = e.answers.filter((a) => a.correct).length;
        return (
          <section class="card" aria-labelledby={`${e.id}-answers`} data-exercise={e.id}>
            <h2 id={`${e.id}-answers`}>{e.title}</h2>
            {e.answers.length === 0 ? (
              <p class="muted">{m.noAnswers}</p>
            ) : (
              <>
                <p class="muted">{m.summary(right, e.answers.length)}</p>
                <AnswersTable ctx={ctx} exercise={e} />
              </>
            )}
          </section>
        );
      })}
    </Layout>
  );
}
