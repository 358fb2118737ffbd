import { describe, expect, it } from 'vitest';
import type { BuiltMessage } from '../../bench/build-documents.js';
import type { LoadResult } from '../../bench/load.js';
import type { XmlsecResult } from '../../bench/reference-limit.js';
import { measureSingleRounds, medianBy, type RoundRunner } from '../../bench/single-rounds.js';

function batch(round: number): BuiltMessage[] {
  return [0, 1].map((i) => ({
    id: `r${round}d${i}`,
    messageXml: `<m r="${round}"/>`,
    cdaXml: `<c r="${round}"/>`,
  }));
}

function loadAt(documentsPerSecond: number): LoadResult {
  return {
    count: 2,
    concurrency: 8,
    elapsedMs: 2000 / documentsPerSecond,
    documentsPerSecond,
    latencyMs: { p50: 10, p95: 20, p99: documentsPerSecond / 20, max: 40 },
    answers: { AA: 2 },
    firstRefusal: '',
    acknowledged: [0, 1],
  };
}

function reference(documentsPerSecond: number): XmlsecResult {
  return { version: 'xmlsec1 test', documents: 2, verified: 2, elapsedMs: 1, documentsPerSecond };
}

/** A runner whose rates come from tables by round, recording what it was asked in order. */
function scriptedRunner(rates: number[], references: [number, number][]) {
  const calls: string[] = [];
  let loads = 0;
  let refs = 0;
  const runner: RoundRunner = {
    load: (messages) => {
      calls.push(`load ${messages.join('')}`);
      return Promise.resolve(loadAt(rates[loads++] ?? 0));
    },
    reference: (cdas, label) => {
      calls.push(`reference ${cdas.join('')} (${label})`);
      const pair = references[Math.floor(refs / 2)] ?? [0, 0];
      return reference(pair[refs++ % 2] ?? 0);
    },
    log: () => undefined,
  };
  return { runner, calls };
}

describe('measureSingleRounds', () => {
  it('measures each round between two references on its own CDAs', async () => {
    const { runner, calls } = scriptedRunner(
      [500, 600],
      [
        [1000, 1000],
        [1000, 1000],
      ],
    );
    await measureSingleRounds([batch(1), batch(2)], runner);
    expect(calls).toEqual([
      'reference <c r="1"/><c r="1"/> (single-signature round 1, before the load)',
      'load <m r="1"/><m r="1"/>',
      'reference <c r="1"/><c r="1"/> (single-signature round 1, after the load)',
      'reference <c r="2"/><c r="2"/> (single-signature round 2, before the load)',
      'load <m r="2"/><m r="2"/>',
      'reference <c r="2"/><c r="2"/> (single-signature round 2, after the load)',
    ]);
  });

  it('judges each round against its faster reference and keeps the round of the median ratio', async () => {
    // Ratios: 700/1400 = 0.5, 450/1000 = 0.45 (the faster of 900 and 1000), 660/1200 = 0.55.
    const { runner } = scriptedRunner(
      [700, 450, 660],
      [
        [1400, 1300],
        [900, 1000],
        [1200, 1100],
      ],
    );
    const level = await measureSingleRounds([batch(1), batch(2), batch(3)], runner);
    expect(level.rounds.map((r) => r.ratio)).toEqual([0.5, 0.45, 0.55]);
    expect(level.rounds[1]?.xmlsec1?.rounds).toEqual([900, 1000]);
    expect(level.ratio).toBe(0.5);
    expect(level.level.documentsPerSecond).toBe(700);
    expect(level.xmlsec1?.documentsPerSecond).toBe(1400);
    expect(level.loads.map((l) => l.documentsPerSecond)).toEqual([700, 450, 660]);
    expect(level.level.acknowledged).toEqual([]);
  });

  it('picks the median by rate when xmlsec1 is skipped', async () => {
    const runner: RoundRunner = {
      load: (() => {
        const rates = [300, 900, 600];
        return () => Promise.resolve(loadAt(rates.shift() ?? 0));
      })(),
      reference: () => undefined,
      log: () => undefined,
    };
    const level = await measureSingleRounds([batch(1), batch(2), batch(3)], runner);
    expect(level.ratio).toBeUndefined();
    expect(level.xmlsec1).toBeUndefined();
    expect(level.level.documentsPerSecond).toBe(600);
  });

  it('refuses to pick from no rounds', async () => {
    const { runner } = scriptedRunner([], []);
    await expect(measureSingleRounds([], runner)).rejects.toThrow(/at least one round/);
  });
});

describe('medianBy', () => {
  it('takes the middle of an odd count and the lower middle of an even one', () => {
    expect(medianBy([5, 1, 3], (n) => n)).toBe(3);
    expect(medianBy([4, 1, 3, 2], (n) => n)).toBe(2);
    expect(medianBy([], (n: number) => n)).toBeUndefined();
  });
});
