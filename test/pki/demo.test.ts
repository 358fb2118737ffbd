import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCertificate } from '../../server/pki/cert-info.js';
import { ensureDemoOrganisation, type DemoData } from '../../server/pki/demo.js';
import { OrganisationDirectory } from '../../server/pki/organisation-directory.js';
import { tempDataDir } from './pki-test-helpers.js';

describe('ensureDemoOrganisation', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let demo: DemoData;

  beforeAll(async () => {
    ({ dir: dataDir, cleanup } = await tempDataDir());
    demo = await ensureDemoOrganisation(dataDir);
  });
  afterAll(() => cleanup());

  it('creates the organiser with its two units, the provider and the social worker', () => {
    expect(demo.organiser).toMatchObject({
      oid: '1.2.246.10.12345678.10.0',
      name: 'Demokylän hyvinvointialue',
      units: [
        { oid: '1.2.246.10.12345678.10.100', name: 'Lapsiperheiden sosiaalipalvelut' },
        { oid: '1.2.246.10.12345678.10.200', name: 'Lastensuojelu' },
      ],
    });
    expect(demo.provider).toMatchObject({
      oid: '1.2.246.10.87654321.10.0',
      name: 'Palvelutuottaja Oy',
      units: [{ oid: '1.2.246.10.87654321.10.10', name: 'Perhetyö Palvelutuottaja' }],
    });
    expect(describeCertificate(demo.professional.certificate)).toMatchObject({
      subjectSerialNumber: '25104559651',
      givenName: 'Sanna',
      surname: 'Sosiaalityöntekijä',
      title: 'sosiaalityöntekijä',
    });
    expect(readdirSync(dataDir).sort()).toEqual(['orgs', 'pki', 'pros']);
  });

  it('leaves existing demo data alone on later runs', async () => {
    const again = await ensureDemoOrganisation(dataDir);
    expect(again.organiser.clientCertificate.fingerprint256).toBe(
      demo.organiser.clientCertificate.fingerprint256,
    );
    expect(again.professional.certificate.fingerprint256).toBe(demo.professional.certificate.fingerprint256);
    expect(new OrganisationDirectory(dataDir).list()).toHaveLength(2);
    expect(readdirSync(join(dataDir, 'pros'))).toEqual(['25104559651']);
  });
});
