/**
 * Generates the committed fixture PKI in certs/fixture-pki/ ONCE: a test root and issuing CAs, the fixture
 * organiser, a second organisation and a professional, all with the production code (server/pki). The keys
 * are committed on purpose so the fixtures can be regenerated; they are TEST ONLY (see certs/README.md).
 *
 *   npx tsx scripts/generate-fixture-pki.ts [--force]
 */
import { rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { addOrganisation } from '../server/pki/organisations.js';
import { addProfessional } from '../server/pki/professionals.js';
import { ensureTestPki } from '../server/pki/test-pki.js';
import {
  FIXTURE_ORGANISER,
  FIXTURE_OTHER_ORGANISATION,
  FIXTURE_PKI_DATE,
  FIXTURE_PROFESSIONAL,
} from '../server/samples/fixture-parties.js';

const dir = path.resolve(import.meta.dirname, '..', 'certs', 'fixture-pki');

async function main(): Promise<void> {
  if (existsSync(dir)) {
    if (!process.argv.includes('--force')) {
      process.stderr.write(
        `${dir} exists; the committed fixtures are signed with it. Use --force to replace it (then regenerate the fixtures).\n`,
      );
      process.exitCode = 1;
      return;
    }
    await rm(dir, { recursive: true, force: true });
  }
  const now = FIXTURE_PKI_DATE;
  // The committed fixture PKI keeps its documented start (the default would reach back to 2008).
  await ensureTestPki(dir, { now, validFrom: now });
  await addOrganisation(dir, { ...FIXTURE_ORGANISER, now });
  await addOrganisation(dir, { ...FIXTURE_OTHER_ORGANISATION, now });
  await addProfessional(dir, { ...FIXTURE_PROFESSIONAL, now });
  process.stdout.write(`fixture PKI written to ${dir}\n`);
}

await main();
