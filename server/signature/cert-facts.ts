/**
 * The two certificate facts the signature profile needs that node's X509Certificate does not expose:
 * the subject's serialNumber attribute (organisation OID or professional registration number) and the
 * keyUsage bits. Read with a small bounds-checked DER walker rather than a full certificate parser, so
 * that an unusual signature algorithm on the certificate itself (sha512WithRSA, PSS) cannot make it
 * unreadable. Kept inside server/signature/ because server/pki/cert-info.ts did not exist yet.
 */
import type { KeyUsageName } from './profile.js';

export interface CertFacts {
  /** Subject serialNumber (2.5.4.5); the first one when several are present. */
  readonly subjectSerialNumber?: string;
  /** Key usage bits present; undefined when the certificate has no keyUsage extension. */
  readonly keyUsage?: ReadonlySet<KeyUsageName>;
}

interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
}

const OID_SERIAL_NUMBER = Buffer.from([0x55, 0x04, 0x05]);
const OID_KEY_USAGE = Buffer.from([0x55, 0x1d, 0x0f]);
const KEY_USAGE_BITS: readonly KeyUsageName[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

/** Reads the facts from DER; throws Error on malformed DER (callers map that to SIG_CERT_INVALID). */
export function readCertFacts(der: Buffer): CertFacts {
  const cert = readTlv(der, 0, der.length);
  const tbs = children(der, cert)[0];
  if (!tbs) {
    throw new Error('certificate has no tbsCertificate');
  }
  const fields = children(der, tbs);
  const offset = fields[0]?.tag === 0xa0 ? 1 : 0;
  const subject = fields[offset + 4];
  if (!subject) {
    throw new Error('certificate has no subject');
  }
  const extensions = fields.find((f) => f.tag === 0xa3);
  const subjectSerialNumber = findSubjectSerialNumber(der, subject);
  const keyUsage = extensions ? findKeyUsage(der, extensions) : undefined;
  return {
    ...(subjectSerialNumber === undefined ? {} : { subjectSerialNumber }),
    ...(keyUsage === undefined ? {} : { keyUsage }),
  };
}

function findSubjectSerialNumber(der: Buffer, subject: Tlv): string | undefined {
  for (const rdn of children(der, subject)) {
    for (const atv of children(der, rdn)) {
      const [oid, value] = children(der, atv);
      if (oid && value && oid.tag === 0x06 && der.subarray(oid.start, oid.end).equals(OID_SERIAL_NUMBER)) {
        return decodeString(der, value);
      }
    }
  }
  return undefined;
}

function findKeyUsage(der: Buffer, extensionsWrapper: Tlv): Set<KeyUsageName> | undefined {
  const list = children(der, extensionsWrapper)[0];
  for (const ext of list ? children(der, list) : []) {
    const parts = children(der, ext);
    const oid = parts[0];
    const octets = parts[parts.length - 1];
    if (!oid || !octets || oid.tag !== 0x06 || !der.subarray(oid.start, oid.end).equals(OID_KEY_USAGE)) {
      continue;
    }
    const bits = readTlv(der, octets.start, octets.end);
    if (bits.tag !== 0x03 || bits.end - bits.start < 1) {
      throw new Error('keyUsage is not a BIT STRING');
    }
    const out = new Set<KeyUsageName>();
    KEY_USAGE_BITS.forEach((name, i) => {
      const byte = der[bits.start + 1 + (i >> 3)];
      if (bits.start + 1 + (i >> 3) < bits.end && byte !== undefined && (byte & (0x80 >> (i & 7))) !== 0) {
        out.add(name);
      }
    });
    return out;
  }
  return undefined;
}

function decodeString(der: Buffer, v: Tlv): string {
  const bytes = der.subarray(v.start, v.end);
  if (v.tag === 0x1e) {
    // BMPString is UTF-16BE; swap to little-endian for Buffer's decoder.
    const le = Buffer.from(bytes);
    le.swap16();
    return le.toString('utf16le');
  }
  return v.tag === 0x0c ? bytes.toString('utf8') : bytes.toString('latin1');
}

function children(der: Buffer, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let at = parent.start;
  while (at < parent.end) {
    const t = readTlv(der, at, parent.end);
    out.push(t);
    at = t.end;
  }
  return out;
}

function readTlv(der: Buffer, at: number, limit: number): Tlv {
  const tag = der[at];
  let lenByte = der[at + 1];
  if (tag === undefined || lenByte === undefined || (tag & 0x1f) === 0x1f) {
    throw new Error('truncated or unsupported DER tag');
  }
  let start = at + 2;
  let length = lenByte;
  if (lenByte & 0x80) {
    const n = lenByte & 0x7f;
    if (n === 0 || n > 4) {
      throw new Error('unsupported DER length');
    }
    length = 0;
    for (let i = 0; i < n; i++) {
      lenByte = der[start + i];
      if (lenByte === undefined) {
        throw new Error('truncated DER length');
      }
      length = length * 256 + lenByte;
    }
    start += n;
  }
  const end = start + length;
  if (end > limit) {
    throw new Error('DER value runs past its container');
  }
  return { tag, start, end };
}
