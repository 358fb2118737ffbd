/**
 * The README.txt written beside every issued credential: a developer who opens the directory should know what
 * each file is, the PKCS#12 password, and how to make a first request, without reading kanta-sim's docs.
 */
import { join } from 'node:path';
import { TEST_PKI_ORGANISATION } from './cert-profiles.js';

/** Shown in examples when the caller does not know the archive's address (the port is chosen at start). */
export const DEFAULT_ARCHIVE_URL = 'https://localhost:<kanta-port>/';

const NOT_DVV = [
  `These are TEST credentials from kanta-sim's own test CA ("${TEST_PKI_ORGANISATION}").`,
  'They are not DVV certificates and nothing but a kanta-sim using the same data directory trusts them.',
];

export interface OrganisationReadme {
  readonly oid: string;
  readonly name: string;
  readonly units: readonly { readonly oid: string; readonly name: string }[];
  readonly created: string;
  readonly p12Password: string;
  readonly dir: string;
  readonly caBundlePath: string;
  readonly archiveUrl?: string;
}

/** README.txt of `<data-dir>/orgs/<oid>/`. */
export function organisationReadme(o: OrganisationReadme): string {
  const f = (name: string): string => join(o.dir, name);
  const units = o.units.length === 0 ? ['  (none)'] : o.units.map((u) => `  ${u.oid}  ${u.name}`);
  return [
    `kanta-sim test organisation: ${o.name} (${o.oid})`,
    `Created ${o.created}.`,
    '',
    ...NOT_DVV,
    '',
    'Service units:',
    ...units,
    '',
    'Files:',
    `  client.pem         TLS client certificate for mutual TLS to the archive interface.`,
    `                     Subject serialNumber = ${o.oid}; extended key usage clientAuth.`,
    '  client.key         its private key (PKCS#8 PEM, not encrypted)',
    '  client.p12         client.pem + client.key + CA chain as PKCS#12',
    '  signing.pem        system-signature certificate (DVV service certificate style) for signing documents',
    `                     (signatureDescription 3). Subject serialNumber = ${o.oid};`,
    '                     key usage digitalSignature + nonRepudiation (critical).',
    '  signing.key        its private key (PKCS#8 PEM, not encrypted)',
    '  signing.p12        signing.pem + signing.key + CA chain as PKCS#12',
    '  organisation.json  the registration: oid, name, units, created, p12Password',
    '',
    `PKCS#12 password: ${o.p12Password}`,
    '',
    "The archive's TLS server certificate comes from the same test CA. Trust:",
    `  ${o.caBundlePath}`,
    '',
    'A first request (an HL7 V3 message in message.xml):',
    `  curl --cacert '${o.caBundlePath}' \\`,
    `       --cert '${f('client.pem')}' --key '${f('client.key')}' \\`,
    `       -H 'Content-Type: text/xml; charset=UTF-8' --data-binary @message.xml ${o.archiveUrl ?? DEFAULT_ARCHIVE_URL}`,
    '',
    'The same with the PKCS#12 file:',
    `  curl --cacert '${o.caBundlePath}' --cert-type P12 --cert '${f('client.p12')}:${o.p12Password}' ...`,
    '',
    'A Java keystore:',
    `  keytool -importkeystore -srckeystore '${f('client.p12')}' -srcstoretype PKCS12 \\`,
    `          -srcstorepass '${o.p12Password}' -destkeystore client.jks`,
    '',
  ].join('\n');
}

export interface ProfessionalReadme {
  readonly regno: string;
  readonly given: string;
  readonly family: string;
  readonly title: string;
  readonly created: string;
  readonly p12Password: string;
  readonly dir: string;
}

/** README.txt of `<data-dir>/pros/<regno>/`. */
export function professionalReadme(p: ProfessionalReadme): string {
  return [
    `kanta-sim test professional: ${p.given} ${p.family}, ${p.title} (registration number ${p.regno})`,
    `Created ${p.created}.`,
    '',
    ...NOT_DVV,
    '',
    'Files:',
    '  cert.pem           professional signature certificate (DVV professional card style) for signing',
    `                     documents (signatureDescription 1). Subject serialNumber = ${p.regno},`,
    `                     title = ${p.title}; key usage nonRepudiation only (critical).`,
    '  key.pem            its private key (PKCS#8 PEM, not encrypted)',
    '  cert.p12           cert.pem + key.pem + CA chain as PKCS#12',
    '  professional.json  the registration: regno, given, family, title, created, p12Password',
    '',
    `PKCS#12 password: ${p.p12Password}`,
    '',
    'Sign documents with key.pem and put cert.pem in KeyInfo (RSA-SHA256, exclusive c14n), with kanta-sim',
    "or any XML signature library. The archive trusts it through kanta-sim's professional test CA.",
    '',
  ].join('\n');
}
