import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCertificate } from '../../server/pki/cert-info.js';
import { ORG_FILES, addOrganisation, type Organisation } from '../../server/pki/organisations.js';
import { ensureTestPki } from '../../server/pki/test-pki.js';
import { createTrustStore } from '../../server/pki/trust-store.js';
import { HAS_OPENSSL, expectKantaError, tempDataDir } from './pki-test-helpers.js';

const OID = '1.2.246.10.12345678.10.0';
const NAME = 'Demokylän hyvinvointialue';

describe('addOrganisation', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let org: Organisation;

  beforeAll(async () => {
    ({ dir: dataDir, cleanup } = await tempDataDir());
    org = await addOrganisation(dataDir, {
      oid: OID,
      name: NAME,
      units: [
        { oid: '1.2.246.10.12345678.10.100', name: 'Lapsiperheiden sosiaalipalvelut' },
        { oid: '1.2.246.10.12345678.10.200', name: 'Lastensuojelu' },
      ],
    });
  });
  afterAll(() => cleanup());

  it('writes the documented files into <data-dir>/orgs/<oid>/ and nothing else', () => {
    expect(org.dir).toBe(join(dataDir, 'orgs', OID));
    expect(readdirSync(org.dir).sort()).toEqual(Object.values(ORG_FILES).sort());
    expect(readdirSync(join(dataDir, 'orgs'))).toEqual([OID]);
    expect(statSync(org.files.clientKey).mode & 0o077).toBe(0);
  });

  it('records oid, name, units, created and the PKCS#12 password in organisation.json', () => {
    const json = JSON.parse(readFileSync(org.files.json, 'utf8')) as Record<string, unknown>;
    expect(json).toEqual({
      oid: OID,
      name: NAME,
      units: [
        { oid: '1.2.246.10.12345678.10.100', name: 'Lapsiperheiden sosiaalipalvelut' },
        { oid: '1.2.246.10.12345678.10.200', name: 'Lastensuojelu' },
      ],
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      p12Password: 'kanta-sim',
    });
  });

  it('explains every file, the password and a curl call in README.txt', () => {
    const readme = readFileSync(org.files.readme, 'utf8');
    for (const name of Object.values(ORG_FILES).filter((n) => n !== 'README.txt')) {
      expect(readme).toContain(name);
    }
    expect(readme).toContain('PKCS#12 password: kanta-sim');
    expect(readme).toContain(`curl --cacert '${join(dataDir, 'pki', 'ca-bundle.pem')}'`);
    expect(readme).toContain(NAME);
  });

  it('issues a TLS client certificate: serialNumber = OID, O/CN = name, clientAuth', () => {
    const info = describeCertificate(new X509Certificate(readFileSync(org.files.clientCert)));
    expect(info.subjectSerialNumber).toBe(OID);
    expect(info.organisation).toBe(NAME);
    expect(info.commonName).toBe(NAME);
    expect(info.extendedKeyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
    expect(info.keyUsage?.nonRepudiation).toBe(false);
    expect(org.clientCertificate.checkPrivateKey(createPrivateKey(readFileSync(org.files.clientKey)))).toBe(
      true,
    );
  });

  it('issues a system-signature certificate: digitalSignature + nonRepudiation, critical', () => {
    const info = describeCertificate(org.signingCertificate);
    expect(info.subjectSerialNumber).toBe(OID);
    expect(info.keyUsage).toEqual({
      digitalSignature: true,
      nonRepudiation: true,
      keyEncipherment: false,
      dataEncipherment: false,
      keyAgreement: false,
      keyCertSign: false,
      cRLSign: false,
      encipherOnly: false,
      decipherOnly: false,
    });
    expect(info.keyUsageCritical).toBe(true);
    expect(info.isCa).toBe(false);
    expect(org.signingCertificate.checkPrivateKey(createPrivateKey(readFileSync(org.files.signingKey)))).toBe(
      true,
    );
  });

  it('issues both from the service CA, so they chain to the trust store', async () => {
    const trust = createTrustStore(await ensureTestPki(dataDir));
    for (const cert of [org.clientCertificate, org.signingCertificate]) {
      const result = trust.checkChain(cert, new Date());
      expect(result.trusted).toBe(true);
      if (result.trusted) {
        expect(result.chain.map((c) => describeCertificate(c).commonName)).toEqual([
          NAME,
          'kanta-sim DVV TEST Social Welfare and Healthcare Service Certs',
          'kanta-sim DVV TEST Social Welfare and Healthcare Root CA',
        ]);
      }
    }
  });

  it('packs key, certificate and chain into PKCS#12 files that forge opens with the password', () => {
    for (const [p12, pem] of [
      [org.files.clientP12, org.files.clientCert],
      [org.files.signingP12, org.files.signingCert],
    ] as const) {
      const der = readFileSync(p12).toString('binary');
      const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), 'kanta-sim');
      const certs = parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
      const keys =
        parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ??
        [];
      expect(certs).toHaveLength(3);
      expect(keys).toHaveLength(1);
      const leaf = forge.pki.certificateToPem(certs[0]!.cert!);
      expect(new X509Certificate(leaf).fingerprint256).toBe(
        new X509Certificate(readFileSync(pem)).fingerprint256,
      );
    }
  });

  it.skipIf(!HAS_OPENSSL)('produces PKCS#12 files that openssl opens with the password', () => {
    const out = execFileSync(
      'openssl',
      ['pkcs12', '-info', '-nokeys', '-passin', 'pass:kanta-sim', '-in', org.files.clientP12],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(out).toContain('serialNumber');
    expect(out).toContain('BEGIN CERTIFICATE');
    expect(() =>
      execFileSync(
        'openssl',
        ['pkcs12', '-info', '-nokeys', '-passin', 'pass:wrong', '-in', org.files.clientP12],
        {
          stdio: 'ignore',
        },
      ),
    ).toThrow();
  });

  it('refuses a second registration of the same OID with ORG_EXISTS', async () => {
    await expectKantaError(() => addOrganisation(dataDir, { oid: OID, name: 'Toinen' }), 'ORG_EXISTS');
  });
});

describe('addOrganisation input validation', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir: dataDir, cleanup } = await tempDataDir());
  });
  afterAll(() => cleanup());

  const badOids = [
    '',
    'abc',
    '1',
    '1.2.03',
    '1..2',
    '3.1.2',
    '1.2.246.10.x',
    '1.2.246.',
    '../../etc',
    '1.2 .3',
  ];
  it.each(badOids)('refuses organisation OID %j with CONFIG_INVALID', async (oid) => {
    await expectKantaError(() => addOrganisation(dataDir, { oid, name: 'X' }), 'CONFIG_INVALID');
  });

  it.each([
    ['an empty name', { oid: '1.2.3', name: '   ' }],
    ['a name over 64 characters', { oid: '1.2.3', name: 'x'.repeat(65) }],
    ['a control character in the name', { oid: '1.2.3', name: 'a\nb' }],
    ['a bad unit OID', { oid: '1.2.3', name: 'X', units: [{ oid: '1.02', name: 'U' }] }],
    [
      'a unit OID given twice',
      {
        oid: '1.2.3',
        name: 'X',
        units: [
          { oid: '1.2.3.1', name: 'U' },
          { oid: '1.2.3.1', name: 'V' },
        ],
      },
    ],
    [
      'a unit OID equal to the organisation',
      { oid: '1.2.3', name: 'X', units: [{ oid: '1.2.3', name: 'U' }] },
    ],
  ])('refuses %s with CONFIG_INVALID', async (_label, input) => {
    await expectKantaError(() => addOrganisation(dataDir, input), 'CONFIG_INVALID');
  });

  it('writes nothing for refused input', () => {
    expect(() => readdirSync(join(dataDir, 'orgs'))).toThrow();
  });

  it('lets exactly one of two concurrent registrations of an OID succeed', async () => {
    const results = await Promise.allSettled([
      addOrganisation(dataDir, { oid: '1.2.246.10.5.10.0', name: 'A' }),
      addOrganisation(dataDir, { oid: '1.2.246.10.5.10.0', name: 'B' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected?.reason as { code?: string } | undefined)?.code).toBe('ORG_EXISTS');
    // The loser's temporary directory is gone, the winner's directory is complete.
    expect(readdirSync(join(dataDir, 'orgs'))).toEqual(['1.2.246.10.5.10.0']);
    expect(readdirSync(join(dataDir, 'orgs', '1.2.246.10.5.10.0')).sort()).toEqual(
      Object.values(ORG_FILES).sort(),
    );
  });
});
