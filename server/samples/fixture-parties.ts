/**
 * Who the fixtures are about and who signs them: the two test clients (one in families-with-children
 * services, one in child protection), and the organiser, professional and a second organisation whose
 * credentials are read from a data directory (the running sim's own, or the committed certs/fixture-pki).
 */
import { readFileSync } from 'node:fs';
import type { SpecClient } from '../cda/build-spec.js';
import type { ServiceTaskKey } from '../cda/templates-codes.js';
import { KantaSimError } from '../errors.js';
import { DEMO_ORGANISER, DEMO_PROFESSIONAL, DEMO_PROVIDER } from '../pki/demo.js';
import { OrganisationDirectory } from '../pki/organisation-directory.js';
import type { AddOrganisationInput, Organisation } from '../pki/organisations.js';
import { ProfessionalDirectory } from '../pki/professional-directory.js';
import type { AddProfessionalInput, Professional } from '../pki/professionals.js';
import type { SigningKey } from './signed-message.js';

/** The organiser of the committed fixture PKI (certs/fixture-pki): fictional, made-up business-id arc. */
export const FIXTURE_ORGANISER: AddOrganisationInput = Object.freeze({
  oid: '1.2.246.10.55512345.10.0',
  name: 'Kiintoniemen hyvinvointialue',
  units: [
    { oid: '1.2.246.10.55512345.10.100', name: 'Kiintoniemen lapsiperheiden palvelut' },
    { oid: '1.2.246.10.55512345.10.200', name: 'Kiintoniemen lastensuojelu' },
  ],
});

/** A second organisation of the fixture PKI, whose signing certificate names the wrong OID on purpose. */
export const FIXTURE_OTHER_ORGANISATION: AddOrganisationInput = Object.freeze({
  oid: '1.2.246.10.55567890.10.0',
  name: 'Vierasniemen perhepalvelut Oy',
  units: [{ oid: '1.2.246.10.55567890.10.10', name: 'Vierasniemen perhetyö' }],
});

/** The social worker of the fixture PKI. */
export const FIXTURE_PROFESSIONAL: AddProfessionalInput = Object.freeze({
  regno: '25104559652',
  name: 'Kaisa Kokeilu',
  title: 'sosiaalityöntekijä',
});

/** A test client and the service task their case belongs to. */
export interface FixtureClient {
  /** File-name word: valid_<family>_<kind>.xml. */
  readonly family: 'lapsiperhe' | 'lastensuojelu';
  readonly serviceTask: ServiceTaskKey;
  readonly client: SpecClient;
}

/** The two test clients (individual numbers 9xx, valid check characters). */
export const FIXTURE_CLIENTS: readonly FixtureClient[] = Object.freeze([
  {
    family: 'lapsiperhe',
    serviceTask: 'lapsiperheidenPalvelut',
    client: {
      hetu: '120617A911B',
      given: ['Eetu', 'Onni'],
      family: 'Kokeilu',
      callName: 'Eetu',
      gender: '1',
    },
  },
  {
    family: 'lastensuojelu',
    serviceTask: 'lastensuojelu',
    client: { hetu: '040312A924W', given: ['Linnea'], family: 'Testinen', gender: '2' },
  },
]);

/** An organisation with the keys the fixtures are signed with. */
export interface FixtureOrganisation {
  readonly oid: string;
  readonly name: string;
  readonly units: readonly { readonly oid: string; readonly name: string }[];
  /** System-signature certificate (signing.pem / signing.key). */
  readonly signing: SigningKey;
  /** TLS client certificate: the wrong certificate to sign with (no nonRepudiation). */
  readonly tlsClient: SigningKey;
  readonly signingNotBefore: Date;
}

export interface FixtureProfessional {
  readonly regno: string;
  readonly given: string;
  readonly family: string;
  readonly title: string;
  readonly key: SigningKey;
  readonly notBefore: Date;
}

export interface FixtureParties {
  readonly organiser: FixtureOrganisation;
  readonly professional: FixtureProfessional;
  /** Present when the directory holds a second organisation (the demo provider or the fixture one). */
  readonly other?: FixtureOrganisation;
}

export interface PartyChoice {
  /** Default: the demo organiser if registered, else the fixture organiser. */
  readonly organiserOid?: string;
  /** Default: the demo professional if registered, else the fixture professional. */
  readonly professionalRegno?: string;
}

/**
 * Reads the parties from a data directory (pki/, orgs/, pros/). Throws ORG_UNKNOWN / BAD_REQUEST naming
 * what is missing and what is registered.
 */
export function loadFixtureParties(dataDir: string, choice: PartyChoice = {}): FixtureParties {
  const orgs = new OrganisationDirectory(dataDir);
  const pros = new ProfessionalDirectory(dataDir);
  const organiser = pick(
    'organisation',
    choice.organiserOid,
    [DEMO_ORGANISER.oid, FIXTURE_ORGANISER.oid],
    (k) => orgs.get(k),
    () => orgs.list().map((o) => o.oid),
    dataDir,
  );
  const professional = pick(
    'professional',
    choice.professionalRegno,
    [DEMO_PROFESSIONAL.regno, FIXTURE_PROFESSIONAL.regno],
    (k) => pros.get(k),
    () => pros.list().map((p) => p.regno),
    dataDir,
  );
  const other = [DEMO_PROVIDER.oid, FIXTURE_OTHER_ORGANISATION.oid, ...orgs.list().map((o) => o.oid)]
    .filter((oid) => oid !== organiser.oid)
    .map((oid) => orgs.get(oid))
    .find((o) => o !== undefined);
  return {
    organiser: fixtureOrganisation(organiser),
    professional: fixtureProfessional(professional),
    ...(other === undefined ? {} : { other: fixtureOrganisation(other) }),
  };
}

function pick<T>(
  what: string,
  wanted: string | undefined,
  defaults: readonly string[],
  get: (key: string) => T | undefined,
  list: () => string[],
  dataDir: string,
): T {
  const keys = wanted === undefined ? defaults : [wanted];
  for (const key of keys) {
    const found = get(key);
    if (found !== undefined) {
      return found;
    }
  }
  const registered = list();
  throw new KantaSimError(
    what === 'organisation' ? 'ORG_UNKNOWN' : 'BAD_REQUEST',
    `no ${what} ${keys.join(' or ')} in ${dataDir}; registered: ${registered.join(', ') || 'none'}`,
  );
}

function fixtureOrganisation(org: Organisation): FixtureOrganisation {
  return {
    oid: org.oid,
    name: org.name,
    units: org.units,
    signing: pair(org.files.signingKey, org.files.signingCert),
    tlsClient: pair(org.files.clientKey, org.files.clientCert),
    signingNotBefore: new Date(org.signingCertificate.validFrom),
  };
}

function fixtureProfessional(pro: Professional): FixtureProfessional {
  return {
    regno: pro.regno,
    given: pro.given,
    family: pro.family,
    title: pro.title,
    key: pair(pro.files.key, pro.files.cert),
    notBefore: new Date(pro.certificate.validFrom),
  };
}

function pair(keyFile: string, certFile: string): SigningKey {
  return { keyPem: readFileSync(keyFile, 'utf8'), certPem: readFileSync(certFile, 'utf8') };
}

/** Validity start of the committed fixture PKI's certificates (scripts/generate-fixture-pki.ts). */
export const FIXTURE_PKI_DATE = new Date('2026-01-02T08:00:00Z');

/** First document time of the committed fixtures: inside the fixture certificates' validity. */
export const COMMITTED_FIXTURES_DATE = new Date('2026-02-02T07:30:00Z');
