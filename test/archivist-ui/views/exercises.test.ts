import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import { messages, type Lang } from '../../../archivist-ui/i18n/index.js';
import { exercisesMessages } from '../../../archivist-ui/i18n/exercises.js';
import { renderPage } from '../../../archivist-ui/render.js';
import type { PageContext } from '../../../archivist-ui/views/context.js';
import { ExerciseAnswersPage } from '../../../archivist-ui/views/exercise-answers.js';
import { ExercisesPage, type ExerciseView } from '../../../archivist-ui/views/exercises.js';

const ctxIn = (lang: Lang): PageContext => ({
  t: messages(lang),
  lang,
  contrast: false,
  path: '/archivist/exercises',
  user: { name: 'Koulutettava 1', organisationName: 'Harjoitus 1', registers: [], demo: false, csrf: 'tok' },
});

const choice: ExerciseView = {
  id: 'why-invalidated',
  title: 'Miksi mitätöity?',
  question: 'Miksi asiakirja mitätöitiin?',
  kind: 'choice',
  options: [
    { id: 'a', text: 'Väärä asiakas' },
    { id: 'b', text: 'Tuplakirjaus' },
  ],
  latest: {
    value: 'b',
    valueText: 'Tuplakirjaus',
    correct: false,
    attempts: 2,
    answeredAt: '2026-12-05T10:00:00Z',
  },
};

const documentQuestion: ExerciseView = {
  id: 'current-plan',
  title: 'Voimassa oleva suunnitelma',
  question: 'Liitä suunnitelman tunniste.',
  kind: 'document',
  options: [],
};

/** The opening tag of the element with this id. */
function openingTag(html: string, id: string): string {
  const at = html.indexOf(`id="${id}"`);
  const start = html.lastIndexOf('<', at);
  return html.slice(start, html.indexOf('>', at) + 1);
}

describe("the trainee's exercises page", () => {
  it('shows each exercise with its form, the latest answer marked wrong and the choice kept', () => {
    const html = renderPage(h(ExercisesPage, { ctx: ctxIn('fi'), exercises: [choice, documentQuestion] }));
    const m = exercisesMessages('fi');
    expect(html).toContain('action="/archivist/exercises/why-invalidated/answer"');
    expect(html).toContain('action="/archivist/exercises/current-plan/answer"');
    expect(html).toContain('data-result="wrong"');
    expect(html).toContain(m.wrong);
    expect(html).toContain(m.attempts(2));
    expect(openingTag(html, 'why-invalidated-b')).toContain('checked');
    expect(openingTag(html, 'why-invalidated-a')).not.toContain('checked');
    expect(html).toContain(m.notAnswered);
    expect(html).toContain('name="csrf" value="tok"');
  });

  it('shows a refused answer at its own exercise, the field marked and described by the message', () => {
    const html = renderPage(
      h(ExercisesPage, {
        ctx: ctxIn('sv'),
        exercises: [choice, documentQuestion],
        problem: { exerciseId: 'current-plan', reason: 'empty' },
      }),
    );
    const field = openingTag(html, 'current-plan-answer');
    expect(field).toContain('aria-invalid="true"');
    expect(field).toContain('aria-describedby="current-plan-answer-error current-plan-answer-hint"');
    expect(html).toContain(exercisesMessages('sv').emptyAnswer);
    expect(html).not.toContain(exercisesMessages('sv').notAnOption);
  });
});

describe("the trainer's answers page", () => {
  it('lists every answer per exercise, right or wrong, with the tally', () => {
    const html = renderPage(
      h(ExerciseAnswersPage, {
        ctx: ctxIn('en'),
        exercises: [
          {
            id: 'why-invalidated',
            title: 'Why invalidated?',
            answers: [
              {
                trainee: 'Trainee 1',
                valueText: 'Wrong client',
                correct: true,
                attempts: 1,
                answeredAt: 'x',
              },
              { trainee: 'Trainee 2', valueText: 'Duplicate', correct: false, attempts: 3, answeredAt: 'x' },
            ],
          },
          { id: 'current-plan', title: 'Current plan', answers: [] },
        ],
      }),
    );
    const m = exercisesMessages('en');
    expect(html).toContain(m.summary(1, 2));
    expect(html.match(/data-result="right"/g)).toHaveLength(1);
    expect(html.match(/data-result="wrong"/g)).toHaveLength(1);
    expect(html).toContain(m.attempts(3));
    expect(html).toContain(m.noAnswers);
  });
});
