/**
 * `kanta-sim fixtures`: writes signed example messages for a vendor to replay against the sim, named by
 * outcome (valid_*, invalid_<rule>) with a manifest of the expected acknowledgements. By default they are
 * signed with the configured data directory's demo organiser and professional (created if missing), so
 * they match the vendor's running sim; --pki points at another directory of the same layout.
 */
import path from 'node:path';
import { KantaSimError } from '../errors.js';
import { ensureDemoOrganisation } from '../pki/demo.js';
import { loadFixtureParties } from '../samples/fixture-parties.js';
import { buildFixtureSet, writeFixtureSet } from '../samples/fixture-set.js';
import { configFromArgs, COMMON_FLAGS, parseFlags } from './common-flags.js';
import { PROCESS_IO, type CliIo } from './cli-io.js';

const USAGE = `usage: kanta-sim fixtures [--out DIR] [--pki DIR] [--data-dir D] [--org OID] [--pro REGNO] [--date ISO]

  --out DIR      where to write (default <data-dir>/fixtures)
  --pki DIR      a directory with pki/, orgs/ and pros/ to sign with (default: the data directory,
                 whose demo organiser and professional are created if missing)
  --org OID      the organiser that sends and signs (default: the demo or the fixture organiser)
  --pro REGNO    the professional who signs client documents (default: demo or fixture professional)
  --date ISO     time of the first document (default: an hour after the signing certificates' start)
  exit 0 written, 1 refused (the reason on stderr), 2 usage error`;

const FLAGS = {
  ...COMMON_FLAGS,
  out: { type: 'string' },
  pki: { type: 'string' },
  org: { type: 'string' },
  pro: { type: 'string' },
  date: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Runs the command; returns the exit code (0 written, 2 usage error). Other failures throw KantaSimError. */
export async function runFixturesCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo = PROCESS_IO,
): Promise<number> {
  const words = args[0] === 'fixtures' ? args.slice(1) : args;
  let values: ReturnType<typeof parseFlags<typeof FLAGS>>['values'];
  try {
    const parsed = parseFlags(words, FLAGS);
    values = parsed.values;
    if (parsed.positionals.length > 0) {
      throw new KantaSimError('BAD_REQUEST', `unexpected argument "${parsed.positionals[0] ?? ''}"`);
    }
  } catch (e) {
    io.err(`kanta-sim fixtures: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help === true) {
    io.out(USAGE);
    return 0;
  }
  const date = values.date === undefined ? undefined : parseDate(values.date);
  const config = configFromArgs(words, env);
  let keyDir = config.dataDir;
  if (values.pki === undefined) {
    await ensureDemoOrganisation(config.dataDir);
  } else {
    keyDir = path.resolve(values.pki);
  }
  const parties = loadFixtureParties(keyDir, {
    organiserOid: values.org,
    professionalRegno: values.pro,
  });
  const outDir = path.resolve(values.out ?? path.join(config.dataDir, 'fixtures'));
  const set = buildFixtureSet(parties, { date });
  const written = await writeFixtureSet(outDir, set);
  io.out(
    `Wrote ${written.length} files to ${outDir}, signed by ${parties.organiser.name} (${parties.organiser.oid})` +
      ` and ${parties.professional.given} ${parties.professional.family} (${parties.professional.regno}):`,
  );
  for (const entry of set.manifest.files) {
    const outcome = [entry.expected.typeCode, ...entry.expected.rules].join(' ');
    io.out(`  ${entry.file.padEnd(48)} ${outcome}`);
  }
  io.out(`Expected outcomes: ${path.join(outDir, 'manifest.json')}`);
  return 0;
}

function parseDate(text: string): Date {
  const d = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(d.getTime())) {
    throw new KantaSimError(
      'BAD_REQUEST',
      `--date "${text}" is not an ISO date-time (e.g. 2026-02-02T07:30:00Z)`,
    );
  }
  return d;
}
