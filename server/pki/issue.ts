/**
 * The mechanics of issuing one certificate: native RSA key generation, forge to assemble the TBSCertificate,
 * and native signing. forge's pure-JS key generation takes seconds per key and its pure-JS RSA signing is slow,
 * so forge only builds the ASN.1 and node's OpenSSL does the arithmetic.
 */
import { generateKeyPair, randomBytes, sign } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';
import { issuerAttributesOf, toForgeAttributes, type DistinguishedName } from './dn.js';

const generateKeyPairAsync = promisify(generateKeyPair);

/** An RSA key pair as PEM: SPKI public key, unencrypted PKCS#8 private key (what curl and node read). */
export interface KeyPairPem {
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
}

/** Generates a 2048-bit RSA key pair in OpenSSL, off the event loop. */
export async function generateRsaKeyPair(): Promise<KeyPairPem> {
  const { publicKey, privateKey } = await generateKeyPairAsync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

/** A CA able to issue: its certificate (parsed by forge, for names and key identifiers) and its private key. */
export interface IssuingCa {
  readonly cert: forge.pki.Certificate;
  readonly privateKeyPem: string;
}

/** forge's extension objects are loosely typed records (name + flags); see forge's x509 `setExtensions`. */
export type ForgeExtension = Record<string, unknown> & { readonly name: string };

export interface CertificateRequest {
  readonly subject: DistinguishedName;
  readonly publicKeyPem: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Profile extensions; subject and authority key identifiers are added here. */
  readonly extensions: readonly ForgeExtension[];
  /** The issuing CA; absent for a self-signed root, which is then signed with `selfSignKeyPem`. */
  readonly issuer?: IssuingCa;
  readonly selfSignKeyPem?: string;
}

// forge has getTBSCertificate but its typings do not declare it.
interface ForgePkiInternals {
  getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1;
}

/** Issues a certificate and returns it as PEM. Signed with sha256WithRSAEncryption. */
export function issueCertificate(req: CertificateRequest): string {
  const signingKeyPem = req.issuer?.privateKeyPem ?? req.selfSignKeyPem;
  if (signingKeyPem === undefined) {
    throw new Error('issueCertificate: an issuer or a self-signing key is required');
  }
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(req.publicKeyPem);
  cert.serialNumber = randomSerialHex();
  cert.validity.notBefore = req.notBefore;
  cert.validity.notAfter = req.notAfter;
  cert.setSubject(toForgeAttributes(req.subject));
  cert.setIssuer(
    req.issuer === undefined ? toForgeAttributes(req.subject) : issuerAttributesOf(req.issuer.cert),
  );
  // The AKI is the SHA-1 of the issuer's key, the same method forge used for that issuer's own SKI.
  const authorityKeyId =
    req.issuer === undefined ? true : req.issuer.cert.generateSubjectKeyIdentifier().getBytes();
  cert.setExtensions([
    ...req.extensions,
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: authorityKeyId },
  ]);

  cert.signatureOid = forge.pki.oids.sha256WithRSAEncryption;
  cert.siginfo.algorithmOid = forge.pki.oids.sha256WithRSAEncryption;
  const tbs = (forge.pki as unknown as ForgePkiInternals).getTBSCertificate(cert);
  cert.tbsCertificate = tbs;
  const tbsDer = Buffer.from(forge.asn1.toDer(tbs).getBytes(), 'binary');
  cert.signature = sign('sha256', tbsDer, signingKeyPem).toString('binary');
  return forge.pki.certificateToPem(cert);
}

/** A positive 128-bit serial number whose DER encoding is minimal (first byte 0x01..0x7f). */
function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x01;
  return bytes.toString('hex');
}

/** Parses a PEM certificate with forge (only for certificates this PKI made; forge rejects some others). */
export function forgeCertificateFromPem(pem: string): forge.pki.Certificate {
  return forge.pki.certificateFromPem(pem);
}
