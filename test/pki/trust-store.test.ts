import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  intermediateCaProfile,
  organisationSigningProfile,
  rootCaProfile,
  validityFrom,
} from '../../server/pki/cert-profiles.js';
import {
  forgeCertificateFromPem,
  generateRsaKeyPair,
  issueCertificate,
  type IssuingCa,
} from '../../server/pki/issue.js';
import { ensureTestPki, type TestPki } from '../../server/pki/test-pki.js';
import { TrustStore, createTrustStore, loadCertificateFile } from '../../server/pki/trust-store.js';
import { KANTA_SAMPLES } from '../support/requirements.js';
import { expectKantaError, sampleCertificates, tempDataDir } from './pki-test-helpers.js';

const NOW = new Date('2025-06-01T12:00:00Z');

/** A foreign CA (same names as kanta-sim's, different keys) and a signing certificate under it. */
async function foreignPki(): Promise<{ rootPem: string; intermediatePem: string; leaf: X509Certificate }> {
  const rootKeys = await generateRsaKeyPair();
  const rootPem = issueCertificate({
    ...rootCaProfile(),
    ...validityFrom(NOW, 10),
    publicKeyPem: rootKeys.publicKeyPem,
    selfSignKeyPem: rootKeys.privateKeyPem,
  });
  const root: IssuingCa = { cert: forgeCertificateFromPem(rootPem), privateKeyPem: rootKeys.privateKeyPem };
  const caKeys = await generateRsaKeyPair();
  const intermediatePem = issueCertificate({
    ...intermediateCaProfile(
      rootCaProfile().subject.map((a) => (a.type === 'CN' ? { ...a, value: 'Foreign CA' } : a)),
    ),
    ...validityFrom(NOW, 10),
    publicKeyPem: caKeys.publicKeyPem,
    issuer: root,
  });
  const leafKeys = await generateRsaKeyPair();
  const leafPem = issueCertificate({
    ...organisationSigningProfile('1.2.246.10.12345678.10.0', 'Demokylän hyvinvointialue'),
    ...validityFrom(NOW, 1),
    publicKeyPem: leafKeys.publicKeyPem,
    issuer: { cert: forgeCertificateFromPem(intermediatePem), privateKeyPem: caKeys.privateKeyPem },
  });
  return { rootPem, intermediatePem, leaf: new X509Certificate(leafPem) };
}

describe('TrustStore', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let pki: TestPki;
  let signing: X509Certificate;
  let trust: TrustStore;
  let foreign: Awaited<ReturnType<typeof foreignPki>>;

  beforeAll(async () => {
    ({ dir: dataDir, cleanup } = await tempDataDir());
    pki = await ensureTestPki(dataDir, { now: NOW, validFrom: NOW });
    const creds = await pki.issueOrganisationCredentials(
      '1.2.246.10.12345678.10.0',
      'Demokylän hyvinvointialue',
      {
        password: 'x',
        now: NOW,
      },
    );
    signing = new X509Certificate(creds.signing.certPem);
    trust = createTrustStore(pki);
    foreign = await foreignPki();
  });
  afterAll(() => cleanup());

  it('accepts a certificate of the test PKI and returns the chain up to the root', () => {
    const result = trust.checkChain(signing, NOW);
    expect(result.trusted).toBe(true);
    expect(result.trusted && result.chain.length).toBe(3);
  });

  it('refuses a certificate of a foreign CA that copies kanta-sim CA names', () => {
    const result = trust.checkChain(foreign.leaf, NOW, [new X509Certificate(foreign.intermediatePem)]);
    expect(result.trusted).toBe(false);
    expect(!result.trusted && result.reason).toMatch(/no trusted CA|does not verify/);
  });

  it('refuses a chain with a certificate not valid at the given time', () => {
    const expired = trust.checkChain(signing, new Date('2035-01-01T00:00:00Z'));
    expect(expired.trusted).toBe(false);
    expect(!expired.trusted && expired.reason).toContain('expired');
    const early = trust.checkChain(signing, new Date('2020-01-01T00:00:00Z'));
    expect(!early.trusted && early.reason).toContain('not valid before');
  });

  it('answers the same certificate object again by the validity span of its chain, not by the first answer', () => {
    const same = new X509Certificate(signing.toString());
    const lastValid = new Date(Date.parse(same.validTo));
    expect(trust.checkChain(same, NOW).trusted).toBe(true);
    expect(trust.checkChain(same, lastValid).trusted).toBe(true);
    const after = trust.checkChain(same, new Date(lastValid.getTime() + 1000));
    expect(!after.trusted && after.reason).toContain('expired');
    const before = trust.checkChain(same, new Date(Date.parse(same.validFrom) - 1000));
    expect(!before.trusted && before.reason).toContain('not valid before');
    expect(trust.checkChain(same, NOW).trusted).toBe(true);
  });

  it('trusts extra anchors loaded from PEM and DER files, using intermediates the sender supplies', () => {
    const pemFile = join(dataDir, 'vendor-root.pem');
    writeFileSync(pemFile, foreign.rootPem);
    const derFile = join(dataDir, 'vendor-root.cer');
    writeFileSync(derFile, new X509Certificate(foreign.rootPem).raw);
    for (const file of [pemFile, derFile]) {
      const extended = trust.withAnchorFiles([file]);
      const extra = [new X509Certificate(foreign.intermediatePem)];
      expect(extended.checkChain(foreign.leaf, NOW, extra).trusted).toBe(true);
      // Without the intermediate there is no path to the anchor.
      expect(extended.checkChain(foreign.leaf, NOW).trusted).toBe(false);
      // The test PKI is still trusted.
      expect(extended.checkChain(signing, NOW).trusted).toBe(true);
    }
  });

  it('accepts an anchor that is not self-signed (a vendor configuring only the issuing CA)', () => {
    const store = TrustStore.fromPems([foreign.intermediatePem]);
    expect(store.checkChain(foreign.leaf, NOW).trusted).toBe(true);
  });

  it('refuses a bad anchor file with CERT_INVALID naming the file', async () => {
    const bad = join(dataDir, 'not-a-cert.pem');
    writeFileSync(bad, '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n');
    const e1 = await expectKantaError(() => trust.withAnchorFiles([bad]), 'CERT_INVALID');
    expect(e1.message).toContain(bad);
    const garbage = join(dataDir, 'garbage.cer');
    writeFileSync(garbage, Buffer.from([1, 2, 3]));
    expect((await expectKantaError(() => loadCertificateFile(garbage), 'CERT_INVALID')).message).toContain(
      garbage,
    );
    const missing = join(dataDir, 'missing.pem');
    expect(
      (await expectKantaError(() => trust.withAnchorFiles([missing]), 'CERT_INVALID')).message,
    ).toContain(missing);
  });

  it('does not let a leaf certificate act as a CA', async () => {
    // A certificate "issued" by the organisation's signing certificate: the signature is right, the issuer is no CA.
    const pkiSigning = await pki.issueOrganisationCredentials('1.2.246.10.9.10.0', 'Väli', {
      password: 'x',
      now: NOW,
    });
    const keys = await generateRsaKeyPair();
    const child = new X509Certificate(
      issueCertificate({
        ...organisationSigningProfile('1.2.246.10.10.10.0', 'Ali'),
        ...validityFrom(NOW, 1),
        publicKeyPem: keys.publicKeyPem,
        issuer: {
          cert: forgeCertificateFromPem(pkiSigning.signing.certPem),
          privateKeyPem: pkiSigning.signing.keyPem,
        },
      }),
    );
    const result = trust.checkChain(child, NOW, [new X509Certificate(pkiSigning.signing.certPem)]);
    expect(result.trusted).toBe(false);
  });

  it('verifies sha512WithRSA chains like those of the real DVV certificates', () => {
    const caKey = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 }); // small: only the hash matters here
    const ca = forge.pki.createCertificate();
    ca.publicKey = caKey.publicKey;
    ca.serialNumber = '01';
    ca.validity.notBefore = new Date('2024-01-01T00:00:00Z');
    ca.validity.notAfter = new Date('2030-01-01T00:00:00Z');
    ca.setSubject([{ shortName: 'CN', value: 'sha512 CA' }]);
    ca.setIssuer([{ shortName: 'CN', value: 'sha512 CA' }]);
    ca.setExtensions([
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', keyCertSign: true },
    ]);
    ca.sign(caKey.privateKey, forge.md.sha512.create());
    const leaf = forge.pki.createCertificate();
    leaf.publicKey = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 }).publicKey;
    leaf.serialNumber = '02';
    leaf.validity.notBefore = ca.validity.notBefore;
    leaf.validity.notAfter = ca.validity.notAfter;
    leaf.setSubject([{ shortName: 'CN', value: 'sha512 leaf' }]);
    leaf.setIssuer(ca.subject.attributes);
    leaf.sign(caKey.privateKey, forge.md.sha512.create());
    const leafCert = new X509Certificate(forge.pki.certificateToPem(leaf));
    const store = TrustStore.fromPems([forge.pki.certificateToPem(ca)]);
    expect(store.checkChain(leafCert, NOW).trusted).toBe(true);
  });

  it.skipIf(!KANTA_SAMPLES.available)(
    'refuses the real DVV TEST certificates unless a DVV TEST CA is configured',
    () => {
      for (const cert of sampleCertificates('cda-asiakkuusasiakirja.as-signed.xml')) {
        const result = trust.checkChain(cert, new Date('2025-01-01T00:00:00Z'));
        expect(result.trusted).toBe(false);
        expect(!result.trusted && result.reason).toContain(
          'DVV TEST Social Welfare and Healthcare Service Certs - G3R',
        );
      }
    },
  );
});
