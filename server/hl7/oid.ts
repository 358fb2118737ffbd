/**
 * OID syntax (ITU-T X.660) as HL7 II.root uses it: dot-separated arcs of decimal digits, first arc 0-2,
 * no arc with a leading zero (SHA-SPEC section 2: a document OID such as 1.2.246.10.2012566.95.2026.0688
 * would be refused by Kanta).
 */
const OID_PATTERN = /^[0-2](\.(0|[1-9]\d*))+$/;

/** Whether `value` is a syntactically valid OID. */
export function isValidOid(value: string): boolean {
  return OID_PATTERN.test(value);
}
