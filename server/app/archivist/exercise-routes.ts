/**
 * The classroom's exercises in the archivist interface: GET /archivist/exercises (the signed-in trainee's
 * exercises and latest answers), POST /archivist/exercises/:id/answer (check and keep an answer, then back
 * to the exercise), GET /archivist/exercises/answers (the trainer's view of everyone's answers).
 */
import express, { type Request, type Response, type Router } from 'express';
import { h } from 'preact';
import type { Lang } from '../../../archivist-ui/i18n/index.js';
import { ExerciseAnswersPage } from '../../../archivist-ui/views/exercise-answers.js';
import {
  ExercisesPage,
  type ExerciseProblem,
  type ExerciseView,
} from '../../../archivist-ui/views/exercises.js';
import type { Session } from '../../archivist/sessions.js';
import type { Exercise } from '../../classroom/exercise.js';
import type { ExerciseParts } from '../../classroom/exercise-service.js';
import { KantaSimError } from '../../errors.js';
import type { ExerciseAnswerRecord } from '../../store/exercise-answer-store.js';
import { sendPage } from './page.js';
import type { ArchivistRouteContext } from './route-context.js';

/** An answer as the page shows it: the chosen option's text, or the pasted id. */
function answerText(exercise: Exercise, value: string, lang: Lang): string {
  const { answer } = exercise;
  return answer.type === 'choice' ? (answer.options.find((o) => o.id === value)?.text[lang] ?? value) : value;
}

function exerciseView(exercise: Exercise, lang: Lang, latest?: ExerciseAnswerRecord): ExerciseView {
  const { answer } = exercise;
  return {
    id: exercise.id,
    title: exercise.title[lang],
    question: exercise.question[lang],
    ...(exercise.hint ? { hint: exercise.hint[lang] } : {}),
    kind: answer.type,
    options: answer.type === 'choice' ? answer.options.map((o) => ({ id: o.id, text: o.text[lang] })) : [],
    ...(latest
      ? {
          latest: {
            value: latest.value,
            valueText: answerText(exercise, latest.value, lang),
            correct: latest.correct,
            attempts: latest.attempts,
            answeredAt: latest.answeredAt,
          },
        }
      : {}),
  };
}

/** A refused answer's reason, when the refusal was about the answer itself. */
function problemOf(e: unknown, exerciseId: string, given: unknown): ExerciseProblem | undefined {
  if (!(e instanceof KantaSimError) || e.code !== 'BAD_REQUEST') {
    return undefined;
  }
  const empty = typeof given !== 'string' || given.trim() === '';
  return { exerciseId, reason: empty ? 'empty' : 'not-an-option' };
}

/** The exercise routes of the archivist router. */
export function exerciseRoutes(ctx: ArchivistRouteContext, deps: ExerciseParts): Router {
  const router = express.Router();
  const sendExercises = async (
    req: Request,
    res: Response,
    session: Session,
    problem?: ExerciseProblem,
  ): Promise<void> => {
    const page = ctx.pageContextOf(req, session);
    const mine = await deps.service.forArchivist(session.archivist.id);
    const exercises = mine.map((m) => exerciseView(m.exercise, page.lang, m.latest));
    sendPage(res, h(ExercisesPage, { ctx: page, exercises, problem }), problem ? 400 : 200);
  };
  router.get(
    '/exercises',
    ctx.signedIn((req, res, session) => sendExercises(req, res, session)),
  );
  router.post(
    '/exercises/:id/answer',
    ctx.form,
    ctx.signedIn(async (req, res, session) => {
      const id = String(req.params.id);
      const given = (req.body as Record<string, unknown>).answer;
      try {
        await deps.service.answer(session, id, given);
      } catch (e) {
        const problem = problemOf(e, id, given);
        if (!problem) {
          throw e;
        }
        await sendExercises(req, res, session, problem);
        return;
      }
      res.redirect(303, `/archivist/exercises#${encodeURIComponent(id)}`);
    }),
  );
  router.get(
    '/exercises/answers',
    ctx.signedIn(async (req, res, session) => {
      if (!(await deps.isTrainer(session.archivist.id))) {
        throw new KantaSimError('FORBIDDEN', 'only a trainer sees the answers of the class');
      }
      const page = ctx.pageContextOf(req, session);
      const among = await deps.classOf?.(session.archivist.id);
      const overview = await deps.service.overview(among);
      const exercises = overview.map(({ exercise, answers }) => ({
        id: exercise.id,
        title: exercise.title[page.lang],
        answers: answers.map((a) => ({
          trainee: a.archivistName,
          valueText: answerText(exercise, a.value, page.lang),
          correct: a.correct,
          attempts: a.attempts,
          answeredAt: a.answeredAt,
        })),
      }));
      sendPage(res, h(ExerciseAnswersPage, { ctx: page, exercises }));
    }),
  );
  return router;
}
