import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeCertificate } from '../../server/pki/cert-info.js';
import { KANTA_SAMPLES } from '../support/requirements.js';
import { sampleCertificates } from './pki-test-helpers.js';

const SHA512_WITH_RSA = '1.2.840.113549.1.1.13';

describe('describeCertificate on the real DVV TEST certificates', () => {
  it.skipIf(!KANTA_SAMPLES.available)(
    'reads the system-signature certificate of the SP1 document: serialNumber = organisation OID',
    () => {
      const [cert] = sampleCertificates('cda-asiakkuusasiakirja.as-signed.xml');
      const info = describeCertificate(cert!);
      expect(info.subjectSerialNumber).toBe('1.2.246.10.32213561.10.0');
      expect(info.organisation).toBe('Vantaan ja Keravan hyvinvointialue');
      expect(info.commonName).toBe('Potilastietojärjestelmä');
      expect(info.keyUsage).toMatchObject({
        digitalSignature: true,
        nonRepudiation: true,
        keyEncipherment: false,
      });
      expect(info.keyUsageCritical).toBe(true);
      expect(info.issuer).toBe(
        'C=FI, O=Digi- ja vaestotietovirasto TEST, OU=Sosiaali- ja terveydenhuollon testipalveluvarmenteet, ' +
          'CN=DVV TEST Social Welfare and Healthcare Service Certs - G3R',
      );
      expect(info.signatureAlgorithmOid).toBe(SHA512_WITH_RSA);
      expect(info.notAfter.toISOString()).toBe('2026-10-09T20:59:59.000Z');
      expect(info.isCa).toBe(false);
      expect(info.fingerprint256).toBe(cert!.fingerprint256);
    },
  );

  it.skipIf(!KANTA_SAMPLES.available)(
    'reads the professional certificates of the client plan: regno, title, nonRepudiation only',
    () => {
      const certs = sampleCertificates('cda-asiakassuunnitelma.as-signed.xml');
      expect(certs.length).toBeGreaterThanOrEqual(2);
      for (const cert of certs) {
        const info = describeCertificate(cert);
        expect(info.subjectSerialNumber).toBe('25104559650');
        expect(info.title).toBe('251 sosionomi, socionom');
        expect(info.givenName).toBe('Angelica');
        expect(info.surname).toBe('Johansson');
        expect(info.subject).toContain('title=251 sosionomi\\, socionom');
        expect(Object.entries(info.keyUsage ?? {}).filter(([, on]) => on)).toEqual([
          ['nonRepudiation', true],
        ]);
        expect(info.keyUsageCritical).toBe(true);
      }
    },
  );

  it('reports no keyUsage for a certificate without the extension', async () => {
    const forge = (await import('node-forge')).default;
    const keys = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
    const c = forge.pki.createCertificate();
    c.publicKey = keys.publicKey;
    c.serialNumber = '01';
    c.setSubject([{ shortName: 'CN', value: 'plain' }]);
    c.setIssuer([{ shortName: 'CN', value: 'plain' }]);
    c.sign(keys.privateKey, forge.md.sha256.create());
    const info = describeCertificate(new X509Certificate(forge.pki.certificateToPem(c)));
    expect(info.keyUsage).toBeUndefined();
    expect(info.keyUsageCritical).toBe(false);
    expect(info.subjectSerialNumber).toBeUndefined();
    expect(info.commonName).toBe('plain');
  });
});
