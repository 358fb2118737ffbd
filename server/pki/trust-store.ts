/**
 * The trust store: which CAs the archive believes, and the one place chains are built.
 *
 * Why it is built this way:
 * - Anchors are whatever the operator configured: the generated root, plus PEM/DER files with a vendor's own DVV
 *   TEST CA certificates. An anchor need not be self-signed (a vendor may only have DVV's issuing CA), so the
 *   chain ends at the first certificate that *is* an anchor, compared by fingerprint, never by name alone.
 * - Intermediates (ours, and those the sender put in KeyInfo) are only stepping stones: each must be a CA
 *   (basicConstraints cA) whose signature over the child verifies.
 * - Every certificate in the chain, the anchor included, must be valid at `at` (the signing or handshake time).
 * - Issuer matching and signature checks use node's X509Certificate (OpenSSL): checkIssued compares names and
 *   key identifiers, verify checks the signature with any RSA/ECDSA hash including the sha512WithRSA of DVV's
 *   real certificates. Successful (child, issuer) signature checks are cached by fingerprint, since the same few
 *   certificates sign every message.
 * - A trusted chain is remembered per certificate object for the span in which every link is valid: the
 *   Kanta interface hands the same peer certificate object for every request of a TLS connection, and
 *   building its chain again (name and key identifier matching in OpenSSL, validity dates) was ~0.02 ms of
 *   the event loop per archived document (issue 17). Within that span the chain is trusted whatever `at`
 *   is, so the verdict cannot change (with several issuers another path could be found first, trusted
 *   just the same); only a refusal is worked out anew each time.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { KantaSimError } from '../errors.js';
import type { CertificateTrust, ChainResult } from './trust-types.js';

/** Longer chains than this are refused: DVV's are three deep, and a loop must not spin. */
const MAX_CHAIN_LENGTH = 6;

/** A trusted chain and the span (epoch milliseconds, inclusive) in which every certificate of it is valid. */
interface TrustedSpan {
  readonly result: ChainResult;
  readonly from: number;
  readonly to: number;
}

/** A trust store as plain data (see TrustStore.toPems / TrustStore.fromPems). */
export interface TrustStorePems {
  readonly anchorPems: readonly string[];
  readonly intermediatePems: readonly string[];
}

export interface TrustStoreSources {
  readonly anchors: readonly X509Certificate[];
  readonly intermediates?: readonly X509Certificate[];
}

/** Chain building against configured trust anchors; see the block comment above for the rules. */
export class TrustStore implements CertificateTrust {
  private readonly anchors: ReadonlyMap<string, X509Certificate>;
  private readonly intermediates: readonly X509Certificate[];
  private readonly verified = new Map<string, boolean>();
  private readonly trustedChains = new WeakMap<X509Certificate, TrustedSpan>();

  constructor(sources: TrustStoreSources) {
    this.anchors = new Map(sources.anchors.map((c) => [c.fingerprint256, c]));
    this.intermediates = sources.intermediates ?? [];
  }

  /** Builds a store from PEM texts; each text may hold several certificates. Throws CERT_INVALID on bad PEM. */
  static fromPems(anchorPems: readonly string[], intermediatePems: readonly string[] = []): TrustStore {
    return new TrustStore({
      anchors: anchorPems.flatMap((p) => parseCertificates(p, 'a trust anchor')),
      intermediates: intermediatePems.flatMap((p) => parseCertificates(p, 'an intermediate certificate')),
    });
  }

  /** A copy of this store that also trusts every certificate in the given PEM or DER files. */
  withAnchorFiles(paths: readonly string[]): TrustStore {
    return new TrustStore({
      anchors: [...this.anchors.values(), ...paths.flatMap(loadCertificateFile)],
      intermediates: this.intermediates,
    });
  }

  /** The anchors, e.g. for a TLS server's `ca` option. */
  anchorCertificates(): X509Certificate[] {
    return [...this.anchors.values()];
  }

  /**
   * The store as PEM texts, so that another thread (the signature verification workers) can rebuild an
   * identical store: X509Certificate objects cannot cross a worker boundary.
   */
  toPems(): TrustStorePems {
    return {
      anchorPems: [...this.anchors.values()].map((c) => c.toString()),
      intermediatePems: this.intermediates.map((c) => c.toString()),
    };
  }

  checkChain(cert: X509Certificate, at: Date, extra: readonly X509Certificate[] = []): ChainResult {
    const known = extra.length === 0 ? this.trustedChains.get(cert) : undefined;
    const t = at.getTime();
    if (known && t >= known.from && t <= known.to) {
      return known.result;
    }
    const pool = [...this.anchors.values(), ...this.intermediates, ...extra];
    const result = this.extend([cert], at, pool);
    if (result.trusted && extra.length === 0) {
      this.trustedChains.set(cert, {
        result,
        from: Math.max(...result.chain.map((c) => Date.parse(c.validFrom))),
        to: Math.min(...result.chain.map((c) => Date.parse(c.validTo))),
      });
    }
    return result;
  }

  private extend(chain: X509Certificate[], at: Date, pool: readonly X509Certificate[]): ChainResult {
    const current = chain[chain.length - 1]!;
    const expired = validityProblem(current, at);
    if (expired !== undefined) {
      return { trusted: false, reason: expired };
    }
    if (this.anchors.has(current.fingerprint256)) {
      return { trusted: true, chain };
    }
    if (chain.length >= MAX_CHAIN_LENGTH) {
      return {
        trusted: false,
        reason: `the chain of ${describe(chain[0]!)} is longer than ${MAX_CHAIN_LENGTH}`,
      };
    }
    const candidates = pool.filter(
      (c) =>
        c.ca && !chain.some((seen) => seen.fingerprint256 === c.fingerprint256) && current.checkIssued(c),
    );
    let lastFailure: ChainResult | undefined;
    for (const issuer of candidates) {
      if (!this.signedBy(current, issuer)) {
        lastFailure = {
          trusted: false,
          reason: `the signature of ${describe(current)} does not verify with its issuer's key`,
        };
        continue;
      }
      const result = this.extend([...chain, issuer], at, pool);
      if (result.trusted) {
        return result;
      }
      lastFailure = result;
    }
    return (
      lastFailure ?? {
        trusted: false,
        reason: `no trusted CA issued ${describe(current)} (issuer ${oneLine(current.issuer)})`,
      }
    );
  }

  private signedBy(child: X509Certificate, issuer: X509Certificate): boolean {
    const key = `${child.fingerprint256}|${issuer.fingerprint256}`;
    let ok = this.verified.get(key);
    if (ok === undefined) {
      try {
        ok = child.verify(issuer.publicKey);
      } catch {
        ok = false;
      }
      this.verified.set(key, ok);
    }
    return ok;
  }
}

function validityProblem(cert: X509Certificate, at: Date): string | undefined {
  const from = new Date(cert.validFrom);
  const to = new Date(cert.validTo);
  if (at < from) {
    return `${describe(cert)} is not valid before ${from.toISOString()} (checked at ${at.toISOString()})`;
  }
  if (at > to) {
    return `${describe(cert)} expired at ${to.toISOString()} (checked at ${at.toISOString()})`;
  }
  return undefined;
}

function oneLine(name: string): string {
  return name.split('\n').join(', ');
}

function describe(cert: X509Certificate): string {
  return `certificate "${oneLine(cert.subject)}"`;
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Every certificate in a PEM text. Throws CERT_INVALID (naming `what`) if there is none or one is broken. */
export function parseCertificates(pem: string, what: string): X509Certificate[] {
  const blocks = pem.match(PEM_CERT) ?? [];
  if (blocks.length === 0) {
    throw new KantaSimError('CERT_INVALID', `${what} contains no PEM certificate`);
  }
  return blocks.map((b) => {
    try {
      return new X509Certificate(b);
    } catch (e) {
      throw new KantaSimError('CERT_INVALID', `${what} contains an unreadable certificate`, { cause: e });
    }
  });
}

/** Loads the certificates of a PEM bundle or a single DER file (.crt/.cer as DVV publishes them). */
export function loadCertificateFile(path: string): X509Certificate[] {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (e) {
    throw new KantaSimError('CERT_INVALID', `trust anchor file ${path} cannot be read`, { cause: e });
  }
  const text = data.toString('latin1');
  if (text.includes('-----BEGIN')) {
    return parseCertificates(text, `trust anchor file ${path}`);
  }
  try {
    return [new X509Certificate(data)];
  } catch (e) {
    throw new KantaSimError(
      'CERT_INVALID',
      `trust anchor file ${path} is neither PEM nor a DER certificate`,
      { cause: e },
    );
  }
}

/** The trust store of a test PKI plus configured extra anchor files (vendors' DVV TEST CA certificates). */
export function createTrustStore(
  pki: { readonly anchorPems: readonly string[]; readonly intermediatePems: readonly string[] },
  extraAnchorFiles: readonly string[] = [],
): TrustStore {
  return TrustStore.fromPems(pki.anchorPems, pki.intermediatePems).withAnchorFiles(extraAnchorFiles);
}
