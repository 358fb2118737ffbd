/**
 * Where a rehearsal stands, derived from the rehearsal and its evaluation. A verdict is given only when it
 * means something: every expected document arrived and was compared, or the archivist finished the
 * rehearsal (then the verdict kept at finishing). Until then a missing document is awaited, not a failure.
 */
import type { Rehearsal } from '../store/rehearsal-store.js';
import type { Evaluation } from './evaluation.js';
import type { RehearsalProgress } from './view-models.js';

/** The state of a rehearsal (undefined: the case was never rehearsed) and the counts behind it. */
export function rehearsalProgress(
  rehearsal: Rehearsal | undefined,
  evaluation: Pick<Evaluation, 'result' | 'checklist' | 'unexpected'> | undefined,
): RehearsalProgress {
  const checklist = evaluation?.checklist ?? [];
  const counts = {
    expected: checklist.length,
    archived: checklist.filter((i) => i.checks.archived).length,
    compared: checklist.filter((i) => i.checks.archived && i.checks.matchesClientSystem !== null).length,
  };
  if (rehearsal === undefined || evaluation === undefined) {
    return { state: 'not-started', ...counts };
  }
  const closed = {
    ...(rehearsal.finishedAt === undefined ? {} : { closedAt: rehearsal.finishedAt }),
    ...(rehearsal.finishedBy === undefined ? {} : { closedBy: rehearsal.finishedBy }),
  };
  if (rehearsal.status === 'cancelled') {
    return { state: 'cancelled', ...counts, ...closed };
  }
  if (rehearsal.status === 'finished') {
    const outcome = rehearsal.finalResult ?? finalResult(evaluation);
    return { state: 'finished', outcome, ...counts, ...closed };
  }
  if (counts.archived === 0 && evaluation.unexpected.length === 0) {
    return { state: 'waiting', ...counts };
  }
  const allArrived = counts.archived === counts.expected;
  const allCompared = !rehearsal.requireClientSystemCheck || counts.compared === counts.archived;
  if (allArrived && allCompared && evaluation.result !== 'pending') {
    return { state: evaluation.result, outcome: evaluation.result, ...counts };
  }
  return { state: 'in-progress', ...counts };
}

/** The verdict kept when a rehearsal is finished: anything short of a pass (a document missing or not compared) fails. */
export function finalResult(evaluation: Pick<Evaluation, 'result'>): 'passed' | 'failed' {
  return evaluation.result === 'passed' ? 'passed' : 'failed';
}
