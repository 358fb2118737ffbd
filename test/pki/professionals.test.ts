import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCertificate } from '../../server/pki/cert-info.js';
import { ProfessionalDirectory } from '../../server/pki/professional-directory.js';
import { PRO_FILES, addProfessional, type Professional } from '../../server/pki/professionals.js';
import { ensureTestPki } from '../../server/pki/test-pki.js';
import { createTrustStore } from '../../server/pki/trust-store.js';
import { expectKantaError, tempDataDir } from './pki-test-helpers.js';

describe('addProfessional', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let pro: Professional;

  beforeAll(async () => {
    ({ dir: dataDir, cleanup } = await tempDataDir());
    pro = await addProfessional(dataDir, { regno: '25104559651', name: 'Sanna Sosiaalityöntekijä' });
  });
  afterAll(() => cleanup());

  it('writes the documented files into <data-dir>/pros/<regno>/', () => {
    expect(pro.dir).toBe(join(dataDir, 'pros', '25104559651'));
    expect(readdirSync(pro.dir).sort()).toEqual(Object.values(PRO_FILES).sort());
    expect(JSON.parse(readFileSync(pro.files.json, 'utf8'))).toMatchObject({
      regno: '25104559651',
      given: 'Sanna',
      family: 'Sosiaalityöntekijä',
      title: 'sosiaalityöntekijä',
      p12Password: 'kanta-sim',
    });
    const readme = readFileSync(pro.files.readme, 'utf8');
    expect(readme).toContain('PKCS#12 password: kanta-sim');
    expect(readme).toContain('nonRepudiation only');
  });

  it('issues a professional certificate like DVV: serialNumber = regno, title, GN/SN, nonRepudiation only', () => {
    const info = describeCertificate(pro.certificate);
    expect(info.subjectSerialNumber).toBe('25104559651');
    expect(info.title).toBe('sosiaalityöntekijä');
    expect(info.givenName).toBe('Sanna');
    expect(info.surname).toBe('Sosiaalityöntekijä');
    expect(info.commonName).toBe('Sosiaalityöntekijä Sanna 25104559651');
    expect(info.keyUsageCritical).toBe(true);
    expect(Object.entries(info.keyUsage ?? {}).filter(([, on]) => on)).toEqual([['nonRepudiation', true]]);
    expect(pro.certificate.subject.split('\n')).toContain('title=sosiaalityöntekijä');
  });

  it('issues it from the professional CA', async () => {
    const result = createTrustStore(await ensureTestPki(dataDir)).checkChain(pro.certificate, new Date());
    expect(result.trusted && describeCertificate(result.chain[1]!).commonName).toBe(
      'kanta-sim DVV TEST Social Welfare and Healthcare Prof. Certs',
    );
  });

  it('splits several given names from the family name and keeps a given title', async () => {
    const p = await addProfessional(dataDir, {
      regno: '123456',
      name: ' Anna  Maria Virtanen ',
      title: 'sosionomi',
    });
    expect([p.given, p.family, p.title]).toEqual(['Anna Maria', 'Virtanen', 'sosionomi']);
  });

  it('refuses a registration number that is already registered with PRO_EXISTS', async () => {
    await expectKantaError(
      () => addProfessional(dataDir, { regno: '25104559651', name: 'Toinen Henkilö' }),
      'PRO_EXISTS',
    );
  });

  it.each([
    ['a registration number with letters', { regno: '2510455965A', name: 'A B' }],
    ['an empty registration number', { regno: '', name: 'A B' }],
    ['a path as registration number', { regno: '../x', name: 'A B' }],
    ['a single-word name', { regno: '1', name: 'Sanna' }],
    ['an empty title', { regno: '1', name: 'A B', title: ' ' }],
    ['a name too long for the CN', { regno: '1', name: `${'a'.repeat(40)} ${'b'.repeat(30)}` }],
  ])('refuses %s with CONFIG_INVALID', async (_label, input) => {
    await expectKantaError(() => addProfessional(dataDir, input), 'CONFIG_INVALID');
  });
});

describe('ProfessionalDirectory', () => {
  it('sees professionals added after it was created, and lists them by number', async () => {
    const { dir, cleanup } = await tempDataDir();
    try {
      const directory = new ProfessionalDirectory(dir);
      expect(directory.list()).toEqual([]);
      expect(directory.get('25104559651')).toBeUndefined();
      await addProfessional(dir, { regno: '25104559651', name: 'Sanna Sosiaalityöntekijä' });
      expect(directory.get('25104559651')?.family).toBe('Sosiaalityöntekijä');
      await addProfessional(dir, { regno: '111', name: 'Eka Toka' });
      expect(directory.list().map((p) => p.regno)).toEqual(['111', '25104559651']);
      expect(directory.get('../pki')).toBeUndefined();
    } finally {
      await cleanup();
    }
  });
});
