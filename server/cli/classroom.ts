/**
 * `kanta-sim classroom ...`: makes, shows and resets a class on a running kanta-sim (its web listener, as
 * `rehearsal` does), so the trainer's console and the command line act on the same class. Prints every
 * account with its password and the address trainees sign in at.
 * Exit codes: 0 done, 1 refused (the reason on stderr), 2 usage error.
 */
import type { ClassOverview, CreateAnswer } from '../classroom/classroom-service.js';
import { KantaSimError } from '../errors.js';
import { PROCESS_IO, reportCliError, usageError, type CliIo } from './cli-io.js';
import { printAccounts, printClassMade } from './classroom-summary.js';
import { configFromArgs, parseFlags } from './common-flags.js';
import { defaultWebUrl, webJson, type WebTarget } from './web-json.js';

export const CLASSROOM_USAGE = `usage: kanta-sim classroom --trainees N [--scenario NAME] [--lang fi|sv|en] [--reset] [--web-url URL]
       kanta-sim classroom show                 every account with its password, and the sign-in address
       kanta-sim classroom reset [TRAINEE]      one sandbox (trainee03 or 3), or the whole class
  Makes N trainee sandboxes (1..60) on the running kanta-sim; again with the same N and scenario it
  changes nothing, with a larger N it adds trainees, with --reset it brings every sandbox back.
  --web-url URL   the running kanta-sim's web listener (default http://HOST:WEB_PORT of the configuration)
  exit 0 done, 1 refused (the reason on stderr), 2 usage error`;

const FLAGS = {
  'web-url': { type: 'string' },
  trainees: { type: 'string' },
  scenario: { type: 'string' },
  lang: { type: 'string' },
  reset: { type: 'boolean' },
} as const;

export async function runClassroomCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo = PROCESS_IO,
): Promise<number> {
  try {
    const { values, positionals } = parseFlags(args, FLAGS);
    if (values.help === true) {
      io.out(CLASSROOM_USAGE);
      return 0;
    }
    const [action, trainee, ...extra] = positionals[0] === 'classroom' ? positionals.slice(1) : positionals;
    const config = configFromArgs(args, env);
    const web: WebTarget = { url: values['web-url'] ?? defaultWebUrl(config), token: config.controlToken };
    if (extra.length > 0 || (action !== undefined && action !== 'reset' && action !== 'show')) {
      return usageError(io, CLASSROOM_USAGE, `unknown or extra argument "${extra[0] ?? action ?? ''}"`);
    }
    if (action === 'show') {
      printOverview(io, web.url, await webJson<ClassOverview>(web, 'GET', '/__sim/classroom'));
      return 0;
    }
    if (action === 'reset') {
      const body = trainee === undefined ? {} : { trainee };
      const answer = await webJson<{ reset: string[] }>(web, 'POST', '/__sim/classroom/reset', body);
      io.out(`Reset to the scenario (documents, usage log, sessions): ${answer.reset.join(', ')}`);
      return 0;
    }
    if (values.trainees === undefined || !/^\d+$/.test(values.trainees)) {
      return usageError(io, CLASSROOM_USAGE, '--trainees N (a whole number) is needed');
    }
    const started = Date.now();
    const answer = await webJson<CreateAnswer>(web, 'POST', '/__sim/classroom', {
      trainees: Number(values.trainees),
      ...(values.scenario === undefined ? {} : { scenario: values.scenario }),
      ...(values.lang === undefined ? {} : { lang: values.lang }),
      ifExists: values.reset === true ? 'reset' : 'keep',
    });
    printClassMade(io, web.url, answer, Date.now() - started);
    return 0;
  } catch (e) {
    if (e instanceof KantaSimError && e.code === 'SERVICE_UNAVAILABLE') {
      io.err('kanta-sim: start kanta-sim first (kanta-sim start --data-dir DIR), then make the class');
    }
    return reportCliError(e, io, CLASSROOM_USAGE);
  }
}

function printOverview(io: CliIo, webUrl: string, overview: ClassOverview): void {
  const { classroom, trainer } = overview;
  if (!classroom || !trainer) {
    io.out('No class yet: kanta-sim classroom --trainees N');
    return;
  }
  io.out(
    `Class of ${classroom.trainees} trainees, scenario "${classroom.scenario}", ${classroom.lang}, made ${classroom.createdAt}${classroom.resetAt ? `, reset ${classroom.resetAt}` : ''}`,
  );
  printAccounts(io, webUrl, trainer, overview.trainees);
  for (const t of overview.trainees) {
    const last = t.activity.last[0];
    io.out(
      `  ${t.username}  ${t.signedIn ? 'signed in ' : 'signed out'}  ${t.activity.count} log entries${last ? `, last ${last.action} at ${last.at}` : ''}`,
    );
  }
}
