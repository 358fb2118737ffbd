import { expect, it } from 'vitest';
import { MAX_OID_LENGTH, isValidOid } from '../../server/hl7/oid.js';

/** An OID of exactly `length` characters: "1.2" padded with ".1" arcs (and one "1.22" arc if odd). */
function oidOfLength(length: number): string {
  let oid = length % 2 === 0 ? '1.22' : '1.2';
  while (oid.length < length) {
    oid += '.1';
  }
  return oid;
}

it.each([
  { oid: '1.2.246.10.2012566.95.2026.688883.2655274', ok: true },
  { oid: '1.2.246.537.6.1506.15007.2024.11.28', ok: true },
  { oid: '2.16.840.1.113883.1.6', ok: true },
  { oid: '1.2.0.3', ok: true },
  { oid: '1.2.246.10.2012566.95.2026.0688', ok: false },
  { oid: '1', ok: false },
  { oid: '3.1', ok: false },
  { oid: '01.2', ok: false },
  { oid: '1..2', ok: false },
  { oid: '1.2.', ok: false },
  { oid: 'urn:oid:1.2.3', ok: false },
])('isValidOid($oid) = $ok', ({ oid, ok }) => {
  expect(isValidOid(oid)).toBe(ok);
});

// The length cap is a safety limit shared by documents, organisations and registers: one rule for all.
it('accepts an OID of exactly the cap and refuses one character more', () => {
  expect(oidOfLength(MAX_OID_LENGTH)).toHaveLength(MAX_OID_LENGTH);
  expect(isValidOid(oidOfLength(MAX_OID_LENGTH))).toBe(true);
  expect(oidOfLength(MAX_OID_LENGTH + 1)).toHaveLength(MAX_OID_LENGTH + 1);
  expect(isValidOid(oidOfLength(MAX_OID_LENGTH + 1))).toBe(false);
});
