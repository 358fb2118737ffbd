/**
 * The trainer console's forms read and checked against what the console offered: a value that is not one of
 * the form's choices (or a trainee count out of range) comes back as the field and its reason, so that the
 * page shows the form again with the message under that field, and nothing is done.
 */
import type { RefusedConsoleForm } from '../../../archivist-ui/views/classroom-forms.js';
import {
  CLASSROOM_LANGS,
  TRAINEES_MAX,
  TRAINEES_MIN,
  type ClassroomLang,
  type ConsoleChoices,
  type ConsoleFieldError,
  type TraineeLine,
} from '../../classroom/view-models.js';
import type { ConsoleTarget, MakeClassCommand } from './classroom-console.js';

type Read<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly refused: RefusedConsoleForm };

/** A form field as a trimmed string; anything else (absent, repeated) as undefined. */
function field(body: Record<string, unknown>, name: string): string | undefined {
  const v = body[name];
  return typeof v === 'string' ? v.trim() : undefined;
}

function valuesOf(
  body: Record<string, unknown>,
  names: readonly string[],
): Record<string, string | undefined> {
  return Object.fromEntries(names.map((n) => [n, field(body, n)]));
}

const oneOf = (value: string | undefined, allowed: readonly string[]): value is string =>
  value !== undefined && allowed.includes(value);

/** "Make the class": a whole number of trainees in range, a known scenario and language, keep or reset. */
export function readMakeClass(
  body: Record<string, unknown>,
  choices: ConsoleChoices,
): Read<MakeClassCommand> {
  const values = valuesOf(body, ['trainees', 'scenario', 'lang', 'mode']);
  const refuse = (error: ConsoleFieldError): Read<MakeClassCommand> => ({
    ok: false,
    refused: { form: 'make', error, values },
  });
  const raw = values.trainees ?? '';
  if (!/^\d{1,4}$/.test(raw)) {
    return refuse({ field: 'trainees', reason: 'not-a-number' });
  }
  const trainees = Number(raw);
  if (trainees < TRAINEES_MIN || trainees > TRAINEES_MAX) {
    return refuse({ field: 'trainees', reason: 'out-of-range' });
  }
  if (
    !oneOf(
      values.scenario,
      choices.scenarios.map((s) => s.value),
    )
  ) {
    return refuse({ field: 'scenario', reason: 'unknown' });
  }
  if (!oneOf(values.lang, CLASSROOM_LANGS)) {
    return refuse({ field: 'lang', reason: 'unknown' });
  }
  return {
    ok: true,
    value: {
      trainees,
      scenario: values.scenario,
      lang: values.lang as ClassroomLang,
      ifExists: values.mode === 'reset' ? 'reset' : 'keep',
    },
  };
}

/** A sandbox target: "all" or the id of one of the class's sandboxes. */
export function readTarget(
  value: string | undefined,
  trainees: readonly TraineeLine[],
): ConsoleTarget | undefined {
  return value === 'all' || trainees.some((t) => t.sandboxId === value) ? value : undefined;
}

/** "Archive now": a document type and a client the console offered, into a sandbox of the class. */
export function readArchiveNow(
  body: Record<string, unknown>,
  choices: ConsoleChoices,
  trainees: readonly TraineeLine[],
): Read<{ documentType: string; client: string; target: ConsoleTarget }> {
  const values = valuesOf(body, ['documentType', 'client', 'target']);
  const refuse = (error: ConsoleFieldError) => ({
    ok: false as const,
    refused: { form: 'archive' as const, error, values },
  });
  if (
    !oneOf(
      values.documentType,
      choices.documentTypes.map((d) => d.value),
    )
  ) {
    return refuse({ field: 'documentType', reason: 'unknown' });
  }
  if (
    !oneOf(
      values.client,
      choices.clients.map((c) => c.value),
    )
  ) {
    return refuse({ field: 'client', reason: 'unknown' });
  }
  const target = readTarget(values.target, trainees);
  if (target === undefined) {
    return refuse({ field: 'target', reason: 'unknown' });
  }
  return { ok: true, value: { documentType: values.documentType, client: values.client, target } };
}

/** "Make the next document fail": a rule of the classroom's list, for a sandbox of the class. */
export function readFailNext(
  body: Record<string, unknown>,
  choices: ConsoleChoices,
  trainees: readonly TraineeLine[],
): Read<{ rule: string; target: ConsoleTarget }> {
  const values = valuesOf(body, ['rule', 'target']);
  const refuse = (error: ConsoleFieldError) => ({
    ok: false as const,
    refused: { form: 'fail' as const, error, values },
  });
  if (
    !oneOf(
      values.rule,
      choices.failRules.map((r) => r.value),
    )
  ) {
    return refuse({ field: 'rule', reason: 'unknown' });
  }
  const target = readTarget(values.target, trainees);
  if (target === undefined) {
    return refuse({ field: 'target', reason: 'unknown' });
  }
  return { ok: true, value: { rule: values.rule, target } };
}
