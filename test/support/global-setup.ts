/**
 * Runs once before the suite: says in one line which suites are skipped because something from outside the
 * repository is missing (see requirements.ts), and how to provide it. With KANTA_SIM_REQUIRE_ALL=1 (.ci/run)
 * a missing one fails the run before any test, so CI never passes with suites quietly skipped.
 */
import { REQUIREMENTS } from './requirements.js';

export default function setup(): void {
  const missing = REQUIREMENTS.filter((r) => !r.available);
  if (missing.length === 0) {
    return;
  }
  const line = `skipped: the suites that need ${missing.map((r) => `${r.name} (to run them, ${r.howTo})`).join('; ')}`;
  if (process.env.KANTA_SIM_REQUIRE_ALL === '1') {
    throw new Error(`KANTA_SIM_REQUIRE_ALL=1 and ${line.replace(/^skipped: /, 'missing: ')}`);
  }
  process.stdout.write(`\n${line}\n\n`);
}
