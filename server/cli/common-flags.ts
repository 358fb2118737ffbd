/**
 * The flags every subcommand understands (data directory, config file, listeners, trust, --help), parsed
 * into configuration. Every subcommand parses through `parseFlags`, so each takes the common flags in any
 * position: a command copied from the start banner or the docs never fails on a flag another one takes.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type KantaSimConfig } from '../config.js';
import { KantaSimError } from '../errors.js';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Flags shared by `start` and the tools; each subcommand adds its own. */
export const COMMON_FLAGS = {
  host: { type: 'string' },
  port: { type: 'string' },
  'web-port': { type: 'string' },
  'data-dir': { type: 'string' },
  memory: { type: 'boolean' },
  config: { type: 'string' },
  'trust-mode': { type: 'string' },
  'trust-anchor': { type: 'string', multiple: true },
  'reader-threads': { type: 'string' },
  'pki-valid-from': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  // The web listener's exposure (issue 13): its address, the host names it answers, its control token.
  'web-host': { type: 'string' },
  'allowed-host': { type: 'string', multiple: true },
  'control-token': { type: 'string' },
} as const;

type WithCommon<T extends ParseArgsOptionsConfig> = Omit<typeof COMMON_FLAGS, keyof T> & T;

/** Reads the common flags out of `args` (ignoring the subcommand's own) and merges them with env. */
export function configFromArgs(args: string[], env: NodeJS.ProcessEnv): KantaSimConfig {
  const { values } = parseArgs({ args, options: COMMON_FLAGS, strict: false, allowPositionals: true });
  return loadConfig({ flags: values, env });
}

/**
 * parseArgs over the subcommand's own options plus the common flags, with errors turned into a usage error
 * that names the flag.
 */
export function parseFlags<T extends ParseArgsOptionsConfig>(
  args: string[],
  options: T,
): {
  values: ReturnType<
    typeof parseArgs<{ args: string[]; options: WithCommon<T>; allowPositionals: true }>
  >['values'];
  positionals: string[];
} {
  const all = { ...COMMON_FLAGS, ...options } as WithCommon<T>;
  try {
    return parseArgs({ args, options: all, allowPositionals: true });
  } catch (cause) {
    throw new KantaSimError('BAD_REQUEST', (cause as Error).message, { cause });
  }
}
