/**
 * Organisations made with a given key pair (a classroom's sandboxes): each gets its own certificates,
 * naming its own OID, over the one key it was given, and a client can prove either with that key.
 */
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRsaKeyPair, type KeyPairPem } from '../../server/pki/issue.js';
import { addOrganisation, type Organisation } from '../../server/pki/organisations.js';
import { tempDataDir } from './pki-test-helpers.js';

describe('organisations sharing a key pair', () => {
  let cleanup: () => Promise<void>;
  let keyPair: KeyPairPem;
  let orgs: Organisation[];
  beforeAll(async () => {
    const temp = await tempDataDir();
    cleanup = temp.cleanup;
    keyPair = await generateRsaKeyPair();
    orgs = await Promise.all(
      ['1.2.246.10.9876501.10.0', '1.2.246.10.9876502.10.0'].map((oid, i) =>
        addOrganisation(temp.dir, { oid, name: `Harjoituskunta 0${i + 1}`, keyPair }),
      ),
    );
  });
  afterAll(() => cleanup());

  it('certifies the given key for TLS and signing, in certificates of its own', () => {
    const given = createPublicKey(keyPair.publicKeyPem).export({ type: 'spki', format: 'der' });
    for (const org of orgs) {
      for (const cert of [org.clientCertificate, org.signingCertificate]) {
        expect(cert.publicKey.export({ type: 'spki', format: 'der' })).toEqual(given);
        expect(cert.subject).toContain(org.oid);
      }
      const key = createPrivateKey(readFileSync(org.files.clientKey));
      expect(org.clientCertificate.checkPrivateKey(key)).toBe(true);
    }
    const [a, b] = orgs.map((o) => new X509Certificate(readFileSync(o.files.clientCert)));
    expect(a?.serialNumber).not.toBe(b?.serialNumber);
  });
});
