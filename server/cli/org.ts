/**
 * `kanta-sim org add|list`: registers test organisations in the data directory and shows them. A running
 * server with the same --data-dir accepts a newly added organisation at once (see organisation-directory.ts).
 */
import { join } from 'node:path';
import { KantaSimError } from '../errors.js';
import { OrganisationDirectory } from '../pki/organisation-directory.js';
import { addOrganisation, type Organisation, type OrganisationUnit } from '../pki/organisations.js';
import { PKI_FILES } from '../pki/test-pki.js';
import { runAddListCommand } from './add-list-command.js';
import { PROCESS_IO, type CliIo } from './cli-io.js';

const USAGE = [
  'usage: kanta-sim org add --oid OID --name NAME [--unit OID=NAME ...] [--p12-password PASSWORD]',
  '       kanta-sim org list',
  '  exit 0 done, 1 refused (the reason on stderr), 2 usage error',
].join('\n');

/**
 * Runs `org add` or `org list` (`args` are the words after `org`; a leading "org" is tolerated).
 * Returns the exit code: 0 done, 1 refused (message on stderr), 2 usage error.
 */
export function runOrgCommand(
  args: string[],
  config: { readonly dataDir: string; readonly pkiValidFrom?: Date },
  io: CliIo = PROCESS_IO,
): Promise<number> {
  return runAddListCommand(
    {
      noun: 'org',
      usage: USAGE,
      options: {
        oid: { type: 'string' },
        name: { type: 'string' },
        unit: { type: 'string', multiple: true },
        'p12-password': { type: 'string' },
      },
      required: ['oid', 'name'],
      add: async (values) => {
        const org = await addOrganisation(config.dataDir, {
          oid: values.oid ?? '',
          name: values.name ?? '',
          units: (values.unit ?? []).map(parseUnit),
          p12Password: values['p12-password'],
          pkiValidFrom: config.pkiValidFrom,
        });
        printAdded(org, config.dataDir, io);
      },
      list: () => listOrganisations(config.dataDir, io),
    },
    args,
    io,
  );
}

function parseUnit(spec: string): OrganisationUnit {
  const at = spec.indexOf('=');
  if (at <= 0) {
    throw new KantaSimError(
      'CONFIG_INVALID',
      `--unit "${spec}" must be OID=NAME, e.g. 1.2.246.10.12345678.10.100=Lastensuojelu`,
    );
  }
  return { oid: spec.slice(0, at).trim(), name: spec.slice(at + 1) };
}

function printAdded(org: Organisation, dataDir: string, io: CliIo): void {
  io.out(`Registered organisation ${org.name} (${org.oid}).`);
  io.out(`  directory:         ${org.dir}`);
  io.out(`  TLS client:        ${org.files.clientCert}`);
  io.out(`                     ${org.files.clientKey}`);
  io.out(`                     ${org.files.clientP12}`);
  io.out(`  system signature:  ${org.files.signingCert}`);
  io.out(`                     ${org.files.signingKey}`);
  io.out(`                     ${org.files.signingP12}`);
  io.out(`  PKCS#12 password:  ${org.p12Password}`);
  io.out(`  trust (CA bundle): ${join(dataDir, 'pki', PKI_FILES.caBundle)}`);
  for (const u of org.units) {
    io.out(`  unit:              ${u.oid}  ${u.name}`);
  }
  io.out(`README.txt in the directory says what each file is and shows a curl example.`);
}

function listOrganisations(dataDir: string, io: CliIo): void {
  const directory = new OrganisationDirectory(dataDir);
  const orgs = directory.list();
  if (orgs.length === 0) {
    io.out(`No organisations registered in ${join(dataDir, 'orgs')}.`);
  }
  for (const org of orgs) {
    io.out(`${org.oid}  ${org.name}`);
    for (const u of org.units) {
      io.out(`    ${u.oid}  ${u.name}`);
    }
    io.out(`    ${org.dir}`);
  }
  for (const problem of directory.brokenEntries()) {
    io.err(`warning: ${problem.message}`);
  }
}
