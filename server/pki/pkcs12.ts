/**
 * PKCS#12 bundles for clients that want one file (Java keystores, .NET, curl with --cert-type P12).
 * 3DES with a SHA-1 MAC is the most widely readable choice: OpenSSL 3 opens it without the legacy provider and
 * so do Java 8 and older .NET, which AES-based PBES2 bundles would lock out.
 */
import forge from 'node-forge';

/** The default password of every generated PKCS#12 file; the files are test credentials, never secrets. */
export const DEFAULT_P12_PASSWORD = 'kanta-sim';

/**
 * Builds a PKCS#12 file holding the private key, the certificate and its CA chain (issuer first, root last).
 * `friendlyName` is what keystore tools show as the alias.
 */
export function buildPkcs12(
  privateKeyPem: string,
  certPem: string,
  chainPems: readonly string[],
  password: string,
  friendlyName: string,
): Buffer {
  const key = forge.pki.privateKeyFromPem(privateKeyPem);
  const certs = [certPem, ...chainPems].map((pem) => forge.pki.certificateFromPem(pem));
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, password, { algorithm: '3des', friendlyName });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
