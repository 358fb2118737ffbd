/**
 * Validation of what a person types into `kanta-sim org add` / `pro add`: organisation OIDs, registration
 * numbers, names. Everything ends up in certificate subjects and directory names, so it is checked strictly
 * here (a bad value is CONFIG_INVALID naming the field) rather than discovered later by a TLS handshake.
 */
import { KantaSimError } from '../errors.js';
import { isValidOid } from '../hl7/oid.js';

// X.520 upper bound: CN/O are at most 64 characters.
const MAX_NAME_LENGTH = 64;

/** Throws CONFIG_INVALID unless `oid` is a valid OID; `field` names the option in the message. */
export function requireOid(oid: string, field: string): string {
  if (!isValidOid(oid)) {
    throw new KantaSimError(
      'CONFIG_INVALID',
      `${field} "${oid}" is not an OID (digits separated by dots, no leading zeros, e.g. 1.2.246.10.12345678.10.0)`,
    );
  }
  return oid;
}

/** A professional registration number (Valvira/JulkiTerhikki/Suosikki): digits only. */
export function requireRegno(regno: string): string {
  if (!/^[0-9]{1,20}$/.test(regno)) {
    throw new KantaSimError(
      'CONFIG_INVALID',
      `registration number "${regno}" must be 1-20 digits, e.g. 25104559651`,
    );
  }
  return regno;
}

/** A display name for a certificate subject: trimmed, non-empty, printable, at most 64 characters. */
export function requireName(value: string, field: string): string {
  const name = value.trim().normalize('NFC');
  if (name.length === 0) {
    throw new KantaSimError('CONFIG_INVALID', `${field} must not be empty`);
  }
  if (name.length > MAX_NAME_LENGTH) {
    throw new KantaSimError(
      'CONFIG_INVALID',
      `${field} "${name}" is longer than ${MAX_NAME_LENGTH} characters`,
    );
  }
  // Control characters would end up in certificate subjects and in README files.
  if (/\p{Cc}/u.test(name)) {
    throw new KantaSimError('CONFIG_INVALID', `${field} contains control characters`);
  }
  return name;
}

/** "Given Family" split at the last space: "Anna Maria Virtanen" is given "Anna Maria", family "Virtanen". */
export function splitPersonName(full: string): { given: string; family: string } {
  const name = requireName(full, 'name').replace(/\s+/g, ' ');
  const at = name.lastIndexOf(' ');
  if (at <= 0) {
    throw new KantaSimError(
      'CONFIG_INVALID',
      `name "${name}" must be "Given Family", e.g. "Sanna Sosiaalityöntekijä"`,
    );
  }
  return { given: name.slice(0, at), family: name.slice(at + 1) };
}
