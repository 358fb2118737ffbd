/**
 * The Kanta signature profile through the server: a signature that is missing, broken by a one-character
 * change, made with an untrusted or unfit certificate, or by someone the document does not name.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addProfessional } from '../../../server/pki/professionals.js';
import { RULES } from '../../../server/rules/catalogue.js';
import { buildMessage, replaceOnce } from '../../support/message-builder.js';
import { codesOf, expectArchived, expectRefused } from '../../support/refusals.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';
import { createCa, issueLeaf } from '../../signature/support/test-ca.js';

let sim: KantaSimInstance;
beforeAll(async () => {
  sim = await startKantaSim();
});
afterAll(async () => {
  await sim.stop();
});

/** Changes one Base64 character of the signed body's display form. */
function flipOneBodyCharacter(cda: string): string {
  return cda.replace(/(<text[^>]*representation="B64"[^>]*>)(.)/, (_m, open: string, c: string) => {
    return open + (c === 'P' ? 'Q' : 'P');
  });
}

describe('signatures through the server', () => {
  it('refuses a document without any signature (SIG_MISSING)', async () => {
    await expectRefused(
      sim,
      buildMessage(sim.demo, { system: null, professionals: null }).messageXml,
      RULES.SIG_MISSING,
    );
  });

  it('archives the signed twin, and refuses it after a one-character change in the body (SIG_DIGEST_MISMATCH)', async () => {
    const m = buildMessage(sim.demo);
    const tampered = buildMessage(sim.demo, { cda: flipOneBodyCharacter });
    expect(tampered.cdaXml.length).toBe(m.cdaXml.length);
    const result = await expectRefused(sim, tampered.messageXml, RULES.SIG_DIGEST_MISMATCH);
    // both the professional's and the system signature cover the body
    expect(codesOf(result).filter((c) => c === RULES.SIG_DIGEST_MISMATCH.code)).toHaveLength(2);
    await expectArchived(sim, m.messageXml);
  });

  it('refuses a system signature by a certificate of a foreign CA naming the organiser (SIG_CERT_UNTRUSTED)', async () => {
    const foreign = issueLeaf(createCa('foreign CA'), {
      commonName: 'Demokylän asiakastietojärjestelmä',
      serialNumber: sim.demo.organiser.oid,
      keyUsage: { digitalSignature: true, nonRepudiation: true },
    });
    const m = buildMessage(sim.demo, { system: { keyPem: foreign.keyPem, certPem: foreign.certPem } });
    await expectRefused(sim, m.messageXml, RULES.SIG_CERT_UNTRUSTED);
  });

  it('refuses a system signature made with the TLS client certificate: no nonRepudiation (SIG_CERT_KEY_USAGE)', async () => {
    const o = sim.demo.organiser;
    const m = buildMessage(sim.demo, { system: { keyPem: o.clientKeyPem, certPem: o.clientCertPem } });
    await expectRefused(sim, m.messageXml, RULES.SIG_CERT_KEY_USAGE);
  });

  it("refuses a system signature by another organisation's certificate (SIG_SYSTEM_OID_MISMATCH)", async () => {
    const p = sim.demo.provider;
    const m = buildMessage(sim.demo, { system: { keyPem: p.signingKeyPem, certPem: p.signingCertPem } });
    await expectRefused(sim, m.messageXml, RULES.SIG_SYSTEM_OID_MISMATCH);
  });

  it('refuses a professional signature by someone other than the signer the header names (SIG_PROFESSIONAL_MISMATCH)', async () => {
    const other = await addProfessional(sim.dataDir, { regno: '25104559699', name: 'Olli Ohjaaja' });
    const m = buildMessage(sim.demo, {
      professionals: [
        {
          keyPem: await readFile(other.files.key, 'utf8'),
          certPem: await readFile(other.files.cert, 'utf8'),
          regNo: sim.demo.professional.regno,
        },
      ],
    });
    await expectRefused(sim, m.messageXml, RULES.SIG_PROFESSIONAL_MISMATCH);
  });

  it('refuses a signature whose timestamp was changed after signing (SIG_DIGEST_MISMATCH)', async () => {
    const m = buildMessage(sim.demo, {
      cda: (x) =>
        replaceOnce(
          x,
          /(<hl7fi:signatureTimestamp[^>]*>)(\d{4})/,
          (_m, open: string, y: string) => `${open}${Number(y) - 1}`,
        ),
    });
    await expectRefused(sim, m.messageXml, RULES.SIG_DIGEST_MISMATCH);
  });
});
