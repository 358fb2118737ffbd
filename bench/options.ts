/** Bench options: BENCH_SCALE (or --scale) scales every count; --skip-cold-start, --skip-xmlsec. */
export interface BenchOptions {
  readonly scale: number;
  readonly skipColdStart: boolean;
  readonly skipXmlsec: boolean;
  /** `full` scaled, never below `min`. */
  count(full: number, min: number): number;
}

export function parseBenchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flag = argv.indexOf('--scale');
  const raw = flag >= 0 ? argv[flag + 1] : env.BENCH_SCALE;
  const scale = raw === undefined ? 1 : Number(raw);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10) {
    throw new Error(`bench: scale must be a number in (0, 10], got "${raw ?? ''}"`);
  }
  return {
    scale,
    skipColdStart: argv.includes('--skip-cold-start'),
    skipXmlsec: argv.includes('--skip-xmlsec'),
    count: (full, min) => Math.max(min, Math.round(full * scale)),
  };
}
