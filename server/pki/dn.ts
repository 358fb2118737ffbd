/**
 * Distinguished names for the test PKI, encoded the way DVV encodes them: country and serialNumber as
 * PrintableString, every other attribute as UTF8String. forge writes PrintableString by default, which would
 * mangle ä and ö, so every attribute states its string type explicitly here.
 */
import forge from 'node-forge';

/** The attribute types the test PKI uses (short names as OpenSSL and node print them). */
export const DN_ATTRIBUTE_OIDS = Object.freeze({
  C: '2.5.4.6',
  ST: '2.5.4.8',
  L: '2.5.4.7',
  O: '2.5.4.10',
  OU: '2.5.4.11',
  CN: '2.5.4.3',
  serialNumber: '2.5.4.5',
  title: '2.5.4.12',
  GN: '2.5.4.42',
  SN: '2.5.4.4',
});

export type DnAttributeType = keyof typeof DN_ATTRIBUTE_OIDS;

/** One attribute of a distinguished name, in the order it should appear in the certificate. */
export interface DnAttribute {
  readonly type: DnAttributeType;
  readonly value: string;
}

export type DistinguishedName = readonly DnAttribute[];

// X.520 says countryName and serialNumber are PrintableString; DVV's certificates follow that.
const PRINTABLE_TYPES: ReadonlySet<DnAttributeType> = new Set<DnAttributeType>(['C', 'serialNumber']);

// forge's typings declare valueTagClass as asn1.Class although forge stores the universal tag (asn1.Type) there.
function tagClass(type: forge.asn1.Type): forge.asn1.Class {
  return type as number as forge.asn1.Class;
}

/** Converts a name to forge's attribute list (for setSubject / setIssuer). */
export function toForgeAttributes(dn: DistinguishedName): forge.pki.CertificateField[] {
  // forge UTF-8-encodes the value itself when the tag is UTF8String.
  return dn.map((a) => ({
    type: DN_ATTRIBUTE_OIDS[a.type],
    value: a.value,
    valueTagClass: tagClass(
      PRINTABLE_TYPES.has(a.type) ? forge.asn1.Type.PRINTABLESTRING : forge.asn1.Type.UTF8,
    ),
  }));
}

/**
 * The subject of a parsed forge certificate, ready to be used as the issuer of another one. forge keeps parsed
 * values as raw bytes but UTF-8-encodes UTF8String values again on output, so they are decoded here; without
 * this a CA name with ä would be double-encoded in every certificate it issues.
 */
export function issuerAttributesOf(cert: forge.pki.Certificate): forge.pki.CertificateField[] {
  return cert.subject.attributes.map((a) => {
    const tag = a.valueTagClass as number | undefined;
    const raw = typeof a.value === 'string' ? a.value : '';
    return {
      type: a.type,
      value: tag === forge.asn1.Type.UTF8 ? forge.util.decodeUtf8(raw) : raw,
      valueTagClass: tagClass(tag ?? forge.asn1.Type.UTF8),
    };
  });
}

/** PrintableString's alphabet (X.680): a serialNumber outside it must be refused, not silently mis-encoded. */
export function isPrintableString(s: string): boolean {
  return /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(s);
}
