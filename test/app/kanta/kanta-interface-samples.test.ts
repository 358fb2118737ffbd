/**
 * The real Kanta samples (shared/interop/kanta-samples, read as they are) framed the way their senders
 * frame them and sent with their organisations' TLS credentials: real data must pass every rule except
 * trust in the DVV TEST CA, which kanta-sim does not ship. Conformance data: skipped where the optional
 * corpus is absent (see test/support/requirements.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationCredentials, type OrganisationCredentials } from '../../../server/index.js';
import { addOrganisation } from '../../../server/pki/organisations.js';
import { RULES } from '../../../server/rules/catalogue.js';
import { buildArchiveFrame } from '../../../server/wire/build-frame.js';
import { KANTA_SAMPLES, SAMPLE, sampleBytes, sampleDocument } from '../../support/kanta-samples.js';
import { codesOf, storedCount, warningsOf } from '../../support/refusals.js';
import { send, startKantaSim, type KantaSimInstance } from '../../support/sim.js';

const SAMPLES = [
  {
    what: 'client plan (SP17)',
    serviceRequest: 'SP17',
    signed: SAMPLE.planSigned,
    published: SAMPLE.planPublished,
    org: { oid: '1.2.246.10.2012566.10.40', name: 'Helsingin kaupunki, sosiaali- ja terveystoimiala' },
    signatures: 2,
  },
  {
    what: 'client-relationship document (SP1)',
    serviceRequest: 'SP1',
    signed: SAMPLE.relationshipSigned,
    published: SAMPLE.relationshipPublished,
    org: { oid: '1.2.246.10.32213561.10.0', name: 'Vantaan ja Keravan hyvinvointialue' },
    signatures: 1,
  },
] as const;

/** The sample CDA, byte for byte, in a frame as its sender would build it. */
function framed(sample: (typeof SAMPLES)[number], file: string): string {
  const document = sampleDocument(sample.signed);
  return buildArchiveFrame({
    serviceRequest: sample.serviceRequest,
    messageId: { root: sample.org.oid, extension: `sample-${file}` },
    senderOid: sample.org.oid,
    creationTime: new Date(),
    document,
    cdaBytes: sampleBytes(file),
  });
}

async function register(sim: KantaSimInstance): Promise<Map<string, OrganisationCredentials>> {
  const out = new Map<string, OrganisationCredentials>();
  for (const s of SAMPLES) {
    out.set(s.org.oid, await organisationCredentials(await addOrganisation(sim.dataDir, s.org)));
  }
  return out;
}

describe.skipIf(!KANTA_SAMPLES.available).each([{ mode: 'strict' as const }, { mode: 'lenient' as const }])(
  'the real samples, trust mode $mode',
  ({ mode }) => {
    let sim: KantaSimInstance;
    let creds: Map<string, OrganisationCredentials>;
    beforeAll(async () => {
      sim = await startKantaSim({ trustMode: mode });
      creds = await register(sim);
    });
    afterAll(async () => {
      await sim.stop();
    });

    it.each(SAMPLES)('the as-signed $what', async (sample) => {
      const before = await storedCount(sim);
      const result = await send(sim, framed(sample, sample.signed), { as: creds.get(sample.org.oid) });
      if (mode === 'strict') {
        expect(result.ack.typeCode, result.body).toBe('AE');
        expect(new Set(codesOf(result))).toEqual(new Set([RULES.SIG_CERT_UNTRUSTED.code]));
        expect(await storedCount(sim)).toBe(before);
      } else {
        expect(result.ack.typeCode, result.body).toBe('AA');
        expect(warningsOf(result).length).toBeGreaterThanOrEqual(sample.signatures);
        expect(new Set(warningsOf(result))).toEqual(new Set([RULES.SIG_CERT_UNTRUSTED_ACCEPTED.code]));
        expect(await storedCount(sim)).toBe(before + 1);
        expect(await sim.running.store.getDocumentBytes(sampleDocument(sample.signed).id)).toEqual(
          sampleBytes(sample.signed),
        );
      }
    });

    it.each(SAMPLES)('the as-published $what: SIG_DIGEST_MISMATCH, explained', async (sample) => {
      const before = await storedCount(sim);
      const result = await send(sim, framed(sample, sample.published), { as: creds.get(sample.org.oid) });
      expect(result.ack.typeCode, result.body).toBe('AE');
      expect(codesOf(result)).toContain(RULES.SIG_DIGEST_MISMATCH.code);
      const digest = result.ack.details.find((d) => d.code === RULES.SIG_DIGEST_MISMATCH.code);
      expect(digest?.text).toContain('verifies once whitespace between tags is removed');
      expect(await storedCount(sim)).toBe(before);
    });
  },
);
