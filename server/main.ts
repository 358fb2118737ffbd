#!/usr/bin/env node
/**
 * The kanta-sim command: the process boundary. Parses argv and the environment into configuration and
 * hands over to one subcommand; nothing else in the code base reads process.env or process.argv.
 */
import { isKantaSimError } from './errors.js';
import { runStartCommand } from './cli/start.js';
import { runOrgCommand } from './cli/org.js';
import { runProCommand } from './cli/pro.js';
import { runFixturesCommand } from './cli/fixtures.js';
import { runArchivistCommand } from './cli/archivist.js';
import { configFromArgs } from './cli/common-flags.js';
import { runRehearsalCommand } from './cli/rehearsal.js';
import { runClassroomCommand } from './cli/classroom.js';
import { runOnboardingCommand } from './cli/onboarding.js';
import { runSignCommand } from './cli/sign.js';
import { runSendCommand } from './cli/send.js';
import { runValidateCommand } from './cli/validate.js';
import { runJournalCommand } from './cli/journal.js';
import { runRunCommand } from './cli/run.js';
import { isUsageError } from './cli/cli-io.js';

const USAGE = `kanta-sim: a simulated Kanta Social Welfare Client Data Archive, for integration tests

Usage:
  kanta-sim start [--host H] [--port P] [--web-host H] [--web-port P] [--data-dir D] [--memory] [--config FILE]
                  [--seed FILE] [--trust-mode strict|lenient] [--trust-anchor CA.pem ...] [--reader-threads N]
                  [--allowed-host NAME ...] [--control-token T]
                  [--classroom N [--scenario NAME] [--lang fi|sv|en]]      ... and make a class for a training
  kanta-sim run [start flags] -- CMD [ARGS...]                     start, run CMD against it, stop, exit with CMD's code
  kanta-sim org add --oid OID --name NAME [--unit OID=NAME ...]     register an organisation
  kanta-sim org list
  kanta-sim pro add --regno N --name "Given Family" [--title T]    register a professional
  kanta-sim pro list
  kanta-sim archivist add --org OID --name NAME [--username U] [--password P] [--register OID ...]
  kanta-sim archivist list [--org OID]                              archivists of the archivist interface
  kanta-sim fixtures [--out DIR] [--pki DIR] [--org OID] [--pro REGNO] [--date ISO]
                                                                    signed valid_*/invalid_<rule> messages + manifest
  kanta-sim onboarding set|show|assign|identities --org OID ...     onboarding record and test identities
  kanta-sim rehearsal cases|start|show|verify|report|generate ...   rehearse the deployment test (käyttöönottokoe)
  kanta-sim classroom --trainees N [--scenario NAME] [--lang fi|sv|en] [--reset]
  kanta-sim classroom show|reset [TRAINEE]                          a class of trainee sandboxes on a running sim
  kanta-sim sign --org OID --in CDA.xml --out SIGNED.xml            add the organisation's system signature
  kanta-sim send --url URL --org OID --in FILE [--sign]             reference client (exit 0 AA, 1 AE, 2 AR, 3 transport)
  kanta-sim validate FILE [--cda CDA.xml]                           the archive's rules offline (exit 0 valid, 1 invalid)
  kanta-sim journal export --junit FILE [--web-url URL]             the journal of a running sim as JUnit XML

Every command takes --data-dir D and --config FILE anywhere, and --help for its usage and exit codes.
Environment: KANTA_SIM_HOST, KANTA_SIM_PORT, KANTA_SIM_WEB_HOST, KANTA_SIM_WEB_PORT, KANTA_SIM_DATA_DIR,
KANTA_SIM_CONFIG, KANTA_SIM_ALLOWED_HOSTS (comma-separated), KANTA_SIM_CONTROL_TOKEN.
`;

/**
 * The data directory from the flags and environment, read only when the command needs it: `--help` answers
 * even where the configuration is broken, and a broken one is reported as the command's refusal.
 */
function lazyConfig(args: string[]): { readonly dataDir: string; readonly pkiValidFrom: Date } {
  return {
    get dataDir(): string {
      return configFromArgs(args, process.env).dataDir;
    },
    get pkiValidFrom(): Date {
      return configFromArgs(args, process.env).pkiValidFrom;
    },
  };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return runStartCommand(rest, process.env);
    case 'org':
      return runOrgCommand(rest, lazyConfig(rest));
    case 'pro':
      return runProCommand(rest, lazyConfig(rest));
    case 'archivist':
      return runArchivistCommand(rest, lazyConfig(rest));
    case 'rehearsal':
      return runRehearsalCommand(rest, process.env);
    case 'classroom':
      return runClassroomCommand(rest, process.env);
    case 'onboarding':
      return runOnboardingCommand(rest, process.env);
    case 'fixtures':
      return runFixturesCommand(rest, process.env);
    case 'sign':
      return runSignCommand(rest, process.env);
    case 'send':
      return runSendCommand(rest, process.env);
    case 'validate':
      return runValidateCommand(rest, process.env);
    case 'journal':
      return runJournalCommand(rest, process.env);
    case 'run':
      return runRunCommand(rest, process.env);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`kanta-sim: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

// A reader that stops early (`kanta-sim classroom show | head -3`) closes the pipe: that ends the output as
// the reader asked, the way Unix tools end, and is not a crash.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') {
    throw e;
  }
  process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) {
      process.exitCode = code;
    }
  },
  (err: unknown) => {
    // Known errors are the user's to fix: say what and stop. Anything else is a bug: show the stack.
    if (isUsageError(err)) {
      // The command line itself is wrong: exit 2, as every command's usage text says.
      const command = process.argv[2] ?? '';
      process.stderr.write(
        `kanta-sim: ${(err as Error).message}\n(kanta-sim ${command} --help shows the usage)\n`,
      );
      process.exitCode = 2;
      return;
    }
    if (isKantaSimError(err)) {
      process.stderr.write(`kanta-sim: ${err.code}: ${err.message}\n`);
    } else {
      process.stderr.write(
        `kanta-sim: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
    }
    process.exitCode = 1;
  },
);
