import { X509Certificate } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootCaProfile, organisationClientProfile, validityFrom } from '../../server/pki/cert-profiles.js';
import { forgeCertificateFromPem, generateRsaKeyPair, issueCertificate } from '../../server/pki/issue.js';
import { OrganisationDirectory } from '../../server/pki/organisation-directory.js';
import { addOrganisation } from '../../server/pki/organisations.js';
import { ensureTestPki } from '../../server/pki/test-pki.js';
import { TrustStore, createTrustStore } from '../../server/pki/trust-store.js';
import { expectKantaError, tempDataDir } from './pki-test-helpers.js';

const ORGANISER = '1.2.246.10.12345678.10.0';

describe('OrganisationDirectory', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let directory: OrganisationDirectory;

  beforeAll(async () => {
    ({ dir: dataDir, cleanup } = await tempDataDir());
    directory = new OrganisationDirectory(dataDir); // before anything exists, as at a server's first start
  });
  afterAll(() => cleanup());

  it('sees an organisation added after it was created (as by `org add` in another process)', async () => {
    expect(directory.list()).toEqual([]);
    expect(directory.get(ORGANISER)).toBeUndefined();
    await addOrganisation(dataDir, {
      oid: ORGANISER,
      name: 'Demokylän hyvinvointialue',
      units: [{ oid: '1.2.246.10.12345678.10.100', name: 'Lapsiperheiden sosiaalipalvelut' }],
    });
    expect(directory.get(ORGANISER)?.name).toBe('Demokylän hyvinvointialue');
    expect(directory.list().map((o) => o.oid)).toEqual([ORGANISER]);
    await addOrganisation(dataDir, { oid: '1.2.246.10.87654321.10.0', name: 'Palvelutuottaja Oy' });
    expect(directory.list().map((o) => o.oid)).toEqual([
      '1.2.246.10.12345678.10.0',
      '1.2.246.10.87654321.10.0',
    ]);
  });

  it('finds an organisation by one of its units', () => {
    expect(directory.findByUnit('1.2.246.10.12345678.10.100')?.oid).toBe(ORGANISER);
    expect(directory.findByUnit('1.2.246.10.999.10.100')).toBeUndefined();
  });

  it('finds the organisation of its own issued TLS client and signing certificates', () => {
    const org = directory.get(ORGANISER)!;
    expect(directory.findByCertificate(org.clientCertificate, new Date())?.oid).toBe(ORGANISER);
    expect(directory.findByCertificate(org.signingCertificate, new Date())?.oid).toBe(ORGANISER);
    // Another organisation's certificate names that organisation, not this one.
    const provider = directory.get('1.2.246.10.87654321.10.0')!;
    expect(directory.findByCertificate(provider.clientCertificate, new Date())?.oid).toBe(
      '1.2.246.10.87654321.10.0',
    );
  });

  it('refuses its own certificate outside its validity', () => {
    const org = directory.get(ORGANISER)!;
    expect(
      directory.findByCertificate(org.clientCertificate, new Date('2090-01-01T00:00:00Z')),
    ).toBeUndefined();
  });

  it('refuses a certificate naming a registered OID unless it chains to the trust store', async () => {
    // An impostor CA with the same name as kanta-sim's, issuing a certificate for the organiser's OID.
    const caKeys = await generateRsaKeyPair();
    const now = new Date();
    const caPem = issueCertificate({
      ...rootCaProfile(),
      ...validityFrom(now, 5),
      publicKeyPem: caKeys.publicKeyPem,
      selfSignKeyPem: caKeys.privateKeyPem,
    });
    const leafKeys = await generateRsaKeyPair();
    const foreign = new X509Certificate(
      issueCertificate({
        ...organisationClientProfile(ORGANISER, 'Demokylän hyvinvointialue'),
        ...validityFrom(now, 1),
        publicKeyPem: leafKeys.publicKeyPem,
        issuer: { cert: forgeCertificateFromPem(caPem), privateKeyPem: caKeys.privateKeyPem },
      }),
    );
    expect(directory.findByCertificate(foreign, new Date())).toBeUndefined();
    const withOurTrust = new OrganisationDirectory(dataDir, {
      trust: createTrustStore(await ensureTestPki(dataDir)),
    });
    expect(withOurTrust.findByCertificate(foreign, new Date())).toBeUndefined();
    // A vendor's own CA configured as an extra anchor: its certificate for a registered OID is accepted.
    const vendorTrust = new OrganisationDirectory(dataDir, { trust: TrustStore.fromPems([caPem]) });
    expect(vendorTrust.findByCertificate(foreign, new Date())?.oid).toBe(ORGANISER);
  });

  it('returns undefined for certificates without a registered serialNumber', async () => {
    const pki = await ensureTestPki(dataDir);
    expect(directory.findByCertificate(new X509Certificate(pki.serverCertPem), new Date())).toBeUndefined();
    const stranger = await pki.issueOrganisationCredentials('1.2.246.10.42.10.0', 'Tuntematon', {
      password: 'x',
    });
    expect(
      directory.findByCertificate(new X509Certificate(stranger.client.certPem), new Date()),
    ).toBeUndefined();
  });

  it('skips a broken organisation directory in list() and reports it; get() names the problem', async () => {
    const broken = join(dataDir, 'orgs', '1.2.246.10.7.10.0');
    mkdirSync(broken);
    writeFileSync(join(broken, 'organisation.json'), '{ not json');
    expect(directory.list().map((o) => o.oid)).not.toContain('1.2.246.10.7.10.0');
    expect(
      directory
        .brokenEntries()
        .map((e) => e.message)
        .join(),
    ).toContain('organisation.json');
    await expectKantaError(() => directory.get('1.2.246.10.7.10.0'), 'DATA_DIR_INVALID');
  });
});
