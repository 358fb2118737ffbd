/**
 * The shape of an injected fault, as POST /__sim/faults accepts it, and its validation.
 */
import { KantaSimError } from '../errors.js';
import { RULES } from '../rules/catalogue.js';

export const FAULT_KINDS = ['ae', 'ar', 'http-503', 'soap-fault', 'delay', 'drop'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Longest delay a fault may ask for: longer would only make a CI job hang. */
export const MAX_FAULT_DELAY_MS = 120_000;

export interface FaultSpec {
  /**
   * ae / ar: answer an acknowledgement of that type naming `rule`; http-503: HTTP 503 with no
   * acknowledgement; soap-fault: HTTP 500 with a SOAP Fault; delay: wait `delayMs`, then answer normally;
   * drop: destroy the connection without an answer.
   */
  readonly kind: FaultKind;
  /** ae / ar: the rule code to name (default ARCHIVE_UNAVAILABLE for ae, SIM_FAULT_REJECTED for ar). */
  readonly rule?: string;
  /** ae / ar: the acknowledgementDetail's text detail. */
  readonly detail?: string;
  /** delay: milliseconds. */
  readonly delayMs?: number;
  /** Only messages for this operation of the operation table (e.g. archive-client-document). */
  readonly operation?: string;
  /** Only messages with this service request (palvelupyyntö), e.g. SP17. */
  readonly serviceRequest?: string;
  /** Only messages of this interaction, e.g. RCMR_IN200002FI01. */
  readonly interaction?: string;
  /** Only messages from this organisation (frame sender or TLS certificate serialNumber). */
  readonly organisation?: string;
  /** Only documents for this client. */
  readonly hetu?: string;
  /** Chance (0-1) that a matching message meets the fault; default 1. */
  readonly probability?: number;
  /** The fault removes itself after meeting this many messages; default: stays until cleared. */
  readonly times?: number;
}

const KEYS = new Set([
  'kind',
  'rule',
  'detail',
  'delayMs',
  'operation',
  'serviceRequest',
  'interaction',
  'organisation',
  'hetu',
  'probability',
  'times',
]);

/** Validates a POST /__sim/faults body; every mistake names its field. */
export function parseFaultSpec(body: unknown): FaultSpec {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw bad('the body must be a JSON object');
  }
  const b = body as Record<string, unknown>;
  for (const key of Object.keys(b)) {
    if (!KEYS.has(key)) {
      throw bad(`unknown field "${key}"; known: ${[...KEYS].join(', ')}`);
    }
  }
  if (!FAULT_KINDS.includes(b.kind as FaultKind)) {
    throw bad(`"kind" must be one of ${FAULT_KINDS.join(', ')}`);
  }
  const kind = b.kind as FaultKind;
  for (const key of [
    'rule',
    'detail',
    'operation',
    'serviceRequest',
    'interaction',
    'organisation',
    'hetu',
  ]) {
    if (b[key] !== undefined && (typeof b[key] !== 'string' || b[key] === '')) {
      throw bad(`"${key}" must be a non-empty string`);
    }
  }
  if (b.rule !== undefined) {
    if (kind !== 'ae' && kind !== 'ar') {
      throw bad('"rule" applies only to kinds ae and ar');
    }
    if (!((b.rule as string) in RULES)) {
      throw bad(`"rule": ${b.rule as string} is not a rule code of the catalogue`);
    }
  }
  if (kind === 'delay') {
    const ms = b.delayMs;
    if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > MAX_FAULT_DELAY_MS) {
      throw bad(`"delayMs" must be an integer 0-${MAX_FAULT_DELAY_MS} for kind delay`);
    }
  } else if (b.delayMs !== undefined) {
    throw bad('"delayMs" applies only to kind delay');
  }
  if (b.probability !== undefined) {
    const p = b.probability;
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
      throw bad('"probability" must be a number from 0 to 1');
    }
  }
  if (b.times !== undefined && (typeof b.times !== 'number' || !Number.isInteger(b.times) || b.times < 1)) {
    throw bad('"times" must be a positive integer');
  }
  return Object.freeze({ ...b }) as unknown as FaultSpec;
}

function bad(message: string): KantaSimError {
  return new KantaSimError('BAD_REQUEST', `fault: ${message}`);
}
