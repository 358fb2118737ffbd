/**
 * `kanta-sim pro add|list`: registers test professionals (with a professional signature certificate) in the
 * data directory and shows them.
 */
import { join } from 'node:path';
import { ProfessionalDirectory } from '../pki/professional-directory.js';
import { DEFAULT_PROFESSIONAL_TITLE, addProfessional, type Professional } from '../pki/professionals.js';
import { runAddListCommand } from './add-list-command.js';
import { PROCESS_IO, type CliIo } from './cli-io.js';

const USAGE = [
  `usage: kanta-sim pro add --regno NUMBER --name "Given Family" [--title TITLE] [--p12-password PASSWORD]`,
  `       kanta-sim pro list`,
  `       (--title defaults to "${DEFAULT_PROFESSIONAL_TITLE}")`,
  '  exit 0 done, 1 refused (the reason on stderr), 2 usage error',
].join('\n');

/**
 * Runs `pro add` or `pro list` (`args` are the words after `pro`; a leading "pro" is tolerated).
 * Returns the exit code: 0 done, 1 refused (message on stderr), 2 usage error.
 */
export function runProCommand(
  args: string[],
  config: { readonly dataDir: string; readonly pkiValidFrom?: Date },
  io: CliIo = PROCESS_IO,
): Promise<number> {
  return runAddListCommand(
    {
      noun: 'pro',
      usage: USAGE,
      options: {
        regno: { type: 'string' },
        name: { type: 'string' },
        title: { type: 'string' },
        'p12-password': { type: 'string' },
      },
      required: ['regno', 'name'],
      add: async (values) => {
        const pro = await addProfessional(config.dataDir, {
          regno: values.regno ?? '',
          name: values.name ?? '',
          title: values.title,
          p12Password: values['p12-password'],
          pkiValidFrom: config.pkiValidFrom,
        });
        printAdded(pro, io);
      },
      list: () => listProfessionals(config.dataDir, io),
    },
    args,
    io,
  );
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
