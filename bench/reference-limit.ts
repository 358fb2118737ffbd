/**
 * The reference limit, measured on the same documents: libxmlsec (`xmlsec1 --verify`, one process for many
 * files, both signatures of each document) and the raw RSA-2048 / SHA-256 verification rate of node's crypto.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign, verify, X509Certificate } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface XmlsecResult {
  readonly version: string;
  readonly documents: number;
  /** Documents whose every signature xmlsec1 verified. */
  readonly verified: number;
  readonly elapsedMs: number;
  readonly documentsPerSecond: number;
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

/** Verifies every signature of every CDA with xmlsec1 in batch mode, chained to the CA bundle. */
export function measureXmlsec1(
  cdaXmls: readonly string[],
  caBundlePem: string,
  dir: string,
  signaturesPerDocument: number,
): XmlsecResult {
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
  const okPerFile = new Map<string, number>();
  const started = performance.now();
  for (let s = 1; s <= signaturesPerDocument; s++) {
    const select = [
      '--node-xpath',
      `(//*[local-name()='Signature' and namespace-uri()='http://www.w3.org/2000/09/xmldsig#'])[${s}]`,
    ];
    for (let b = 0; b < files.length; b += BATCH) {
      const batch = files.slice(b, b + BATCH);
      const run = spawnSync('xmlsec1', ['--verify', ...trustArgs, ...ID_ATTRS, ...select, ...batch], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      // xmlsec1 prints "OK" or "FAIL" per file on stderr, in order.
      const verdicts = `${run.stderr}\n${run.stdout}`.split('\n').filter((l) => l === 'OK' || l === 'FAIL');
      batch.forEach((f, i) => {
        if (verdicts[i] === 'OK') {
          okPerFile.set(f, (okPerFile.get(f) ?? 0) + 1);
        }
      });
    }
  }
  const elapsedMs = performance.now() - started;
  const verified = [...okPerFile.values()].filter((n) => n === signaturesPerDocument).length;
  return {
    version,
    documents: files.length,
    verified,
    elapsedMs: Math.round(elapsedMs),
    documentsPerSecond: Math.round((files.length / elapsedMs) * 1000),
  };
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
