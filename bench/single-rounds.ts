/**
 * The single-signature level at concurrency 8, the one issue 17's ratio to xmlsec1 is judged on, measured
 * in rounds: each round archives its own fresh documents between two xmlsec1 runs over the same round's
 * CDAs, and its ratio is its rate over the faster of those two references (fasterReference). The round
 * with the median ratio is the level's figure (rate, latencies, CPU, reference); every round is recorded.
 *
 * Why rounds: this machine's speed moves by a quarter within minutes, and not equally for both sides. On
 * 2026-12-07 the same code read 0.40 at 01:45 and 0.51 at 02:23, and one run of one level decided which.
 * A reference taken seconds before and after the very load it is compared with, three times over, lets
 * one slow or fast phase move one round, not the verdict. The median of three is neither the best nor
 * the worst round, and each round's reference is the faster of two, as before.
 */
import type { BuiltMessage } from './build-documents.js';
import type { LoadResult } from './load.js';
import { fasterReference, ratioTo, type XmlsecResult } from './reference-limit.js';

/** Rounds of the single-signature level: an odd number, so that the median is one real round. */
export const SINGLE_ROUNDS = 3;

/** One round as the results record it. */
export interface SingleRound {
  readonly documentsPerSecond: number;
  readonly p99Ms: number;
  /** The faster of the xmlsec1 runs just before and just after the round (both in `rounds`). */
  readonly xmlsec1?: XmlsecResult;
  readonly ratio?: number;
}

export interface SingleLevel {
  /** The median round's load run. */
  readonly level: LoadResult;
  /** The median round's reference and ratio. */
  readonly xmlsec1?: XmlsecResult;
  readonly ratio?: number;
  readonly rounds: readonly SingleRound[];
  /** Every round's load run, in order. */
  readonly loads: readonly LoadResult[];
}

/** What a round needs of the bench: one load run, and one xmlsec1 run labelled for the log. */
export interface RoundRunner {
  load(messages: string[]): Promise<LoadResult>;
  reference(cdas: readonly string[], label: string): XmlsecResult | undefined;
  log(line: string): void;
}

/** Runs one round per batch of fresh single-signature messages and picks the median round. */
export async function measureSingleRounds(
  batches: readonly (readonly BuiltMessage[])[],
  run: RoundRunner,
): Promise<SingleLevel> {
  const measured: { load: LoadResult; round: SingleRound }[] = [];
  for (const [i, batch] of batches.entries()) {
    const cdas = batch.map((m) => m.cdaXml);
    const name = `single-signature round ${i + 1}`;
    const before = run.reference(cdas, `${name}, before the load`);
    const load = await run.load(batch.map((m) => m.messageXml));
    const after = run.reference(cdas, `${name}, after the load`);
    const xmlsec1 = fasterReference(before, after);
    const ratio = ratioTo(load, xmlsec1);
    run.log(
      `${name}, concurrency 8: ${load.documentsPerSecond} documents/s, p99 ${load.latencyMs.p99} ms, ${JSON.stringify(load.answers)}, cpu ${JSON.stringify(load.cpu)}, ratio ${ratio ?? '-'}`,
    );
    if (load.firstRefusal) {
      run.log(`first refusal: ${load.firstRefusal.replace(/\s+/g, ' ').slice(0, 1500)}`);
    }
    measured.push({
      load: { ...load, acknowledged: [] },
      round: {
        documentsPerSecond: load.documentsPerSecond,
        p99Ms: load.latencyMs.p99,
        ...(xmlsec1 ? { xmlsec1 } : {}),
        ...(ratio === undefined ? {} : { ratio }),
      },
    });
  }
  const median = medianBy(measured, (m) => m.round.ratio ?? m.round.documentsPerSecond);
  if (!median) {
    throw new Error('bench: the single-signature level needs at least one round');
  }
  return {
    level: median.load,
    ...(median.round.xmlsec1 ? { xmlsec1: median.round.xmlsec1 } : {}),
    ...(median.round.ratio === undefined ? {} : { ratio: median.round.ratio }),
    rounds: measured.map((m) => m.round),
    loads: measured.map((m) => m.load),
  };
}

/** The middle item by `key` (the lower middle of an even count). */
export function medianBy<T>(items: readonly T[], key: (item: T) => number): T | undefined {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
