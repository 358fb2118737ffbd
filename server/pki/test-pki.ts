/**
 * The generated test PKI in `<data-dir>/pki/`: one root, two issuing CAs (service certificates, professional
 * certificates) and the archive's TLS server certificate. Generated once, atomically, on first start; loaded
 * (a few small file reads, no key generation) on every later start, so every tool using the same data
 * directory sees the same CAs. The CA keys are kept beside the certificates on purpose: this PKI exists to
 * issue test credentials with `kanta-sim org add` / `pro add`, and must never be trusted outside tests.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { KantaSimError } from '../errors.js';
import { writeDirAtomically } from './atomic-dir.js';
import {
  CA_VALIDITY_YEARS,
  LEAF_VALIDITY_YEARS,
  PROFESSIONAL_CA_DN,
  SERVICE_INTERMEDIATE_DN,
  intermediateCaProfile,
  organisationClientProfile,
  organisationSigningProfile,
  professionalProfile,
  rootCaProfile,
  serverProfile,
  DEFAULT_PKI_VALID_FROM,
  validityBetween,
  type Profile,
  type ProfessionalName,
} from './cert-profiles.js';
import {
  forgeCertificateFromPem,
  generateRsaKeyPair,
  issueCertificate,
  type IssuingCa,
  type KeyPairPem,
} from './issue.js';
import { buildPkcs12 } from './pkcs12.js';

/** File names inside `<data-dir>/pki/` (a contract: vendors point their clients at ca-bundle.pem). */
export const PKI_FILES = Object.freeze({
  caBundle: 'ca-bundle.pem',
  serviceRoot: 'service-root-ca.pem',
  serviceRootKey: 'service-root-ca.key',
  serviceIntermediate: 'service-ca.pem',
  serviceIntermediateKey: 'service-ca.key',
  professionalCa: 'professional-ca.pem',
  professionalCaKey: 'professional-ca.key',
  serverCert: 'server.pem',
  serverChain: 'server-chain.pem',
  serverKey: 'server.key',
  meta: 'pki.json',
});

/** A certificate issued to a client, with everything needed to use it. */
export interface IssuedCredential {
  /** The leaf certificate alone. */
  readonly certPem: string;
  readonly keyPem: string;
  /** The issuing CA and then the root. */
  readonly chainPems: readonly string[];
  /** Key, certificate and chain as PKCS#12 under the password given at issue. */
  readonly p12: Buffer;
}

export interface IssueOptions {
  readonly password: string;
  /** The issue time: validity lasts its years from here. Default now. */
  readonly now?: Date;
  /** Where validity starts; default the issuing CA's own start, so leaves cover the PKI's history. */
  readonly validFrom?: Date;
  /**
   * Certify this existing key pair instead of generating one. Only for training data that many
   * organisations share (a classroom's sandboxes): key generation is most of the cost of an organisation.
   */
  readonly keyPair?: KeyPairPem;
}

/** The loaded test PKI: the PEMs clients and the TLS server need, and the issue functions of the registries. */
export interface TestPki {
  readonly dir: string;
  /** Where the PKI's validity starts (its root's notBefore): no signature can be dated earlier. */
  readonly validFrom: Date;
  /** Everything a client must trust: root, service CA, professional CA. */
  readonly caBundlePem: string;
  /** The server's leaf certificate alone. */
  readonly serverCertPem: string;
  /** Server leaf + service CA: what the TLS server should present as `cert`. */
  readonly serverChainPem: string;
  readonly serverKeyPem: string;
  readonly serviceRootPem: string;
  readonly serviceIntermediatePem: string;
  readonly professionalCaPem: string;
  /** For a TrustStore: the self-signed root. */
  readonly anchorPems: readonly string[];
  /** For a TrustStore: the two issuing CAs. */
  readonly intermediatePems: readonly string[];
  issueOrganisationCredentials(
    oid: string,
    name: string,
    options: IssueOptions,
  ): Promise<{ client: IssuedCredential; signing: IssuedCredential }>;
  issueProfessionalCredential(pro: ProfessionalName, options: IssueOptions): Promise<IssuedCredential>;
}

export interface PkiOptions {
  /** The generation time (tests); validity lasts its years from here. Default now. */
  readonly now?: Date;
  /** Where the validity of a newly generated PKI starts; default DEFAULT_PKI_VALID_FROM (2008-01-01). */
  readonly validFrom?: Date;
}

/**
 * Loads `<data-dir>/pki/`, generating it first if it does not exist. The options shape a newly generated
 * PKI only: an existing one is kept as it is (re-keying it would orphan every credential it issued), and
 * `validFrom` of the loaded PKI says where it really starts.
 */
export async function ensureTestPki(dataDir: string, options: PkiOptions = {}): Promise<TestPki> {
  const dir = join(dataDir, 'pki');
  if (!existsSync(dir)) {
    await ensureDirectory(dataDir); // fail before spending a second on keys
    const files = await generatePkiFiles(
      options.now ?? new Date(),
      options.validFrom ?? DEFAULT_PKI_VALID_FROM,
    );
    // If another process created the PKI meanwhile, its copy wins and ours is discarded.
    await writeDirAtomically(dataDir, 'pki', files);
  }
  return loadTestPki(dir);
}

async function ensureDirectory(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (e) {
    throw new KantaSimError('DATA_DIR_INVALID', `cannot create ${path}: ${(e as Error).message}`, {
      cause: e,
    });
  }
}

async function generatePkiFiles(
  now: Date,
  validFrom: Date,
): Promise<{ name: string; content: string; secret?: boolean }[]> {
  const caValidity = validityBetween(validFrom, now, CA_VALIDITY_YEARS);
  const rootKeys = await generateRsaKeyPair();
  const root = issueCertificate({
    ...rootCaProfile(),
    ...caValidity,
    publicKeyPem: rootKeys.publicKeyPem,
    selfSignKeyPem: rootKeys.privateKeyPem,
  });
  const rootCa: IssuingCa = { cert: forgeCertificateFromPem(root), privateKeyPem: rootKeys.privateKeyPem };
  const service = await issueWith(rootCa, intermediateCaProfile(SERVICE_INTERMEDIATE_DN), caValidity);
  const professional = await issueWith(rootCa, intermediateCaProfile(PROFESSIONAL_CA_DN), caValidity);
  const serviceCa: IssuingCa = {
    cert: forgeCertificateFromPem(service.certPem),
    privateKeyPem: service.keyPem,
  };
  const server = await issueWith(
    serviceCa,
    serverProfile(),
    validityBetween(validFrom, now, LEAF_VALIDITY_YEARS),
  );
  return [
    { name: PKI_FILES.serviceRoot, content: root },
    { name: PKI_FILES.serviceRootKey, content: rootKeys.privateKeyPem, secret: true },
    { name: PKI_FILES.serviceIntermediate, content: service.certPem },
    { name: PKI_FILES.serviceIntermediateKey, content: service.keyPem, secret: true },
    { name: PKI_FILES.professionalCa, content: professional.certPem },
    { name: PKI_FILES.professionalCaKey, content: professional.keyPem, secret: true },
    { name: PKI_FILES.serverCert, content: server.certPem },
    { name: PKI_FILES.serverChain, content: server.certPem + service.certPem },
    { name: PKI_FILES.serverKey, content: server.keyPem, secret: true },
    { name: PKI_FILES.caBundle, content: root + service.certPem + professional.certPem },
    {
      name: PKI_FILES.meta,
      content:
        JSON.stringify(
          { version: 1, created: now.toISOString(), validFrom: caValidity.notBefore.toISOString() },
          null,
          2,
        ) + '\n',
    },
  ];
}

async function issueWith(
  ca: IssuingCa,
  profile: Profile,
  validity: { notBefore: Date; notAfter: Date },
  keyPair?: KeyPairPem,
): Promise<{ certPem: string; keyPem: string }> {
  const keys = keyPair ?? (await generateRsaKeyPair());
  const certPem = issueCertificate({ ...profile, ...validity, publicKeyPem: keys.publicKeyPem, issuer: ca });
  return { certPem, keyPem: keys.privateKeyPem };
}

/** A file of the PKI directory; DATA_DIR_INVALID naming it when it cannot be read. */
function readPkiFile(dir: string, name: string): string {
  try {
    return readFileSync(join(dir, name), 'utf8');
  } catch (e) {
    throw new KantaSimError('DATA_DIR_INVALID', `the test PKI in ${dir} is incomplete: cannot read ${name}`, {
      cause: e,
    });
  }
}

/** Issues a leaf under `ca` with its chain and a PKCS#12 bundle of the three. */
async function issueLeaf(ca: IssuingCa, chain: string[], profile: Profile, o: IssueOptions, alias: string) {
  // A leaf starts where its CA starts: the history the PKI was made for can be signed with it.
  const from = o.validFrom ?? new Date(new X509Certificate(chain[0] as string).validFrom);
  const { certPem, keyPem } = await issueWith(
    ca,
    profile,
    validityBetween(from, o.now ?? new Date(), LEAF_VALIDITY_YEARS),
    o.keyPair,
  );
  const p12 = buildPkcs12(keyPem, certPem, chain, o.password, alias);
  return { certPem, keyPem, chainPems: chain, p12 };
}

function loadTestPki(dir: string): TestPki {
  const read = (name: string): string => readPkiFile(dir, name);
  const serviceRootPem = read(PKI_FILES.serviceRoot);
  const serviceIntermediatePem = read(PKI_FILES.serviceIntermediate);
  const professionalCaPem = read(PKI_FILES.professionalCa);
  const serverCertPem = read(PKI_FILES.serverCert);
  for (const [name, pem] of [
    [PKI_FILES.serviceRoot, serviceRootPem],
    [PKI_FILES.serviceIntermediate, serviceIntermediatePem],
    [PKI_FILES.professionalCa, professionalCaPem],
    [PKI_FILES.serverCert, serverCertPem],
  ] as const) {
    try {
      new X509Certificate(pem);
    } catch (e) {
      throw new KantaSimError('DATA_DIR_INVALID', `${join(dir, name)} is not a certificate`, { cause: e });
    }
  }

  // CA keys are parsed only when something is issued: a server start never needs them.
  const lazyCa = (certPem: string, keyName: string): (() => IssuingCa) => {
    let ca: IssuingCa | undefined;
    return () => (ca ??= { cert: forgeCertificateFromPem(certPem), privateKeyPem: read(keyName) });
  };
  const serviceCa = lazyCa(serviceIntermediatePem, PKI_FILES.serviceIntermediateKey);
  const professionalCa = lazyCa(professionalCaPem, PKI_FILES.professionalCaKey);

  return {
    dir,
    validFrom: new Date(new X509Certificate(serviceRootPem).validFrom),
    caBundlePem: read(PKI_FILES.caBundle),
    serverCertPem,
    serverChainPem: read(PKI_FILES.serverChain),
    serverKeyPem: read(PKI_FILES.serverKey),
    serviceRootPem,
    serviceIntermediatePem,
    professionalCaPem,
    anchorPems: [serviceRootPem],
    intermediatePems: [serviceIntermediatePem, professionalCaPem],
    async issueOrganisationCredentials(oid, name, o) {
      const chain = [serviceIntermediatePem, serviceRootPem];
      const client = await issueLeaf(
        serviceCa(),
        chain,
        organisationClientProfile(oid, name),
        o,
        `${name} TLS`,
      );
      const signing = await issueLeaf(
        serviceCa(),
        chain,
        organisationSigningProfile(oid, name),
        o,
        `${name} signing`,
      );
      return { client, signing };
    },
    issueProfessionalCredential(pro, o) {
      const chain = [professionalCaPem, serviceRootPem];
      return issueLeaf(professionalCa(), chain, professionalProfile(pro), o, `${pro.given} ${pro.family}`);
    },
  };
}
