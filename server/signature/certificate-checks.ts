/**
 * Certificate checks of one signature. KeyInfo is only where the certificate is *found*: nothing about it
 * is believed until it chains to the trust store at signing time, was valid then, carries the key usage
 * its role needs, and names the organisation or professional the document says signed.
 */
import type { KeyObject, X509Certificate } from 'node:crypto';
import type { CertificateInfo } from '../pki/cert-info.js';
import type { CertificateTrust } from '../pki/trust-types.js';
import { RULES } from '../rules/catalogue.js';
import { violation, type RuleViolation } from '../rules/rule.js';
import { parseCertificate } from './certificate-cache.js';
import { MIN_RSA_MODULUS_BITS, REQUIRED_KEY_USAGE, type SignatureType } from './profile.js';
import type { CheckList } from './check-list.js';
import type { CertificateSummary, VerifyContext } from './signature-types.js';

export interface SignerCertificate {
  readonly x509: X509Certificate;
  readonly extra: readonly X509Certificate[];
  readonly info: CertificateInfo;
  readonly summary: CertificateSummary;
}

/** Parses the KeyInfo certificates (signer first); SIG_CERT_MISSING / SIG_CERT_INVALID / key type. */
export function readSignerCertificate(
  base64Certs: readonly string[],
  location: string,
): { cert?: SignerCertificate; violations: RuleViolation[] } {
  const [first, ...rest] = base64Certs;
  if (!first) {
    return {
      violations: [violation(RULES.SIG_CERT_MISSING, location, 'no KeyInfo/X509Data/X509Certificate')],
    };
  }
  let x509: X509Certificate;
  let extra: X509Certificate[];
  let info: CertificateInfo;
  let summary: CertificateSummary;
  let key: KeyObject;
  try {
    // Everything read from the certificate is read here: a DER that parses can still carry a validity
    // date or a public key that cannot be decoded, and either must be a refusal, never a crash.
    ({ x509, info } = parseCertificate(first));
    extra = rest.map((b) => parseCertificate(b).x509);
    summary = summarise(x509, info);
    key = x509.publicKey;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      violations: [violation(RULES.SIG_CERT_INVALID, location, `certificate cannot be read: ${why}`)],
    };
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== 'rsa' || bits < MIN_RSA_MODULUS_BITS) {
    return {
      cert: { x509, extra, info, summary },
      violations: [
        violation(
          RULES.SIG_ALGORITHM_NOT_ALLOWED,
          location,
          `signer key is ${key.asymmetricKeyType ?? 'unknown'} ${bits} bits; the profile requires RSA >= ${MIN_RSA_MODULUS_BITS}`,
        ),
      ],
    };
  }
  return { cert: { x509, extra, info, summary }, violations: [] };
}

/** Chain to a trust anchor, judged at the signing time. */
export function checkChain(
  cert: SignerCertificate,
  trust: CertificateTrust,
  at: Date,
): { trusted: boolean; reason?: string } {
  try {
    const result = trust.checkChain(cert.x509, at, cert.extra);
    return result.trusted ? { trusted: true } : { trusted: false, reason: result.reason };
  } catch (e) {
    // A trust store that throws must not turn into acceptance or a crash: it is an untrusted chain.
    return { trusted: false, reason: `trust check failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** notBefore <= signing time <= notAfter. */
export function checkValidityAt(cert: SignerCertificate, at: Date, location: string): RuleViolation[] {
  const from = new Date(cert.x509.validFrom);
  const to = new Date(cert.x509.validTo);
  if (at.getTime() < from.getTime() || at.getTime() > to.getTime()) {
    return [
      violation(
        RULES.SIG_CERT_NOT_VALID_AT_SIGNING,
        location,
        `signed at ${at.toISOString()}, certificate valid ${from.toISOString()} .. ${to.toISOString()}`,
      ),
    ];
  }
  return [];
}

/** Key usage bits required for the signature type. */
export function checkKeyUsage(
  cert: SignerCertificate,
  type: SignatureType,
  location: string,
): RuleViolation[] {
  const required = REQUIRED_KEY_USAGE[type];
  const present = cert.info.keyUsage;
  const missing = required.filter((u) => present?.[u] !== true);
  if (missing.length === 0) {
    return [];
  }
  const has = present
    ? Object.entries(present)
        .filter(([, on]) => on)
        .map(([name]) => name)
        .join(', ') || 'none'
    : 'no keyUsage extension';
  return [
    violation(
      RULES.SIG_CERT_KEY_USAGE,
      location,
      `${type} signature needs ${required.join(' + ')}; certificate has ${has} (missing ${missing.join(', ')})`,
    ),
  ];
}

/** System: subject serialNumber is the sender or the register keeper; professional: a header signer. */
export function checkSignerIdentity(
  cert: SignerCertificate,
  type: SignatureType,
  ctx: { senderOid: string; custodianOid: string; headerSignerRegNos: readonly string[] },
  location: string,
): RuleViolation[] {
  const sn = cert.info.subjectSerialNumber;
  if (type === 'system') {
    if (sn !== undefined && (sn === ctx.senderOid || sn === ctx.custodianOid)) {
      return [];
    }
    return [
      violation(
        RULES.SIG_SYSTEM_OID_MISMATCH,
        location,
        `certificate serialNumber "${sn ?? ''}"; expected sender ${ctx.senderOid} or register keeper ${ctx.custodianOid}`,
      ),
    ];
  }
  if (sn !== undefined && ctx.headerSignerRegNos.includes(sn)) {
    return [];
  }
  const named = ctx.headerSignerRegNos.length > 0 ? ctx.headerSignerRegNos.join(', ') : 'none';
  return [
    violation(
      RULES.SIG_PROFESSIONAL_MISMATCH,
      location,
      `certificate serialNumber "${sn ?? ''}"; header signers (assignedAuthorSigner): ${named}`,
    ),
  ];
}

/**
 * Judges chain, validity, key usage and signer identity into `list`. Each needs what an earlier check
 * established (a readable certificate, a signing time, a known type) and is skipped, saying why, without it.
 * A certificate that does not chain is only a warning in lenient trust mode, and only when the signature
 * itself verified.
 */
export function judgeCertificate(
  list: CheckList,
  cert: SignerCertificate | undefined,
  found: {
    readonly signingTime: Date | undefined;
    readonly type: SignatureType | undefined;
    readonly cryptoOk: boolean;
  },
  ctx: VerifyContext,
  certLocation: string,
): void {
  const { signingTime, type, cryptoOk } = found;
  if (!cert) {
    for (const name of ['chain', 'validity', 'key-usage', 'signer-identity'] as const) {
      list.skip(name, 'no-certificate');
    }
  } else {
    if (!signingTime) {
      list.skip('chain', 'no-signing-time');
      list.skip('validity', 'no-signing-time');
    } else {
      const chain = checkChain(cert, ctx.trust, signingTime);
      if (chain.trusted) {
        list.pass('chain', { code: 'chains-to-trusted-ca' });
      } else if (ctx.trustMode === 'lenient' && cryptoOk) {
        list.warn('chain', violation(RULES.SIG_CERT_UNTRUSTED_ACCEPTED, certLocation, chain.reason));
      } else {
        list.fail('chain', [violation(RULES.SIG_CERT_UNTRUSTED, certLocation, chain.reason)]);
      }
      list.judge('validity', checkValidityAt(cert, signingTime, certLocation), {
        code: 'valid-at',
        at: signingTime.toISOString(),
      });
    }
    if (!type) {
      list.skip('key-usage', 'unknown-type');
      list.skip('signer-identity', 'unknown-type');
    } else {
      list.judge('key-usage', checkKeyUsage(cert, type, certLocation));
      list.judge(
        'signer-identity',
        checkSignerIdentity(cert, type, ctx, certLocation),
        cert.info.subjectSerialNumber === undefined
          ? undefined
          : { code: 'signer-id', id: cert.info.subjectSerialNumber },
      );
    }
  }
}

function summarise(x509: X509Certificate, info: CertificateInfo): CertificateSummary {
  return {
    subject: x509.subject.replace(/\n/g, ', '),
    issuer: x509.issuer.replace(/\n/g, ', '),
    ...(info.subjectSerialNumber === undefined ? {} : { serialNumber: info.subjectSerialNumber }),
    certificateSerial: x509.serialNumber,
    notBefore: isoDate(x509.validFrom, 'notBefore'),
    notAfter: isoDate(x509.validTo, 'notAfter'),
    fingerprint: x509.fingerprint256,
  };
}

/** A validity date as ISO text; throws with the field's name when OpenSSL's text is not a date. */
function isoDate(text: string, field: string): string {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new Error(`its ${field} date "${text}" cannot be read`);
  }
  return date.toISOString();
}
