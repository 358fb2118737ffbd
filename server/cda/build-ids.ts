/**
 * Identifier helpers for generated documents: document, case and client-relationship OIDs in the form the
 * real documents use (organisation base + node class 95 + year + running numbers, SHA-SPEC section 2), and
 * a seeded sequence so fixtures are byte-for-byte reproducible.
 */
import { randomInt } from 'node:crypto';
import { KantaSimError } from '../errors.js';

/** An OID: dot-separated arcs, no arc with a leading zero (X.660). */
const OID = /^(0|[1-9]\d*)(\.(0|[1-9]\d*))+$/;

/** The node class for documents under an organisation OID, as in `1.2.246.10.2012566.95.2026...`. */
export const DOCUMENT_NODE_CLASS = 95;

/** True when `value` is a syntactically valid OID. */
export function isOid(value: string): boolean {
  return OID.test(value);
}

function assertArc(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new KantaSimError('BAD_REQUEST', `${what} must be a non-negative integer, got ${String(n)}`);
  }
}

/**
 * A document OID `<orgBase>.95.<year>.<running...>`, e.g. documentOid('1.2.246.10.12345678', 2026, [688883, 17])
 * gives `1.2.246.10.12345678.95.2026.688883.17`. Numbers never carry leading zeros, so the result is valid
 * whenever orgBase is.
 */
export function documentOid(orgBase: string, year: number, running: number | readonly number[]): string {
  if (!isOid(orgBase)) {
    throw new KantaSimError('BAD_REQUEST', `organisation base ${JSON.stringify(orgBase)} is not an OID`);
  }
  assertArc(year, 'year');
  const arcs = typeof running === 'number' ? [running] : [...running];
  if (arcs.length === 0) {
    throw new KantaSimError('BAD_REQUEST', 'at least one running number is needed');
  }
  arcs.forEach((n, i) => assertArc(n, `running number ${i + 1}`));
  return [orgBase, DOCUMENT_NODE_CLASS, year, ...arcs].join('.');
}

/** Produces fresh OIDs under one organisation and year. */
export interface OidSequence {
  /** The next OID: `<orgBase>.95.<year>.<series>.<counter>`, the counter counting up by one. */
  next(): string;
}

/**
 * A 32-bit PRNG (mulberry32). Enough to spread fixture ids; not for anything secret.
 * Kept here rather than imported because fixtures must not change when a dependency does.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Hashes a string seed to 32 bits (FNV-1a), so seeds can be readable names like 'demo-2026'. */
function seedNumber(seed: string | number): number {
  if (typeof seed === 'number') {
    return seed >>> 0;
  }
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/**
 * A sequence of OIDs like the real client systems produce: a six-digit series number, then a running
 * counter. With a seed the series and the counter's start are derived from it, so the same seed gives the
 * same ids every run; without one they are random (per process), so separate runs do not collide.
 */
export function createOidSequence(options: {
  orgBase: string;
  year: number;
  seed?: string | number;
}): OidSequence {
  let series: number;
  let counter: number;
  if (options.seed === undefined) {
    series = randomInt(100_000, 1_000_000);
    counter = randomInt(1, 1_000_000);
  } else {
    const rand = mulberry32(seedNumber(options.seed));
    series = 100_000 + Math.floor(rand() * 900_000);
    counter = 1 + Math.floor(rand() * 999_999);
  }
  // Validate once up front so a bad base fails at creation, not at the first next().
  documentOid(options.orgBase, options.year, [series, counter]);
  return {
    next: () => documentOid(options.orgBase, options.year, [series, counter++]),
  };
}
