/**
 * `kanta-sim pro add|list`: registers test professionals (with a professional signature certificate) in the
 * data directory and shows them.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ProfessionalDirectory } from '../pki/professional-directory.js';
import { DEFAULT_PROFESSIONAL_TITLE, addProfessional, type Professional } from '../pki/professionals.js';
import { PROCESS_IO, reportCliError, type CliIo } from './org.js';

const USAGE = [
  `usage: kanta-sim pro add --regno NUMBER --name "Given Family" [--title TITLE] [--p12-password PASSWORD]`,
  `       kanta-sim pro list`,
  `       (--title defaults to "${DEFAULT_PROFESSIONAL_TITLE}")`,
].join('\n');

/**
 * Runs `pro add` or `pro list` (`args` are the words after `pro`; a leading "pro" is tolerated).
 * Returns the exit code: 0 done, 1 refused (message on stderr), 2 usage error.
 */
export async function runProCommand(
  args: string[],
  config: { dataDir: string },
  io: CliIo = PROCESS_IO,
): Promise<number> {
  const words = args[0] === 'pro' ? args.slice(1) : args;
  try {
    const { values, positionals } = parseArgs({
      args: words,
      allowPositionals: true,
      options: {
        regno: { type: 'string' },
        name: { type: 'string' },
        title: { type: 'string' },
        'p12-password': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help === true) {
      io.out(USAGE);
      return 0;
    }
    const [action, ...rest] = positionals;
    if (action === 'list' && rest.length === 0) {
      listProfessionals(config.dataDir, io);
      return 0;
    }
    if (action !== 'add' || rest.length > 0) {
      const what = action === undefined ? 'missing subcommand' : `unexpected argument "${rest[0] ?? action}"`;
      return usageError(io, what);
    }
    if (values.regno === undefined || values.name === undefined) {
      return usageError(io, 'pro add needs --regno and --name');
    }
    const pro = await addProfessional(config.dataDir, {
      regno: values.regno,
      name: values.name,
      title: values.title,
      p12Password: values['p12-password'],
    });
    printAdded(pro, io);
    return 0;
  } catch (e) {
    return reportCliError(e, io, USAGE);
  }
}

function printAdded(pro: Professional, io: CliIo): void {
  io.out(`Registered professional ${pro.given} ${pro.family}, ${pro.title} (${pro.regno}).`);
  io.out(`  directory:        ${pro.dir}`);
  io.out(`  certificate:      ${pro.files.cert}`);
  io.out(`  private key:      ${pro.files.key}`);
  io.out(`  PKCS#12:          ${pro.files.p12}`);
  io.out(`  PKCS#12 password: ${pro.p12Password}`);
  io.out(`README.txt in the directory says what each file is.`);
}

function listProfessionals(dataDir: string, io: CliIo): void {
  const directory = new ProfessionalDirectory(dataDir);
  const pros = directory.list();
  if (pros.length === 0) {
    io.out(`No professionals registered in ${join(dataDir, 'pros')}.`);
  }
  for (const p of pros) {
    io.out(`${p.regno}  ${p.given} ${p.family}, ${p.title}`);
    io.out(`    ${p.dir}`);
  }
  for (const problem of directory.brokenEntries()) {
    io.err(`warning: ${problem.message}`);
  }
}

function usageError(io: CliIo, message: string): number {
  io.err(`kanta-sim: ${message}`);
  io.err(USAGE);
  return 2;
}
