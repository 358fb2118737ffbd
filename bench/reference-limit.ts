/**
 * The reference limit, measured on the same documents the load sends: libxmlsec (`xmlsec1 --verify`, one
 * process for many files, each document verified once) and the raw RSA-2048 / SHA-256 verification rate of node's crypto.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign, verify, X509Certificate } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface XmlsecResult {
  readonly version: string;
  readonly documents: number;
  /** Documents xmlsec1 answered OK. */
  readonly verified: number;
  readonly elapsedMs: number;
  readonly documentsPerSecond: number;
  /** Both rates when the reference was measured before and after a load (see fasterReference). */
  readonly rounds?: readonly number[];
}

const ID_ATTRS = [
  '--id-attr:ID',
  'urn:hl7-org:v3:nonXMLBody',
  '--id-attr:ID',
  'urn:hl7finland:signatureTimestamp',
];
const BATCH = 400;

/** Throws with a clear message when xmlsec1 is missing and cannot be installed. */
export function ensureXmlsec1(): string {
  const probe = spawnSync('xmlsec1', ['--version'], { encoding: 'utf8' });
  if (probe.status === 0) {
    return probe.stdout.trim();
  }
  if (process.getuid?.() === 0) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'xmlsec1'], {
      stdio: 'inherit',
    });
    const again = spawnSync('xmlsec1', ['--version'], { encoding: 'utf8' });
    if (install.status === 0 && again.status === 0) {
      return again.stdout.trim();
    }
  }
  throw new Error(
    'bench: xmlsec1 is not installed and cannot be installed here (not root). Install it first: sudo apt-get install -y xmlsec1',
  );
}

/**
 * `xmlsec1 --verify` over every CDA in one process (a new process only past ARG_MAX-safe batches of
 * BATCH files), chained to the CA bundle. Each document is verified once, as xmlsec1 does by default: its
 * first ds:Signature, with the Kanta ID attributes declared by --id-attr (no per-signature --node-xpath,
 * whose XPath evaluation over the whole document would make the reference slow). On a two-signature
 * document that is one of its two signatures, so the reference does less work than the archive there;
 * on a single-signature document both do the same work. The elapsed time includes xmlsec1's process start.
 */
export function measureXmlsec1(cdaXmls: readonly string[], caBundlePem: string, dir: string): XmlsecResult {
  const version = ensureXmlsec1();
  mkdirSync(dir, { recursive: true });
  const certs = caBundlePem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const trustArgs = certs.flatMap((pem, i) => {
    const file = path.join(dir, `ca-${i}.pem`);
    writeFileSync(file, `${pem}\n`);
    const c = new X509Certificate(pem);
    return [c.subject === c.issuer ? '--trusted-pem' : '--untrusted-pem', file];
  });
  const files = cdaXmls.map((xml, i) => {
    const file = path.join(dir, `doc-${i}.xml`);
    writeFileSync(file, xml);
    return file;
  });
  let verified = 0;
  const started = performance.now();
  for (let b = 0; b < files.length; b += BATCH) {
    const batch = files.slice(b, b + BATCH);
    const run = spawnSync('xmlsec1', ['--verify', ...trustArgs, ...ID_ATTRS, ...batch], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    // xmlsec1 prints "OK" or "FAIL" per file on stderr, in order, and stops at the first failure.
    verified += `${run.stderr}\n${run.stdout}`.split('\n').filter((l) => l === 'OK').length;
  }
  const elapsedMs = performance.now() - started;
  return {
    version,
    documents: files.length,
    verified,
    elapsedMs: Math.round(elapsedMs),
    documentsPerSecond: Math.round((files.length / elapsedMs) * 1000),
  };
}

/** What measuring the references needs of the bench (bench/large-archive.ts Bench has it). */
export interface ReferenceBench {
  readonly caBundlePem: string;
  readonly tmp: string;
  readonly options: { readonly skipXmlsec: boolean };
  readonly log: (line: string) => void;
}

/**
 * xmlsec1 over `cdas`, the CDAs of one load run, logged as `label` ("two-signature, before the load");
 * nothing when the bench skips xmlsec1.
 */
export function measureReference(
  cdas: readonly string[],
  bench: ReferenceBench,
  label: string,
): XmlsecResult | undefined {
  if (bench.options.skipXmlsec) {
    return undefined;
  }
  const dir = path.join(bench.tmp, 'xmlsec', label.replace(/[^a-z0-9]+/gi, '-'));
  const xmlsec = measureXmlsec1(cdas, bench.caBundlePem, dir);
  bench.log(
    `xmlsec1, ${label}: ${xmlsec.documentsPerSecond} documents/s (${xmlsec.verified}/${xmlsec.documents} verified)`,
  );
  return xmlsec;
}

/**
 * One reference measured twice (before and after a load), the faster kept and both rates recorded.
 * Why: this machine's speed moves by a quarter within minutes, and on 2026-12-07 a reference measured
 * once, after the load, fell in a slow phase (RSA-2048 29,177/s against 43,000-44,000 an hour before)
 * while the load had run in a fast one: the ratio read 0.63. The faster reference is the conservative
 * one: it can only lower the ratio.
 */
export function fasterReference(
  before: XmlsecResult | undefined,
  after: XmlsecResult | undefined,
): XmlsecResult | undefined {
  if (!before || !after) {
    return before ?? after;
  }
  return {
    ...(before.documentsPerSecond >= after.documentsPerSecond ? before : after),
    rounds: [before.documentsPerSecond, after.documentsPerSecond],
  };
}

/** Our rate over the reference's, to two decimals; undefined when either is missing. */
export function ratioTo(
  ours: { readonly documentsPerSecond: number } | undefined,
  reference: XmlsecResult | undefined,
): number | undefined {
  return ours && reference
    ? Math.round((ours.documentsPerSecond / reference.documentsPerSecond) * 100) / 100
    : undefined;
}

/** RSA-2048 PKCS#1 v1.5 SHA-256 verifications per second on one core. */
export function measureRsaVerifyRate(durationMs = 1000): number {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const data = Buffer.from('<ds:SignedInfo>canonical bytes of a SignedInfo</ds:SignedInfo>');
  const signature = sign('sha256', data, privateKey);
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < durationMs) {
    for (let i = 0; i < 100; i++) {
      verify('sha256', data, publicKey, signature);
    }
    n += 100;
  }
  return Math.round((n / (performance.now() - started)) * 1000);
}
