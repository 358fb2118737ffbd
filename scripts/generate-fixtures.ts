/**
 * Regenerates the committed fixtures in fixtures/documents/ from the committed fixture PKI, at the fixed
 * date, so the output is byte-identical run after run (test/fixtures/committed-fixtures.test.ts replays it).
 *
 *   npm run fixtures:generate
 */
import path from 'node:path';
import { runFixturesCommand } from '../server/cli/fixtures.js';
import { COMMITTED_FIXTURES_DATE } from '../server/samples/fixture-parties.js';

const root = path.resolve(import.meta.dirname, '..');

process.exitCode = await runFixturesCommand(
  [
    '--pki',
    path.join(root, 'certs', 'fixture-pki'),
    '--out',
    path.join(root, 'fixtures', 'documents'),
    '--date',
    COMMITTED_FIXTURES_DATE.toISOString(),
  ],
  {},
);
