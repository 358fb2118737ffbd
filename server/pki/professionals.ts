/**
 * Registered professionals: `<data-dir>/pros/<regno>/` with a professional signature certificate (DVV
 * professional card style) issued by the test PKI's professional CA, a README.txt and professional.json.
 */
import type { X509Certificate } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { KantaSimError } from '../errors.js';
import { pathExists, writeDirAtomically } from './atomic-dir.js';
import { professionalReadme } from './credential-readme.js';
import { requireName, requireRegno, splitPersonName } from './identifiers.js';
import { parseJson, readCertificate } from './registry-dir.js';
import { DEFAULT_P12_PASSWORD } from './pkcs12.js';
import { ensureTestPki } from './test-pki.js';

export const PROS_DIR = 'pros';

/** The occupation written into `title` when none is given. */
export const DEFAULT_PROFESSIONAL_TITLE = 'sosiaalityöntekijä';

/** File names inside `<data-dir>/pros/<regno>/`. */
export const PRO_FILES = Object.freeze({
  cert: 'cert.pem',
  key: 'key.pem',
  p12: 'cert.p12',
  readme: 'README.txt',
  json: 'professional.json',
});

/** The content of professional.json. */
export interface ProfessionalRecord {
  readonly regno: string;
  readonly given: string;
  readonly family: string;
  readonly title: string;
  readonly created: string;
  readonly p12Password: string;
}

export interface Professional extends ProfessionalRecord {
  readonly dir: string;
  readonly files: { readonly [K in keyof typeof PRO_FILES]: string };
  readonly certificate: X509Certificate;
}

export interface AddProfessionalInput {
  readonly regno: string;
  /** "Given Family"; several given names are fine ("Anna Maria Virtanen"). */
  readonly name: string;
  readonly title?: string;
  readonly p12Password?: string;
  readonly now?: Date;
  /** Where the test PKI starts if this call has to generate it (config pkiValidFrom). */
  readonly pkiValidFrom?: Date;
}

// X.520 limits CN to 64 characters; CN is "Family Given regno" as in DVV's professional certificates.
const MAX_CN_LENGTH = 64;

/**
 * Registers a professional and issues their signature certificate. Throws CONFIG_INVALID for bad input and
 * PRO_EXISTS if the registration number is already registered.
 */
export async function addProfessional(dataDir: string, input: AddProfessionalInput): Promise<Professional> {
  const regno = requireRegno(input.regno.trim());
  const { given, family } = splitPersonName(input.name);
  const title = requireName(input.title ?? DEFAULT_PROFESSIONAL_TITLE, 'title');
  if (`${family} ${given} ${regno}`.length > MAX_CN_LENGTH) {
    throw new KantaSimError('CONFIG_INVALID', `name "${given} ${family}" is too long for a certificate`);
  }
  const p12Password = input.p12Password ?? DEFAULT_P12_PASSWORD;
  const parent = resolve(dataDir, PROS_DIR);
  const dir = join(parent, regno);
  if (await pathExists(dir)) {
    throw new KantaSimError('PRO_EXISTS', `professional ${regno} is already registered (${dir})`);
  }

  const pki = await ensureTestPki(dataDir, { now: input.now, validFrom: input.pkiValidFrom });
  const record: ProfessionalRecord = {
    regno,
    given,
    family,
    title,
    created: (input.now ?? new Date()).toISOString(),
    p12Password,
  };
  const cred = await pki.issueProfessionalCredential(record, { password: p12Password, now: input.now });
  const result = await writeDirAtomically(parent, regno, [
    { name: PRO_FILES.cert, content: cred.certPem },
    { name: PRO_FILES.key, content: cred.keyPem, secret: true },
    { name: PRO_FILES.p12, content: cred.p12, secret: true },
    { name: PRO_FILES.readme, content: professionalReadme({ ...record, dir }) },
    { name: PRO_FILES.json, content: JSON.stringify(record, null, 2) + '\n' },
  ]);
  if (!result.created) {
    throw new KantaSimError('PRO_EXISTS', `professional ${regno} is already registered (${dir})`);
  }
  return readProfessional(dir);
}

/** Reads one professional directory; DATA_DIR_INVALID (naming the file) if it is incomplete. */
export function readProfessional(dir: string): Professional {
  const files = Object.fromEntries(
    Object.entries(PRO_FILES).map(([k, name]) => [k, join(dir, name)]),
  ) as Professional['files'];
  const o = parseJson(files.json) as Partial<Record<keyof ProfessionalRecord, unknown>> | null;
  if (
    typeof o?.regno !== 'string' ||
    typeof o.given !== 'string' ||
    typeof o.family !== 'string' ||
    typeof o.title !== 'string' ||
    typeof o.created !== 'string' ||
    typeof o.p12Password !== 'string'
  ) {
    throw new KantaSimError(
      'DATA_DIR_INVALID',
      `${files.json} lacks regno, given, family, title, created or p12Password`,
    );
  }
  if (basename(dir) !== o.regno) {
    throw new KantaSimError(
      'DATA_DIR_INVALID',
      `${files.json} names professional ${o.regno}, not its directory`,
    );
  }
  return {
    regno: o.regno,
    given: o.given,
    family: o.family,
    title: o.title,
    created: o.created,
    p12Password: o.p12Password,
    dir,
    files,
    certificate: readCertificate(files.cert),
  };
}
