import { afterAll, describe, expect, it } from 'vitest';
import { clientPlan } from '../../server/cda/templates-documents.js';
import { createSeedSigner } from '../../server/classroom/seed-signer.js';
import { signSeedJob, type SeedSigningJob } from '../../server/control/seed-signing.js';
import { OWN_CLIENT, OWN_PROFESSIONAL, OWN_TIMES, ownDocuments } from '../support/own-documents.js';

const ORGANISER = { oid: '1.2.246.10.12345678.10.0', name: 'Testin hyvinvointialue' };

function job(): SeedSigningJob {
  const own = ownDocuments();
  return {
    spec: clientPlan({
      id: '1.2.246.10.12345678.14.2026.77.1',
      caseId: '1.2.246.10.12345678.95.2026.77.1',
      client: OWN_CLIENT,
      organiser: ORGANISER,
      serviceUnit: { oid: '1.2.246.10.12345678.10.40001', name: 'Perhekeskus' },
      author: OWN_PROFESSIONAL,
      date: OWN_TIMES.written,
    }),
    serviceRequest: 'SP17',
    senderOid: ORGANISER.oid,
    messageId: { root: ORGANISER.oid, extension: 'seed-signer-test' },
    creationTime: OWN_TIMES.written,
    system: { keyPem: own.system.keyPem, certPem: own.system.certPem },
    professionals: [{ ...own.professionals[0], regNo: OWN_PROFESSIONAL.regNo }],
  };
}

describe('the classroom seed signer', () => {
  const signer = createSeedSigner(1);
  afterAll(() => signer.close());

  it('signs on its signing thread exactly what this thread signs (RSA PKCS#1 v1.5 is deterministic)', async () => {
    const here = signSeedJob(job());
    const there = await signer.sign(job());
    expect(Buffer.isBuffer(there)).toBe(true);
    expect(there.equals(here)).toBe(true);
    expect(there.toString('utf8')).toContain('<RCMR_IN200002FI01');
  });

  it('still signs once the thread is stopped, on the calling thread', async () => {
    const stopped = createSeedSigner(1);
    await stopped.close();
    expect((await stopped.sign(job())).equals(signSeedJob(job()))).toBe(true);
  });
});
