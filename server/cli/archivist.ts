/**
 * `kanta-sim archivist add|list`: archivists of an organisation for the archivist interface. Writes to
 * the data directory's database, which a running server on the same --data-dir reads at the next sign-in.
 */
import path from 'node:path';
import { addArchivist } from '../archivist/archivists.js';
import { OrganisationDirectory } from '../pki/organisation-directory.js';
import { SqliteArchivistStore } from '../store/sqlite-archivist-store.js';
import { openDatabase } from '../store/open-database.js';
import { parseFlags } from './common-flags.js';
import { missingFlag, PROCESS_IO, reportCliError, type CliIo } from './cli-io.js';

const USAGE = [
  'usage: kanta-sim archivist add --org OID --name NAME [--username U] [--password P] [--register OID ...]',
  '       kanta-sim archivist list [--org OID]',
  '  --register: a register keeper the archivist acts for (default: the organisation itself); repeatable',
  '  exit 0 done, 1 refused (the reason on stderr), 2 usage error',
].join('\n');

/** Runs `archivist add` or `archivist list`; 0 done, 1 refused, 2 usage error. */
export async function runArchivistCommand(
  args: string[],
  config: { dataDir: string },
  io: CliIo = PROCESS_IO,
  now: () => Date = () => new Date(),
): Promise<number> {
  const words = args[0] === 'archivist' ? args.slice(1) : args;
  try {
    const { values, positionals } = parseFlags(words, {
      org: { type: 'string' },
      name: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      register: { type: 'string', multiple: true },
    });
    if (values.help === true) {
      io.out(USAGE);
      return 0;
    }
    const [action, ...rest] = positionals;
    if (rest.length > 0 || (action !== 'add' && action !== 'list')) {
      io.err(
        `kanta-sim: ${action === undefined ? 'missing subcommand' : `unknown or extra argument "${rest[0] ?? action}"`}`,
      );
      io.err(USAGE);
      return 2;
    }
    // Checked before the database is opened: a missing flag is a usage error wherever the data lives.
    const addition = action === 'add' ? additionOf(values.org, values.name) : undefined;
    const db = await openDatabase(path.join(config.dataDir, 'archive.sqlite'));
    try {
      const store = new SqliteArchivistStore(db);
      if (addition === undefined) {
        for (const a of await store.listArchivists(values.org)) {
          io.out(
            `${a.username}  ${a.name}  (${a.organisationOid})  registers: ${a.registerOids.join(', ')}${a.demo ? '  [demo]' : ''}`,
          );
        }
        return 0;
      }
      const { archivist, password } = await addArchivist(
        store,
        new OrganisationDirectory(config.dataDir),
        {
          ...addition,
          username: values.username,
          password: values.password,
          registerOids: values.register,
        },
        now(),
      );
      io.out(`Added archivist ${archivist.name} (${archivist.organisationOid}).`);
      io.out(`  username:  ${archivist.username}`);
      if (values.password === undefined) {
        io.out(`  password:  ${password}   (shown once; only its scrypt hash is stored)`);
      }
      io.out(`  registers: ${archivist.registerOids.join(', ')}`);
      io.out('Sign in at http://<web listener>/archivist/login');
      return 0;
    } finally {
      await db.close();
    }
  } catch (e) {
    return reportCliError(e, io, USAGE);
  }
}

/** What `archivist add` cannot do without: the organisation and the name. */
function additionOf(
  org: string | undefined,
  name: string | undefined,
): { organisationOid: string; name: string } {
  if (org === undefined || name === undefined) {
    throw missingFlag('archivist add needs --org and --name');
  }
  return { organisationOid: org, name };
}
