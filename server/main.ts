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
import { configFromArgs } from './cli/common-flags.js';

const USAGE = `kanta-sim: a simulated Kanta Social Welfare Client Data Archive, for integration tests

Usage:
  kanta-sim start [--host H] [--port P] [--web-port P] [--data-dir D] [--memory] [--config FILE]
                  [--trust-mode strict|lenient] [--trust-anchor CA.pem ...]
  kanta-sim org add --oid OID --name NAME [--unit OID=NAME ...]     register an organisation
  kanta-sim org list
  kanta-sim pro add --regno N --name "Given Family" [--title T]    register a professional
  kanta-sim pro list
  kanta-sim fixtures [--out DIR]                                    generate signed example documents

Environment: KANTA_SIM_HOST, KANTA_SIM_PORT, KANTA_SIM_WEB_PORT, KANTA_SIM_DATA_DIR, KANTA_SIM_CONFIG.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return runStartCommand(rest, process.env);
    case 'org':
      return runOrgCommand(rest, configFromArgs(rest, process.env));
    case 'pro':
      return runProCommand(rest, configFromArgs(rest, process.env));
    case 'fixtures':
      return runFixturesCommand(rest, process.env);
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

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) {
      process.exitCode = code;
    }
  },
  (err: unknown) => {
    // Known errors are the user's to fix: say what and stop. Anything else is a bug: show the stack.
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
