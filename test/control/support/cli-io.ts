/** Test support for the CLI tests: captured output in place of the terminal. */
import type { CliIo } from '../../../server/cli/cli-io.js';

export function captureIo(): CliIo & {
  readonly stdout: string[];
  readonly stderr: string[];
  text(): string;
} {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (line) => stdout.push(line),
    err: (line) => stderr.push(line),
    text: () => [...stdout, ...stderr].join('\n'),
  };
}
