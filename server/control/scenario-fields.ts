/**
 * The field readers of the scenario format: each takes a value and the place it came from, and either
 * returns it typed or throws BAD_REQUEST naming that place and what was expected there.
 */
import { KantaSimError } from '../errors.js';

export function object(v: unknown, where: string): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : fail(where, 'an object');
}

export function array(v: unknown, where: string): unknown[] {
  return Array.isArray(v) ? v : fail(where, 'a list');
}

export function str(v: unknown, where: string): string {
  return typeof v === 'string' && v !== '' ? v : fail(where, 'a non-empty string');
}

/** An ISO 8601 date-time (or date). */
export function dateTime(v: unknown, where: string): string {
  const text = str(v, where);
  return Number.isNaN(new Date(text).getTime()) ? fail(where, 'an ISO 8601 date-time') : text;
}

/** An ISO calendar date YYYY-MM-DD, as register access rights are dated. */
export function isoDate(v: unknown, where: string): string {
  const text = str(v, where);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(new Date(text).getTime())
    ? text
    : fail(where, 'a date YYYY-MM-DD');
}

export function fail(where: string, expected: string): never {
  throw bad(`${where}: expected ${expected}`);
}

export function bad(message: string): KantaSimError {
  return new KantaSimError('BAD_REQUEST', `seed: ${message}`);
}
