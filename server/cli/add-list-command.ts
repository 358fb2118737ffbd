/**
 * The shape `org` and `pro` share: `<noun> add --flags ...`, `<noun> list`, `--help`. Exit codes: 0 done,
 * 1 refused (the message on stderr), 2 usage error. A leading noun is tolerated (`org org add ...`).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { reportCliError, usageError, type CliIo } from './cli-io.js';
import { parseFlags } from './common-flags.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<T extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: true }>
>['values'];

export interface AddListCommand<T extends Options> {
  readonly noun: string;
  readonly usage: string;
  /** The options of `add` (the common flags and --help are added). */
  readonly options: T;
  /** The options `add` cannot do without. */
  readonly required: readonly (keyof T & string)[];
  add(values: Values<T>): Promise<void>;
  list(): void;
}

export async function runAddListCommand<T extends Options>(
  command: AddListCommand<T>,
  args: string[],
  io: CliIo,
): Promise<number> {
  const words = args[0] === command.noun ? args.slice(1) : args;
  const usage = (message: string): number => usageError(io, command.usage, message);
  try {
    const { values, positionals } = parseFlags(words, command.options);
    if ((values as { help?: boolean }).help === true) {
      io.out(command.usage);
      return 0;
    }
    const [action, ...rest] = positionals;
    if (rest.length > 0) {
      return usage(`unexpected argument "${rest[0]}"`);
    }
    if (action === 'list') {
      command.list();
      return 0;
    }
    if (action !== 'add') {
      return usage(action === undefined ? 'missing subcommand' : `unknown subcommand "${action}"`);
    }
    const given = values as Record<string, unknown>;
    if (command.required.some((k) => given[k] === undefined)) {
      return usage(`${command.noun} add needs ${command.required.map((k) => `--${k}`).join(' and ')}`);
    }
    await command.add(values as Values<T>);
    return 0;
  } catch (e) {
    return reportCliError(e, io, command.usage);
  }
}
