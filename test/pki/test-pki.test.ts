import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCertificate } from '../../server/pki/cert-info.js';
import { PKI_FILES, ensureTestPki, type TestPki } from '../../server/pki/test-pki.js';
import { TrustStore, parseCertificates } from '../../server/pki/trust-store.js';
import { expectKantaError, tempDataDir } from './pki-test-helpers.js';

describe('ensureTestPki', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let pki: TestPki;
  const now = new Date('2025-03-01T12:00:00Z');

  beforeAll(async () => {
    ({ dir: dataDir, cleanup } = await tempDataDir());
    pki = await ensureTestPki(dataDir, { now });
  });
  afterAll(() => cleanup());

  it('writes every file of the layout into <data-dir>/pki', () => {
    expect(readdirSync(join(dataDir, 'pki')).sort()).toEqual(Object.values(PKI_FILES).sort());
    // No temporary directory is left behind.
    expect(readdirSync(dataDir)).toEqual(['pki']);
  });

  it('names the CAs like DVV service and professional CAs, marked TEST and not DVV', () => {
    const subject = (pem: string) => describeCertificate(new X509Certificate(pem));
    expect(subject(pki.serviceRootPem).commonName).toBe(
      'kanta-sim DVV TEST Social Welfare and Healthcare Root CA',
    );
    expect(subject(pki.serviceIntermediatePem).commonName).toBe(
      'kanta-sim DVV TEST Social Welfare and Healthcare Service Certs',
    );
    expect(subject(pki.professionalCaPem).commonName).toBe(
      'kanta-sim DVV TEST Social Welfare and Healthcare Prof. Certs',
    );
    for (const pem of [pki.serviceRootPem, pki.serviceIntermediatePem, pki.professionalCaPem]) {
      const info = subject(pem);
      expect(info.organisation).toBe('kanta-sim TEST (not DVV)');
      expect(info.isCa).toBe(true);
      expect(info.keyUsage).toMatchObject({ keyCertSign: true, cRLSign: true, digitalSignature: false });
      expect(info.keyUsageCritical).toBe(true);
      expect(info.notBefore.getTime()).toBeLessThanOrEqual(now.getTime());
    }
  });

  it('puts root, service CA and professional CA into ca-bundle.pem', () => {
    const bundle = parseCertificates(
      readFileSync(join(dataDir, 'pki', PKI_FILES.caBundle), 'utf8'),
      'bundle',
    );
    const names = bundle.map((c) => describeCertificate(c).commonName);
    expect(names).toEqual([
      'kanta-sim DVV TEST Social Welfare and Healthcare Root CA',
      'kanta-sim DVV TEST Social Welfare and Healthcare Service Certs',
      'kanta-sim DVV TEST Social Welfare and Healthcare Prof. Certs',
    ]);
    expect(pki.caBundlePem).toBe(readFileSync(join(dataDir, 'pki', PKI_FILES.caBundle), 'utf8'));
  });

  it('issues a localhost server certificate that chains to the bundle', () => {
    const server = new X509Certificate(pki.serverCertPem);
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(server.checkPrivateKey(createPrivateKey(pki.serverKeyPem))).toBe(true);
    const trust = TrustStore.fromPems([pki.caBundlePem]);
    expect(trust.checkChain(server, now).trusted).toBe(true);
    // The chain file is what a TLS server presents: leaf first, then the issuing CA.
    const chain = parseCertificates(pki.serverChainPem, 'chain');
    expect(chain.map((c) => c.fingerprint256)).toEqual([
      server.fingerprint256,
      new X509Certificate(pki.serviceIntermediatePem).fingerprint256,
    ]);
  });

  it('loads the same CA on a second run, quickly and without regenerating', async () => {
    const started = performance.now();
    const again = await ensureTestPki(dataDir);
    const elapsed = performance.now() - started;
    expect(again.serviceRootPem).toBe(pki.serviceRootPem);
    expect(again.serverKeyPem).toBe(pki.serverKeyPem);
    expect(again.caBundlePem).toBe(pki.caBundlePem);
    expect(elapsed).toBeLessThan(300);
  });

  it('encodes UTF-8 names so that node reads them back unchanged', async () => {
    const { client, signing } = await pki.issueOrganisationCredentials(
      '1.2.246.10.1.10.0',
      'Åbo Öljy ja Sähkö',
      {
        password: 'x',
        now,
      },
    );
    for (const pem of [client.certPem, signing.certPem]) {
      const cert = new X509Certificate(pem);
      expect(cert.subject.split('\n')).toContain('O=Åbo Öljy ja Sähkö');
      expect(cert.subject.split('\n')).toContain('CN=Åbo Öljy ja Sähkö');
      expect(cert.subject.split('\n')).toContain('serialNumber=1.2.246.10.1.10.0');
      expect(cert.issuer).toBe(new X509Certificate(pki.serviceIntermediatePem).subject);
    }
  });
});

describe('ensureTestPki on a damaged or contested data directory', () => {
  it('refuses an incomplete PKI directory with DATA_DIR_INVALID naming the file', async () => {
    const { dir, cleanup } = await tempDataDir();
    try {
      await ensureTestPki(dir);
      unlinkSync(join(dir, 'pki', PKI_FILES.serverKey));
      const err = await expectKantaError(() => ensureTestPki(dir), 'DATA_DIR_INVALID');
      expect(err.message).toContain(PKI_FILES.serverKey);
    } finally {
      await cleanup();
    }
  });

  it('refuses a data directory that is a file with DATA_DIR_INVALID', async () => {
    const { dir, cleanup } = await tempDataDir();
    try {
      const file = join(dir, 'not-a-dir');
      writeFileSync(file, 'x');
      const err = await expectKantaError(() => ensureTestPki(file), 'DATA_DIR_INVALID');
      expect(err.message).toContain(file);
    } finally {
      await cleanup();
    }
  });

  it('gives two concurrent first runs the same CA', async () => {
    const { dir, cleanup } = await tempDataDir();
    try {
      const [a, b] = await Promise.all([ensureTestPki(dir), ensureTestPki(dir)]);
      expect(a.serviceRootPem).toBe(b.serviceRootPem);
      expect(readdirSync(dir)).toEqual(['pki']);
    } finally {
      await cleanup();
    }
  });
});

describe('where the test PKI starts', () => {
  const validity = (pem: string): { from: string; to: Date } => {
    const c = new X509Certificate(pem);
    return { from: new Date(c.validFrom).toISOString(), to: new Date(c.validTo) };
  };

  it('by default covers client data since 2008: CAs, server and the leaves it issues', async () => {
    const { dir, cleanup } = await tempDataDir();
    try {
      const pki = await ensureTestPki(dir);
      expect(pki.validFrom.toISOString()).toBe('2008-01-01T00:00:00.000Z');
      for (const pem of [
        pki.serviceRootPem,
        pki.serviceIntermediatePem,
        pki.professionalCaPem,
        pki.serverCertPem,
      ]) {
        expect(validity(pem).from).toBe('2008-01-01T00:00:00.000Z');
      }
      const org = await pki.issueOrganisationCredentials('1.2.246.10.1.10.0', 'Vanha', { password: 'x' });
      const pro = await pki.issueProfessionalCredential(
        { regno: '25104559652', given: 'Kaisa', family: 'Kokeilu', title: 'sosiaalityöntekijä' },
        { password: 'x' },
      );
      for (const pem of [org.client.certPem, org.signing.certPem, pro.certPem]) {
        expect(validity(pem).from).toBe('2008-01-01T00:00:00.000Z');
        // ... and still lasts its years into the future
        expect(validity(pem).to.getTime()).toBeGreaterThan(Date.now() + 2 * 365 * 86_400_000);
      }
      expect(JSON.parse(readFileSync(join(dir, 'pki', PKI_FILES.meta), 'utf8'))).toMatchObject({
        validFrom: '2008-01-01T00:00:00.000Z',
      });
    } finally {
      await cleanup();
    }
  });

  it('starts where configured, and an existing PKI is kept as it was made', async () => {
    const { dir, cleanup } = await tempDataDir();
    try {
      const made = await ensureTestPki(dir, { validFrom: new Date('1999-05-01T00:00:00Z') });
      expect(validity(made.serviceRootPem).from).toBe('1999-05-01T00:00:00.000Z');
      const again = await ensureTestPki(dir, { validFrom: new Date('2008-01-01T00:00:00Z') });
      expect(again.serviceRootPem).toBe(made.serviceRootPem);
      expect(again.validFrom.toISOString()).toBe('1999-05-01T00:00:00.000Z');
    } finally {
      await cleanup();
    }
  });
});
