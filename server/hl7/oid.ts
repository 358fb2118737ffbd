/**
 * OID syntax (ITU-T X.660) as HL7 II.root uses it: dot-separated arcs of decimal digits, first arc 0-2,
 * no arc with a leading zero (SHA-SPEC section 2: a document OID such as 1.2.246.10.2012566.95.2026.0688
 * would be refused by Kanta).
 */
const OID_PATTERN = /^[0-2](\.(0|[1-9]\d*))+$/;

/**
 * The longest OID accepted. A safety limit, not part of X.660: OIDs end up in certificate subjects (X.520
 * bounds serialNumber at 64 characters), directory names and database keys, so an unbounded value typed
 * into the CLI or posted to the control API is refused here rather than failing later in a TLS handshake
 * or a file system call. Every real Kanta OID (document, organisation, register) is far shorter.
 */
export const MAX_OID_LENGTH = 64;

/** Whether `value` is a syntactically valid OID of at most {@link MAX_OID_LENGTH} characters. */
export function isValidOid(value: string): boolean {
  return value.length <= MAX_OID_LENGTH && OID_PATTERN.test(value);
}
