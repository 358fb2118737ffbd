/**
 * The flags every subcommand understands (data directory, config file), parsed into configuration.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
import { loadConfig, type KantaSimConfig } from '../config.js';
import { KantaSimError } from '../errors.js';

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
} as const;

/** Reads the common flags out of `args` (ignoring the subcommand's own) and merges them with env. */
export function configFromArgs(args: string[], env: NodeJS.ProcessEnv): KantaSimConfig {
  const { values } = parseArgs({ args, options: COMMON_FLAGS, strict: false, allowPositionals: true });
  return loadConfig({ flags: values, env });
}

/** parseArgs with errors turned into a usage error that names the flag. */
export function parseFlags<T extends ParseArgsOptionsConfig>(
  args: string[],
  options: T,
): {
  values: ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true }>>['values'];
  positionals: string[];
} {
  try {
    return parseArgs({ args, options, allowPositionals: true });
  } catch (cause) {
    throw new KantaSimError('BAD_REQUEST', (cause as Error).message, { cause });
  }
}
