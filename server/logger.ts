/**
 * A minimal structured logger. Library code logs through this so that tests and programmatic users can
 * silence it; only the CLI writes to the terminal directly.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, err?: unknown): void;
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Writes one line per event to stderr, errors with their stack (never sent to a client). */
export function stderrLogger(): Logger {
  const write = (level: string, message: string, extra?: string): void => {
    process.stderr.write(`${new Date().toISOString()} ${level} ${message}${extra ? ` ${extra}` : ''}\n`);
  };
  return {
    info: (m, f) => write('info', m, f ? JSON.stringify(f) : undefined),
    warn: (m, f) => write('warn', m, f ? JSON.stringify(f) : undefined),
    error: (m, err) =>
      write('error', m, err instanceof Error ? (err.stack ?? err.message) : err ? String(err) : undefined),
  };
}
