/**
 * Caches for the signer certificates: the same few certificates sign document after document, so each
 * is parsed once (X509Certificate plus pki's reading of its subject and key usage) and its public key becomes one KeyObject, found by
 * the certificate's SHA-256 fingerprint. Reusing one KeyObject also lets OpenSSL keep the RSA key's
 * precomputed state between verifications.
 *
 * Only parsing is cached, never a verdict: chain, validity, key usage and identity are judged per
 * document, at that document's signing time.
 */
import { X509Certificate, type KeyObject } from 'node:crypto';
import { describeCertificate, type CertificateInfo } from '../pki/cert-info.js';

/** Enough for every signer of a realistic test run; when full, a cache starts over (no LRU needed). */
const MAX_ENTRIES = 512;

export interface ParsedCertificate {
  readonly x509: X509Certificate;
  readonly info: CertificateInfo;
}

const parsed = new Map<string, ParsedCertificate>();
const keys = new Map<string, KeyObject>();

/**
 * Parses the base64 DER text of a KeyInfo certificate; throws like `new X509Certificate` for bytes that
 * are not a certificate (failures are not cached).
 */
export function parseCertificate(base64Der: string): ParsedCertificate {
  const cached = parsed.get(base64Der);
  if (cached) {
    return cached;
  }
  const der = Buffer.from(base64Der, 'base64');
  const x509 = new X509Certificate(der);
  if (x509.raw.length !== der.length) {
    // OpenSSL reads one certificate and ignores what follows; a KeyInfo certificate is exactly one.
    throw new Error(`${der.length - x509.raw.length} bytes follow the certificate's DER`);
  }
  const entry = Object.freeze({ x509, info: describeCertificate(x509) });
  remember(parsed, base64Der, entry);
  return entry;
}

/** The public key of `cert`; the same KeyObject for the same certificate bytes. */
export function signerKey(cert: X509Certificate): KeyObject {
  // fingerprint256 is the SHA-256 of the DER bytes, so equal fingerprints mean the same certificate.
  const fingerprint = cert.fingerprint256;
  const cached = keys.get(fingerprint);
  if (cached) {
    return cached;
  }
  const key = cert.publicKey;
  remember(keys, fingerprint, key);
  return key;
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= MAX_ENTRIES) {
    map.clear();
  }
  map.set(key, value);
}
