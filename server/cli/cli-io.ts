/**
 * How the command-line tools talk to a person: where they write (tests pass their own), and the one way
 * an error becomes a message and an exit code.
 */
import { isKantaSimError, KantaSimError } from '../errors.js';

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** The terminal. */
export const PROCESS_IO: CliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/** A usage error: the message and the usage text on stderr, exit code 2. */
export function usageError(io: CliIo, usage: string, message: string): number {
  io.err(`kanta-sim: ${message}`);
  io.err(usage);
  return 2;
}

/**
 * Prints an error for a person: the message only, never a stack. Argument errors from parseArgs get the usage
 * text and exit code 2; refusals (KantaSimError) exit 1.
 */
export function reportCliError(e: unknown, io: CliIo, usage: string): number {
  if (isUsageError(e)) {
    io.err(`kanta-sim: ${(e as Error).message}`);
    io.err(usage);
    return 2;
  }
  if (isKantaSimError(e)) {
    io.err(`kanta-sim: ${e.message} [${e.code}]`);
    return 1;
  }
  io.err(`kanta-sim: ${e instanceof Error ? e.message : String(e)}`);
  return 1;
}

/**
 * Whether `e` says the command line itself is wrong: parseArgs refused it (an unknown flag, a missing
 * value), a flag's value is not what it must be (config.ts names the flag in `details.flag`), or a flag the
 * command needs is missing (missingFlag). These exit 2; refusals of what the command asked exit 1.
 */
export function isUsageError(e: unknown): boolean {
  if (isArgumentError(e) || isArgumentError((e as { cause?: unknown } | null)?.cause)) {
    return true;
  }
  const details = isKantaSimError(e)
    ? (e.details as { flag?: unknown; usage?: unknown } | undefined)
    : undefined;
  return details?.flag !== undefined || details?.usage === true;
}

/** The error for a command run without a flag it needs: a usage error (exit 2). */
export function missingFlag(message: string): KantaSimError {
  return new KantaSimError('BAD_REQUEST', message, { details: { usage: true } });
}

/** Whether node:util parseArgs refused the arguments (an unknown flag, a missing value). */
function isArgumentError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
