/** Shared helpers of the PKI tests: temp data directories, error assertions, the real DVV TEST certificates. */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { isKantaSimError, type ErrorCode } from '../../server/errors.js';
import { SAMPLES_DIR } from '../support/requirements.js';

/** A fresh data directory; call the returned cleanup in afterAll/afterEach. */
export async function tempDataDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kanta-sim-pki-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Asserts that `fn` throws (or rejects with) a KantaSimError with `code`; returns it for further checks. */
export async function expectKantaError(fn: () => unknown, code: ErrorCode): Promise<Error> {
  let caught: unknown;
  try {
    await fn();
  } catch (e) {
    caught = e;
  }
  expect(isKantaSimError(caught), `expected a KantaSimError ${code}, got ${String(caught)}`).toBe(true);
  expect((caught as { code: string }).code).toBe(code);
  return caught as Error;
}

/** The X.509 certificates in the KeyInfo of a real sample document (as-signed form), in document order. */
export function sampleCertificates(file: string): X509Certificate[] {
  const xml = readFileSync(join(SAMPLES_DIR, file), 'utf8');
  const matches = [...xml.matchAll(/<(?:\w+:)?X509Certificate>([^<]+)<\/(?:\w+:)?X509Certificate>/g)];
  return matches.map((m) => new X509Certificate(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
}

/** Whether the openssl command line tool is installed (the PKCS#12 interoperability test needs it). */
export const HAS_OPENSSL = ((): boolean => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
