/**
 * The certificate profiles of the generated test PKI: names, extensions, key usage and validity of every
 * certificate kanta-sim makes. They imitate DVV's social welfare and health care service and professional
 * certificates (see the DVV TEST certificates in the real sample documents) but every CA name says TEST and
 * "not DVV", so nobody mistakes one for a real certificate. certs/README.md documents the same profiles.
 */
import type { DistinguishedName } from './dn.js';
import type { ForgeExtension } from './issue.js';

/** The organisation name of every kanta-sim CA and of the server certificate. */
export const TEST_PKI_ORGANISATION = 'kanta-sim TEST (not DVV)';

export const SERVICE_ROOT_DN: DistinguishedName = [
  { type: 'C', value: 'FI' },
  { type: 'O', value: TEST_PKI_ORGANISATION },
  { type: 'OU', value: 'Sosiaali- ja terveydenhuollon testivarmenteet' },
  { type: 'CN', value: 'kanta-sim DVV TEST Social Welfare and Healthcare Root CA' },
];

export const SERVICE_INTERMEDIATE_DN: DistinguishedName = [
  { type: 'C', value: 'FI' },
  { type: 'O', value: TEST_PKI_ORGANISATION },
  { type: 'OU', value: 'Sosiaali- ja terveydenhuollon testipalveluvarmenteet' },
  { type: 'CN', value: 'kanta-sim DVV TEST Social Welfare and Healthcare Service Certs' },
];

export const PROFESSIONAL_CA_DN: DistinguishedName = [
  { type: 'C', value: 'FI' },
  { type: 'O', value: TEST_PKI_ORGANISATION },
  { type: 'OU', value: 'Sosiaali- ja terveydenhuollon testiammattivarmenteet' },
  { type: 'CN', value: 'kanta-sim DVV TEST Social Welfare and Healthcare Prof. Certs' },
];

const DAY_MS = 24 * 60 * 60 * 1000;
/** Certificates start a day early so that a client whose clock lags, or a backdated signing time, still fits. */
const BACKDATE_MS = DAY_MS;
export const CA_VALIDITY_YEARS = 20;
export const LEAF_VALIDITY_YEARS = 3;

export interface Validity {
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/**
 * Where the generated test PKI's validity starts by default [S]: early enough to sign old client data
 * (social welfare client data is archived from 2008 on) and seeded history at its own dates. A real DVV
 * certificate is never that old; a test PKI must be, or no document could carry an older signing time.
 */
export const DEFAULT_PKI_VALID_FROM = new Date('2008-01-01T00:00:00Z');

/** Validity starting a day before `now` and lasting `years`. */
export function validityFrom(now: Date, years: number): Validity {
  return validityBetween(now, now, years);
}

/**
 * Validity from `validFrom` (or a day before `now`, whichever is earlier) to `years` after `now`: the test
 * PKI's certificates cover the history to be signed and still last their years into the future.
 */
export function validityBetween(validFrom: Date, now: Date, years: number): Validity {
  const notBefore = new Date(Math.min(validFrom.getTime(), now.getTime() - BACKDATE_MS));
  const notAfter = new Date(now.getTime());
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + years);
  return { notBefore, notAfter };
}

export interface Profile {
  readonly subject: DistinguishedName;
  readonly extensions: readonly ForgeExtension[];
}

/** The self-signed root. No path length limit below it: it issues the two intermediate CAs. */
export function rootCaProfile(): Profile {
  return {
    subject: SERVICE_ROOT_DN,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  };
}

/** An issuing CA under the root (service certificates, professional certificates); issues leaves only. */
export function intermediateCaProfile(subject: DistinguishedName): Profile {
  return {
    subject,
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  };
}

const LEAF_CONSTRAINTS: ForgeExtension = { name: 'basicConstraints', cA: false, critical: true };

/** The archive's own TLS server certificate, for https://localhost and https://127.0.0.1. */
export function serverProfile(): Profile {
  return {
    subject: [
      { type: 'C', value: 'FI' },
      { type: 'O', value: TEST_PKI_ORGANISATION },
      { type: 'CN', value: 'localhost' },
    ],
    extensions: [
      LEAF_CONSTRAINTS,
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  };
}

/** The organisation's DN as DVV's service certificates carry it: serialNumber is the organisation OID. */
function organisationDn(oid: string, name: string): DistinguishedName {
  return [
    { type: 'C', value: 'FI' },
    { type: 'O', value: name },
    { type: 'serialNumber', value: oid },
    { type: 'CN', value: name },
  ];
}

/** The organisation's TLS client certificate (mutual TLS towards the archive). */
export function organisationClientProfile(oid: string, name: string): Profile {
  return {
    subject: organisationDn(oid, name),
    extensions: [
      LEAF_CONSTRAINTS,
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', clientAuth: true },
    ],
  };
}

/** The organisation's system-signature certificate: key usage as in the real SP1 sample's certificate. */
export function organisationSigningProfile(oid: string, name: string): Profile {
  return {
    subject: organisationDn(oid, name),
    extensions: [
      LEAF_CONSTRAINTS,
      { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    ],
  };
}

export interface ProfessionalName {
  readonly regno: string;
  readonly given: string;
  readonly family: string;
  readonly title: string;
}

/**
 * A professional's signature certificate, shaped like the DVV TEST professional certificate in the client plan
 * sample: CN "Family Given regno", serialNumber = registration number, key usage nonRepudiation only.
 */
export function professionalProfile(p: ProfessionalName): Profile {
  return {
    subject: [
      { type: 'C', value: 'FI' },
      { type: 'title', value: p.title },
      { type: 'serialNumber', value: p.regno },
      { type: 'GN', value: p.given },
      { type: 'SN', value: p.family },
      { type: 'CN', value: `${p.family} ${p.given} ${p.regno}` },
    ],
    extensions: [LEAF_CONSTRAINTS, { name: 'keyUsage', nonRepudiation: true, critical: true }],
  };
}
