/**
 * What the signature verifier and the TLS layer need from the trust store. Kept as an interface so that
 * signature code does not depend on how anchors are loaded (generated test PKI, a vendor's DVV TEST CAs).
 */
import type { X509Certificate } from 'node:crypto';

export type ChainResult =
  | { readonly trusted: true; readonly chain: readonly X509Certificate[] }
  | { readonly trusted: false; readonly reason: string };

export interface CertificateTrust {
  /**
   * Whether `cert` chains to a trust anchor, with every certificate of the chain valid at `at`.
   * `extra` are intermediates the sender supplied (e.g. further X509Certificate elements in KeyInfo).
   */
  checkChain(cert: X509Certificate, at: Date, extra?: readonly X509Certificate[]): ChainResult;
}
