/**
 * `kanta-sim sign --org OID --in FILE --out FILE`: adds a Kanta-profile system signature (signatureDescription
 * 3) to a CDA document with the organisation's signing credentials from the data directory.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseCda } from '../cda/parse-cda.js';
import { loadConfig } from '../config.js';
import { KantaSimError } from '../errors.js';
import { OrganisationDirectory } from '../pki/organisation-directory.js';
import type { Organisation } from '../pki/organisations.js';
import { signDocument } from '../signature/sign.js';
import { parseDom } from '../xml/dom.js';
import { COMMON_FLAGS, parseFlags } from './common-flags.js';
import { PROCESS_IO, type CliIo } from './cli-io.js';

const USAGE = [
  'usage: kanta-sim sign --org OID --in CDA.xml --out SIGNED.xml [--data-dir D] [--signature-id ID]',
  '  exit 0 signed, 1 refused (the reason on stderr), 2 usage error',
].join('\n');

/** Exit codes: 0 signed, 1 refused (message on stderr), 2 usage error. */
export async function runSignCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo = PROCESS_IO,
): Promise<number> {
  const { values } = parseFlags(args, {
    ...COMMON_FLAGS,
    org: { type: 'string' },
    in: { type: 'string' },
    out: { type: 'string' },
    'signature-id': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (!values.org || !values.in || !values.out) {
    io.err(`kanta-sim sign: --org, --in and --out are required\n${USAGE}`);
    return 2;
  }
  const config = loadConfig({ flags: values, env });
  const org = organisationOf(config.dataDir, values.org);
  const xml = await readFile(values.in, 'utf8');
  const signed = signAsSystem(xml, org, values['signature-id']);
  await writeFile(values.out, signed);
  io.out(`signed ${values.in} as ${org.name} (${org.oid}) -> ${values.out}`);
  return 0;
}

/** The registered organisation `oid` of the data directory, or ORG_UNKNOWN. */
export function organisationOf(dataDir: string, oid: string): Organisation {
  const org = new OrganisationDirectory(dataDir).get(oid);
  if (!org) {
    throw new KantaSimError(
      'ORG_UNKNOWN',
      `organisation ${oid} is not registered in ${dataDir} (kanta-sim org list)`,
    );
  }
  return org;
}

/** Adds the organisation's system signature to a CDA; the document id is read from the CDA itself. */
export function signAsSystem(cdaXml: string, org: Organisation, signatureId = 'sig-system-1'): string {
  const dom = parseDom(cdaXml);
  const parsed = dom.ok ? parseCda(dom.doc) : undefined;
  if (!parsed?.ok) {
    throw new KantaSimError(
      'BAD_REQUEST',
      'the input is not a social welfare CDA document (ClinicalDocument)',
    );
  }
  return signDocument(cdaXml, {
    documentId: parsed.document.id,
    signatureId,
    type: 'system',
    keyPem: readFileSync(org.files.signingKey, 'utf8'),
    certPem: readFileSync(org.files.signingCert, 'utf8'),
  });
}
