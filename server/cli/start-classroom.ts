/**
 * `kanta-sim start --classroom N [--scenario NAME] [--lang fi|sv|en]`: the trainer's one command. The flags
 * are checked before anything starts (a usage error, like the other start flags); once kanta-sim listens,
 * the class is made through the classroom service, the same code path as POST /__sim/classroom and
 * `kanta-sim classroom`, so it is idempotent in the same way: an identical class is kept, a larger N
 * extends it.
 *
 * A request that conflicts with the class in the data directory (fewer trainees, another scenario or
 * language) stops kanta-sim and exits 1 rather than starting with a class other than the one asked for:
 * a trainer who starts the class of the day must not find out in front of the class that the accounts
 * printed are yesterday's, and a reset is a decision the trainer takes explicitly (`classroom --reset`).
 */
import { LANGS, type CreateClassInput } from '../classroom/classroom-input.js';
import type { CreateAnswer } from '../classroom/classroom-service.js';
import { MAX_TRAINEES } from '../classroom/sandbox-names.js';
import type { ClassroomLang } from '../store/classroom-store.js';
import type { RunningKantaSim } from '../compose/kanta-sim.js';
import { KantaSimError } from '../errors.js';
import { printClassMade } from './classroom-summary.js';

export const START_CLASSROOM_FLAGS = {
  classroom: { type: 'string' },
  scenario: { type: 'string' },
  lang: { type: 'string' },
} as const;

interface ClassroomFlags {
  readonly classroom?: string | undefined;
  readonly scenario?: string | undefined;
  readonly lang?: string | undefined;
}

/** The class asked for on the start command line, undefined for none; a usage error names the flag. */
export function classroomRequest(
  values: ClassroomFlags,
): CreateClassInput | { readonly usage: string } | undefined {
  const { classroom, scenario, lang } = values;
  if (classroom === undefined) {
    const stray = scenario !== undefined ? '--scenario' : lang !== undefined ? '--lang' : undefined;
    return stray === undefined ? undefined : { usage: `${stray} makes sense only with --classroom N` };
  }
  const trainees = /^\d+$/.test(classroom) ? Number(classroom) : Number.NaN;
  if (!(trainees >= 1 && trainees <= MAX_TRAINEES)) {
    return {
      usage: `--classroom: expected a number of trainees from 1 to ${MAX_TRAINEES}, got "${classroom}"`,
    };
  }
  if (lang !== undefined && !LANGS.includes(lang as ClassroomLang)) {
    return { usage: `--lang: expected ${LANGS.join(' | ')}, got "${lang}"` };
  }
  if (scenario !== undefined && scenario.trim() === '') {
    return { usage: '--scenario: expected a scenario name' };
  }
  return {
    trainees,
    ...(scenario === undefined ? {} : { scenario }),
    ...(lang === undefined ? {} : { lang: lang as ClassroomLang }),
  };
}

/**
 * Makes (or keeps, or extends) the class on the started kanta-sim and answers the banner's lines about it.
 * A conflict with the class that exists is answered with what to do instead, since the classroom command's
 * own hint ("reset it") needs a running kanta-sim.
 */
export async function makeStartClass(
  sim: RunningKantaSim,
  input: CreateClassInput,
  quiet: boolean,
): Promise<readonly string[]> {
  if (!quiet) {
    console.log(`kanta-sim: making the class of ${input.trainees} trainees ...`);
  }
  const asked = Date.now();
  let answer: CreateAnswer;
  try {
    answer = await sim.classroom.service.create({ ...input, ifExists: 'keep' });
  } catch (e) {
    if (e instanceof KantaSimError && e.code === 'CONFLICT') {
      throw new KantaSimError(
        'CONFLICT',
        `${e.message}. kanta-sim did not start and the class is unchanged. For another scenario, start ` +
          'without --classroom and run kanta-sim classroom --trainees N --scenario NAME --reset; for fewer ' +
          'trainees or another language, use another --data-dir',
        { cause: e },
      );
    }
    throw e;
  }
  const lines: string[] = [];
  printClassMade(
    { out: (l) => lines.push(l), err: (l) => lines.push(l) },
    sim.webUrl,
    answer,
    Date.now() - asked,
  );
  return lines;
}
