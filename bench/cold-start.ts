/** Cold start to ready: the CLI (cli-server.ts) timed from spawn until /__sim/health answers 200. */
import { cliMode, startCli, type CliMode } from './cli-server.js';

export interface ColdStartResult {
  readonly mode: CliMode;
  /** First run on an empty data directory: generates the test PKI and the demo organisation. */
  readonly firstRunMs: number;
  /** Later runs on the same data directory (each a fresh process). */
  readonly existingDataDirMs: readonly number[];
  readonly existingDataDirMedianMs: number;
}

/** Times a first start on `dataDir` and `repeats` restarts on it. */
export async function measureColdStart(root: string, dataDir: string, repeats = 3): Promise<ColdStartResult> {
  const mode = cliMode(root);
  const first = await startCli(root, mode, dataDir);
  await first.stop();
  const again: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const s = await startCli(root, mode, dataDir);
    again.push(s.readyMs);
    await s.stop();
  }
  const sorted = [...again].sort((a, b) => a - b);
  return {
    mode,
    firstRunMs: first.readyMs,
    existingDataDirMs: again,
    existingDataDirMedianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
  };
}
