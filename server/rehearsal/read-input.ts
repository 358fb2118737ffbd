/**
 * Small readers for untrusted JSON (API bodies, test-case files, onboarding files): each names the field
 * it rejects, so a person sees "documents[2].serviceTask: expected a non-empty string" and not a crash.
 */
import { KantaSimError } from '../errors.js';
import { isValidOid } from '../hl7/oid.js';

/** A JSON object, or BAD_REQUEST naming `where`. */
export function objectAt(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return bad(where, 'an object', v);
  }
  return v as Record<string, unknown>;
}

/** A list, or BAD_REQUEST. Absent = empty list when `optional`. */
export function listAt(v: unknown, where: string, optional = false): unknown[] {
  if (v === undefined && optional) {
    return [];
  }
  return Array.isArray(v) ? v : bad(where, 'a list', v);
}

export function stringAt(v: unknown, where: string): string {
  return typeof v === 'string' && v.trim().length > 0 ? v.trim() : bad(where, 'a non-empty string', v);
}

export function optionalStringAt(v: unknown, where: string): string | undefined {
  return v === undefined || v === null || v === '' ? undefined : stringAt(v, where);
}

export function oidAt(v: unknown, where: string): string {
  const s = stringAt(v, where);
  return isValidOid(s) ? s : bad(where, 'an OID such as 1.2.246.10.12345678.10.0', v);
}

export function optionalOidAt(v: unknown, where: string): string | undefined {
  return v === undefined || v === null || v === '' ? undefined : oidAt(v, where);
}

export function booleanAt(v: unknown, where: string, fallback: boolean): boolean {
  if (v === undefined) {
    return fallback;
  }
  return typeof v === 'boolean' ? v : bad(where, 'true or false', v);
}

export function positiveIntAt(v: unknown, where: string, fallback: number): number {
  if (v === undefined) {
    return fallback;
  }
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : bad(where, 'a positive integer', v);
}

/** One of the allowed values. */
export function enumAt<T extends string>(v: unknown, where: string, allowed: readonly T[]): T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v)
    ? (v as T)
    : bad(where, allowed.map((a) => `"${a}"`).join(' or '), v);
}

/** An ISO date `YYYY-MM-DD` that is a real calendar date. */
export function isoDateAt(v: unknown, where: string): string {
  const s = stringAt(v, where);
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s)
    ? s
    : bad(where, 'a date YYYY-MM-DD', v);
}

export function optionalIsoDateAt(v: unknown, where: string): string | undefined {
  return v === undefined || v === null || v === '' ? undefined : isoDateAt(v, where);
}

function bad(where: string, expected: string, got: unknown): never {
  const shown = got === undefined ? 'nothing' : JSON.stringify(got);
  throw new KantaSimError('BAD_REQUEST', `${where}: expected ${expected}, got ${shown?.slice(0, 80)}`);
}
