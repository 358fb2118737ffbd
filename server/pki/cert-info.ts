/**
 * What a certificate says about its holder, read straight from the DER: subject attributes (serialNumber =
 * organisation OID or registration number, title), validity, key usage. forge.pki.certificateFromPem refuses
 * some real certificates (it insists on RSA keys and chokes on some extensions), so only forge's tolerant ASN.1
 * reader is used here, and node's X509Certificate for everything it already exposes.
 */
import type { X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { KantaSimError } from '../errors.js';

/** The nine bits of the keyUsage extension (RFC 5280 4.2.1.3); nonRepudiation is also called contentCommitment. */
export interface KeyUsageFlags {
  readonly digitalSignature: boolean;
  readonly nonRepudiation: boolean;
  readonly keyEncipherment: boolean;
  readonly dataEncipherment: boolean;
  readonly keyAgreement: boolean;
  readonly keyCertSign: boolean;
  readonly cRLSign: boolean;
  readonly encipherOnly: boolean;
  readonly decipherOnly: boolean;
}

const KEY_USAGE_BITS: readonly (keyof KeyUsageFlags)[] = [
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

export interface NameAttribute {
  /** Short name where one is common (CN, O, serialNumber, title, GN, SN...), else the dotted OID. */
  readonly type: string;
  readonly value: string;
}

export interface CertificateInfo {
  /** "C=FI, O=..., CN=..." in certificate order. */
  readonly subject: string;
  readonly issuer: string;
  readonly subjectAttributes: readonly NameAttribute[];
  readonly issuerAttributes: readonly NameAttribute[];
  /** The subject's serialNumber attribute: organisation OID (service certs), registration number (professionals). */
  readonly subjectSerialNumber?: string;
  readonly title?: string;
  readonly commonName?: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly organisation?: string;
  /** The certificate's own serial number, hex as node prints it. */
  readonly serialNumberHex: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Absent when the certificate has no keyUsage extension (then usage is not restricted by it). */
  readonly keyUsage?: KeyUsageFlags;
  readonly keyUsageCritical: boolean;
  /** Extended key usage OIDs, e.g. 1.3.6.1.5.5.7.3.2 for clientAuth. */
  readonly extendedKeyUsage: readonly string[];
  readonly isCa: boolean;
  readonly signatureAlgorithmOid: string;
  readonly fingerprint256: string;
}

const ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.42': 'GN',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

const KEY_USAGE_OID = '2.5.29.15';
const { Class, Type } = forge.asn1;

/** Describes a certificate. Throws CERT_INVALID if its DER cannot be read (node accepted it, so rarely). */
export function describeCertificate(cert: X509Certificate): CertificateInfo {
  let tbs: forge.asn1.Asn1[];
  let signatureAlgorithmOid: string;
  try {
    const root = fromDer(cert.raw.toString('binary'));
    tbs = children(children(root)[0]);
    signatureAlgorithmOid = forge.asn1.derToOid(bytes(children(children(root)[1])[0]));
  } catch (e) {
    throw new KantaSimError('CERT_INVALID', `the certificate cannot be parsed: ${(e as Error).message}`, {
      cause: e,
    });
  }
  // The version field [0] is optional (absent means v1), so every later field is found relative to it.
  const first = tbs[0];
  const offset = first !== undefined && first.tagClass === Class.CONTEXT_SPECIFIC && first.type === 0 ? 1 : 0;
  const issuerAttributes = readName(tbs[offset + 2]);
  const subjectAttributes = readName(tbs[offset + 4]);
  const keyUsageExt = findExtension(tbs, KEY_USAGE_OID);
  const attr = (type: string): string | undefined => subjectAttributes.find((a) => a.type === type)?.value;
  return {
    subject: formatName(subjectAttributes),
    issuer: formatName(issuerAttributes),
    subjectAttributes,
    issuerAttributes,
    subjectSerialNumber: attr('serialNumber'),
    title: attr('title'),
    commonName: attr('CN'),
    givenName: attr('GN'),
    surname: attr('SN'),
    organisation: attr('O'),
    serialNumberHex: cert.serialNumber,
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
    keyUsage: keyUsageExt === undefined ? undefined : parseKeyUsage(keyUsageExt.value),
    keyUsageCritical: keyUsageExt?.critical ?? false,
    extendedKeyUsage: cert.keyUsage ?? [],
    isCa: cert.ca,
    signatureAlgorithmOid,
    fingerprint256: cert.fingerprint256,
  };
}

// forge's typings only declare fromDer's old boolean `strict` argument, not its options object.
type FromDer = (
  bytes: forge.util.ByteStringBuffer,
  options: { decodeBitStrings: boolean },
) => forge.asn1.Asn1;

/** decodeBitStrings: false keeps BIT STRINGs (keyUsage, keys) as bytes instead of guessing at nested ASN.1. */
function fromDer(binary: string): forge.asn1.Asn1 {
  return (forge.asn1.fromDer as unknown as FromDer)(forge.util.createBuffer(binary), {
    decodeBitStrings: false,
  });
}

function children(node: forge.asn1.Asn1 | undefined): forge.asn1.Asn1[] {
  if (node === undefined || !Array.isArray(node.value)) {
    throw new Error('unexpected certificate structure');
  }
  return node.value;
}

function bytes(node: forge.asn1.Asn1 | undefined): string {
  if (node === undefined || typeof node.value !== 'string') {
    throw new Error('unexpected certificate structure');
  }
  return node.value;
}

/** Name ::= SEQUENCE OF SET OF AttributeTypeAndValue. */
function readName(name: forge.asn1.Asn1 | undefined): NameAttribute[] {
  const out: NameAttribute[] = [];
  for (const rdn of children(name)) {
    for (const atv of children(rdn)) {
      const [type, value] = children(atv);
      const oid = forge.asn1.derToOid(bytes(type));
      out.push({ type: ATTRIBUTE_NAMES[oid] ?? oid, value: decodeString(value) });
    }
  }
  return out;
}

function decodeString(node: forge.asn1.Asn1 | undefined): string {
  const raw = bytes(node);
  switch (node?.type) {
    case Type.UTF8:
      return forge.util.decodeUtf8(raw);
    case Type.BMPSTRING:
      return Buffer.from(raw, 'binary').swap16().toString('utf16le');
    default:
      // PrintableString, IA5String, TeletexString: single-byte strings.
      return Buffer.from(raw, 'binary').toString('latin1');
  }
}

/** RFC 4514 escaping, so that a comma inside a title cannot be mistaken for a separator. */
function formatName(attrs: readonly NameAttribute[]): string {
  return attrs.map((a) => `${a.type}=${a.value.replace(/([,+"\\<>;=])/g, '\\$1')}`).join(', ');
}

function findExtension(
  tbs: forge.asn1.Asn1[],
  oid: string,
): { critical: boolean; value: string } | undefined {
  const wrapper = tbs.find((n) => n.tagClass === Class.CONTEXT_SPECIFIC && n.type === 3);
  if (wrapper === undefined) {
    return undefined;
  }
  for (const ext of children(children(wrapper)[0])) {
    const parts = children(ext);
    if (forge.asn1.derToOid(bytes(parts[0])) !== oid) {
      continue;
    }
    // Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
    const critical = parts.length === 3 && bytes(parts[1]).charCodeAt(0) !== 0;
    return { critical, value: bytes(parts[parts.length - 1]) };
  }
  return undefined;
}

/** extnValue holds a BIT STRING: tag, length, unused-bit count, then the bits, most significant first. */
function parseKeyUsage(extnValue: string): KeyUsageFlags {
  const bitString = fromDer(extnValue);
  const raw = bytes(bitString);
  const bits = Buffer.from(raw.slice(1), 'binary');
  const flags: Record<string, boolean> = {};
  KEY_USAGE_BITS.forEach((name, i) => {
    const byte = bits[i >> 3] ?? 0;
    flags[name] = (byte & (0x80 >> (i & 7))) !== 0;
  });
  return flags as unknown as KeyUsageFlags;
}
