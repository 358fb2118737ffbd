import { expect, it } from 'vitest';
import { isValidOid } from '../../server/hl7/oid.js';

it.each([
  { oid: '1.2.246.10.2012566.95.2026.688883.2655274', ok: true },
  { oid: '1.2.246.537.6.1506.15007.2024.11.28', ok: true },
  { oid: '2.16.840.1.113883.1.6', ok: true },
  { oid: '1.2.0.3', ok: true },
  { oid: '1.2.246.10.2012566.95.2026.0688', ok: false },
  { oid: '1', ok: false },
  { oid: '3.1', ok: false },
  { oid: '1..2', ok: false },
  { oid: '1.2.', ok: false },
  { oid: 'urn:oid:1.2.3', ok: false },
])('isValidOid($oid) = $ok', ({ oid, ok }) => {
  expect(isValidOid(oid)).toBe(ok);
});
