/**
 * Registered organisations: `<data-dir>/orgs/<oid>/` with the TLS client and system-signature credentials issued
 * by the test PKI, a README.txt and organisation.json. The directory is the registry: a server and a
 * `kanta-sim org add` in another process share it through the file system, so there is no database row.
 */
import type { X509Certificate } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import { KantaSimError } from '../errors.js';
import { pathExists, writeDirAtomically } from './atomic-dir.js';
import { organisationReadme } from './credential-readme.js';
import { requireName, requireOid } from './identifiers.js';
import { DEFAULT_P12_PASSWORD } from './pkcs12.js';
import { parseJson, readCertificate } from './registry-dir.js';
import type { KeyPairPem } from './issue.js';
import { PKI_FILES, ensureTestPki } from './test-pki.js';

export const ORGS_DIR = 'orgs';

/** File names inside `<data-dir>/orgs/<oid>/` (a contract: vendors script against them). */
export const ORG_FILES = Object.freeze({
  clientCert: 'client.pem',
  clientKey: 'client.key',
  clientP12: 'client.p12',
  signingCert: 'signing.pem',
  signingKey: 'signing.key',
  signingP12: 'signing.p12',
  readme: 'README.txt',
  json: 'organisation.json',
});

export interface OrganisationUnit {
  readonly oid: string;
  readonly name: string;
}

/** The content of organisation.json. */
export interface OrganisationRecord {
  readonly oid: string;
  readonly name: string;
  readonly units: readonly OrganisationUnit[];
  /** ISO timestamp of registration. */
  readonly created: string;
  readonly p12Password: string;
}

/** A registered organisation as read from its directory. */
export interface Organisation extends OrganisationRecord {
  readonly dir: string;
  /** Absolute paths of the files in ORG_FILES, by the same keys. */
  readonly files: { readonly [K in keyof typeof ORG_FILES]: string };
  readonly clientCertificate: X509Certificate;
  readonly signingCertificate: X509Certificate;
}

export interface AddOrganisationInput {
  readonly oid: string;
  readonly name: string;
  readonly units?: readonly OrganisationUnit[];
  readonly p12Password?: string;
  /** The issue time of the new certificates (tests); default now. */
  readonly now?: Date;
  /** Where the test PKI starts if this call has to generate it (config pkiValidFrom). */
  readonly pkiValidFrom?: Date;
  /** The archive URL shown in README.txt's curl example. */
  readonly archiveUrl?: string;
  /** Certify this key pair (TLS and signing) instead of generating two: training organisations only. */
  readonly keyPair?: KeyPairPem;
}

/**
 * Registers an organisation: validates the input, issues its two credentials and writes its directory
 * atomically. Throws CONFIG_INVALID for bad input and ORG_EXISTS if the OID is already registered.
 */
export async function addOrganisation(dataDir: string, input: AddOrganisationInput): Promise<Organisation> {
  const oid = requireOid(input.oid.trim(), 'organisation OID');
  const name = requireName(input.name, 'organisation name');
  const units = validateUnits(oid, input.units ?? []);
  const p12Password = input.p12Password ?? DEFAULT_P12_PASSWORD;
  const parent = resolve(dataDir, ORGS_DIR);
  const dir = join(parent, oid);
  if (await pathExists(dir)) {
    throw new KantaSimError('ORG_EXISTS', `organisation ${oid} is already registered (${dir})`);
  }

  const pki = await ensureTestPki(dataDir, { now: input.now, validFrom: input.pkiValidFrom });
  const { client, signing } = await pki.issueOrganisationCredentials(oid, name, {
    password: p12Password,
    now: input.now,
    ...(input.keyPair ? { keyPair: input.keyPair } : {}),
  });
  const record: OrganisationRecord = {
    oid,
    name,
    units,
    created: (input.now ?? new Date()).toISOString(),
    p12Password,
  };
  const readme = organisationReadme({
    ...record,
    dir,
    caBundlePath: join(pki.dir, PKI_FILES.caBundle),
    archiveUrl: input.archiveUrl,
  });
  const result = await writeDirAtomically(parent, oid, [
    { name: ORG_FILES.clientCert, content: client.certPem },
    { name: ORG_FILES.clientKey, content: client.keyPem, secret: true },
    { name: ORG_FILES.clientP12, content: client.p12, secret: true },
    { name: ORG_FILES.signingCert, content: signing.certPem },
    { name: ORG_FILES.signingKey, content: signing.keyPem, secret: true },
    { name: ORG_FILES.signingP12, content: signing.p12, secret: true },
    { name: ORG_FILES.readme, content: readme },
    { name: ORG_FILES.json, content: JSON.stringify(record, null, 2) + '\n' },
  ]);
  if (!result.created) {
    throw new KantaSimError('ORG_EXISTS', `organisation ${oid} is already registered (${dir})`);
  }
  return readOrganisation(dir);
}

function validateUnits(orgOid: string, units: readonly OrganisationUnit[]): OrganisationUnit[] {
  const seen = new Set<string>([orgOid]);
  return units.map((u) => {
    const oid = requireOid(u.oid.trim(), 'unit OID');
    if (seen.has(oid)) {
      throw new KantaSimError(
        'CONFIG_INVALID',
        `unit OID ${oid} is given twice or equals the organisation OID`,
      );
    }
    seen.add(oid);
    return { oid, name: requireName(u.name, `name of unit ${oid}`) };
  });
}

/**
 * Reads one organisation directory. Throws DATA_DIR_INVALID (naming the file) if it is incomplete or its
 * organisation.json does not describe the directory it is in.
 */
export function readOrganisation(dir: string): Organisation {
  const files = Object.fromEntries(
    Object.entries(ORG_FILES).map(([k, name]) => [k, join(dir, name)]),
  ) as Organisation['files'];
  const json = parseJson(files.json);
  const record = toRecord(json, files.json);
  if (basename(dir) !== record.oid) {
    throw new KantaSimError(
      'DATA_DIR_INVALID',
      `${files.json} names organisation ${record.oid}, not its directory`,
    );
  }
  return {
    ...record,
    dir,
    files,
    clientCertificate: readCertificate(files.clientCert),
    signingCertificate: readCertificate(files.signingCert),
  };
}

function toRecord(json: unknown, path: string): OrganisationRecord {
  const o = json as Partial<Record<keyof OrganisationRecord, unknown>> | null;
  const units = o?.units;
  const unitsOk =
    Array.isArray(units) &&
    units.every(
      (u: unknown) =>
        typeof (u as OrganisationUnit)?.oid === 'string' && typeof (u as OrganisationUnit)?.name === 'string',
    );
  if (
    typeof o?.oid !== 'string' ||
    typeof o.name !== 'string' ||
    typeof o.created !== 'string' ||
    typeof o.p12Password !== 'string' ||
    !unitsOk
  ) {
    throw new KantaSimError('DATA_DIR_INVALID', `${path} lacks oid, name, units, created or p12Password`);
  }
  const cleanUnits = (units as OrganisationUnit[]).map((u) => ({ oid: u.oid, name: u.name }));
  return { oid: o.oid, name: o.name, units: cleanUnits, created: o.created, p12Password: o.p12Password };
}
