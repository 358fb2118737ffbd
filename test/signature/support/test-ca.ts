/**
 * A tiny CA for the signature tests: node crypto makes the RSA keys (fast), node-forge writes the
 * certificates (so key usage, subject serialNumber and validity can be set to anything, including wrong).
 * Independent of server/pki on purpose: these tests need broken certificates the real PKI never issues.
 */
import { X509Certificate, generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import type { ChainResult, CertificateTrust } from '../../../server/pki/trust-types.js';

export interface KeyPair {
  readonly keyPem: string;
  readonly publicPem: string;
}

export interface IssuedCert {
  readonly certPem: string;
  readonly keyPem: string;
  readonly x509: X509Certificate;
}

export interface LeafOptions {
  readonly commonName: string;
  /** Subject serialNumber: organisation OID or registration number. */
  readonly serialNumber?: string;
  readonly keyUsage: { digitalSignature?: boolean; nonRepudiation?: boolean; keyEncipherment?: boolean };
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  /** Use this key instead of a fresh one. */
  readonly key?: KeyPair;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** A fresh 2048-bit RSA key pair. */
export function rsaKey(bits = 2048): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return {
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** A self-signed CA certificate. */
export function createCa(commonName = 'kanta-sim signature test CA'): IssuedCert {
  const key = rsaKey();
  const cert = baseCert(
    key,
    [{ name: 'commonName', value: commonName }],
    new Date(Date.now() - 10 * YEAR_MS),
    new Date(Date.now() + 10 * YEAR_MS),
  );
  cert.setIssuer(cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(key.keyPem), forge.md.sha256.create());
  return finish(cert, key);
}

/** A leaf certificate issued by `ca`, or self-signed when `ca` is undefined (the attacker's). */
export function issueLeaf(ca: IssuedCert | undefined, opts: LeafOptions): IssuedCert {
  const key = opts.key ?? rsaKey();
  const subject: forge.pki.CertificateField[] = [{ name: 'countryName', value: 'FI' }];
  if (opts.serialNumber !== undefined) {
    subject.push({ type: '2.5.4.5', value: opts.serialNumber });
  }
  subject.push({ name: 'commonName', value: opts.commonName });
  const cert = baseCert(
    key,
    subject,
    opts.notBefore ?? new Date(Date.now() - 2 * YEAR_MS),
    opts.notAfter ?? new Date(Date.now() + 2 * YEAR_MS),
  );
  const caCert = ca ? forge.pki.certificateFromPem(ca.certPem) : undefined;
  cert.setIssuer(caCert ? caCert.subject.attributes : cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, ...opts.keyUsage },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(ca ? ca.keyPem : key.keyPem), forge.md.sha256.create());
  return finish(cert, key);
}

function baseCert(
  key: KeyPair,
  subject: forge.pki.CertificateField[],
  notBefore: Date,
  notAfter: Date,
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(key.publicPem);
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  cert.setSubject(subject);
  return cert;
}

function finish(cert: forge.pki.Certificate, key: KeyPair): IssuedCert {
  const certPem = forge.pki.certificateToPem(cert);
  return { certPem, keyPem: key.keyPem, x509: new X509Certificate(certPem) };
}

/** A CertificateTrust over explicit anchors: issuer signature and validity at `at` along the chain. */
export class AnchorTrust implements CertificateTrust {
  constructor(private readonly anchors: readonly X509Certificate[]) {}

  checkChain(cert: X509Certificate, at: Date, extra: readonly X509Certificate[] = []): ChainResult {
    const chain: X509Certificate[] = [];
    let current = cert;
    for (let depth = 0; depth < 5; depth++) {
      if (!validAt(current, at)) {
        return {
          trusted: false,
          reason: `${current.subject.replace(/\n/g, ', ')} is not valid at ${at.toISOString()}`,
        };
      }
      chain.push(current);
      const anchor = this.anchors.find((a) => a.fingerprint256 === current.fingerprint256);
      if (anchor) {
        return { trusted: true, chain };
      }
      const issuer = [...this.anchors, ...extra].find(
        (c) => current.checkIssued(c) && current.verify(c.publicKey),
      );
      if (!issuer) {
        return { trusted: false, reason: 'no trusted issuer found' };
      }
      current = issuer;
    }
    return { trusted: false, reason: 'chain too long' };
  }
}

/** Trusts nothing: for the real samples, whose DVV TEST CAs are not shipped. */
export const TRUST_NOTHING: CertificateTrust = {
  checkChain: () => ({ trusted: false, reason: 'no trust anchors configured' }),
};

function validAt(c: X509Certificate, at: Date): boolean {
  return new Date(c.validFrom).getTime() <= at.getTime() && at.getTime() <= new Date(c.validTo).getTime();
}

/** A professional (registration number 25104559650) and an organisation's system certificate by `ca`. */
export function issuePlanSigners(
  ca: IssuedCert,
  senderOid: string,
): { readonly professional: IssuedCert; readonly system: IssuedCert } {
  return {
    professional: issueLeaf(ca, {
      commonName: 'Johansson Angelica 25104559650',
      serialNumber: '25104559650',
      keyUsage: { nonRepudiation: true },
    }),
    system: issueLeaf(ca, {
      commonName: 'Asiakastietojärjestelmä',
      serialNumber: senderOid,
      keyUsage: { digitalSignature: true, nonRepudiation: true },
    }),
  };
}
