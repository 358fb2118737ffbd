/**
 * Sentinel test identities: test hetus (valid check characters, individual numbers 990-995) whose
 * documents always meet a given fault, so that a vendor's test can exercise its error handling with no
 * admin call. Listed in docs/ci.md; switched off with the configuration key `sentinelIdentities: false`.
 */
import type { FaultSpec } from './fault-spec.js';

export interface SentinelIdentity {
  readonly hetu: string;
  /** What a document for this client meets. */
  readonly fault: FaultSpec;
  readonly description: string;
}

export const SENTINEL_IDENTITIES: readonly SentinelIdentity[] = Object.freeze([
  {
    hetu: '010101A990M',
    fault: { kind: 'ae', rule: 'ARCHIVE_UNAVAILABLE' },
    description: 'AE with ARCHIVE_UNAVAILABLE (the archive cannot store right now)',
  },
  {
    hetu: '010101A991N',
    fault: { kind: 'ar', rule: 'SIM_FAULT_REJECTED' },
    description: 'AR with SIM_FAULT_REJECTED',
  },
  { hetu: '010101A992P', fault: { kind: 'http-503' }, description: 'HTTP 503 with no acknowledgement' },
  {
    hetu: '010101A993R',
    fault: { kind: 'soap-fault' },
    description: 'HTTP 500 with a SOAP fault (1.2 if the request was SOAP 1.2, else 1.1)',
  },
  {
    hetu: '010101A994S',
    fault: { kind: 'delay', delayMs: 2000 },
    description: 'answered normally (AA if the document is valid) after a 2 second delay',
  },
  {
    hetu: '010101A995T',
    fault: { kind: 'drop' },
    description: 'the connection is dropped without an answer',
  },
]);

/** The sentinel identity a hetu is, if any. */
export function sentinelFor(hetu: string | undefined): SentinelIdentity | undefined {
  return hetu === undefined ? undefined : SENTINEL_IDENTITIES.find((s) => s.hetu === hetu);
}

/** What every sentinel hetu starts with: one scan of a message instead of one per sentinel. */
const SHARED_PREFIX = SENTINEL_IDENTITIES.map((s) => s.hetu).reduce((a, b) => {
  let n = 0;
  while (n < a.length && a[n] === b[n]) {
    n++;
  }
  return a.slice(0, n);
});

/** Whether the raw message mentions a sentinel hetu at all: lets the common case skip the probe's parse. */
export function mentionsSentinel(messageBytes: Buffer): boolean {
  return (
    messageBytes.includes(SHARED_PREFIX) && SENTINEL_IDENTITIES.some((s) => messageBytes.includes(s.hetu))
  );
}
