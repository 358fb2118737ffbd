import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCda } from '../../server/cda/parse-cda.js';
import { ensureTestPki } from '../../server/pki/test-pki.js';
import { createTrustStore, type TrustStore } from '../../server/pki/trust-store.js';
import { RULES } from '../../server/rules/catalogue.js';
import {
  createVerifyPool,
  type PlainVerifyContext,
  type VerifyPool,
} from '../../server/signature/verify-pool.js';
import { verifyDocumentSignatures } from '../../server/signature/verify-signatures.js';
import { parseDom } from '../../server/xml/dom.js';
import { startKantaSim, type KantaSimInstance } from '../support/sim.js';
import { messages, partiesOf } from '../resilience/support.js';

describe('the signature verification pool', () => {
  let sim: KantaSimInstance;
  let trust: TrustStore;
  let pool: VerifyPool;
  let cda: string;
  let ctx: PlainVerifyContext;
  beforeAll(async () => {
    sim = await startKantaSim();
    trust = createTrustStore(await ensureTestPki(sim.dataDir));
    pool = createVerifyPool(trust, { size: 2 });
    cda = messages(partiesOf(sim), '99', 1)[0]?.cdaXml ?? '';
    const dom = parseDom(cda);
    const parsed = dom.ok ? parseCda(dom.doc) : undefined;
    if (!parsed?.ok) {
      throw new Error('the built document does not parse');
    }
    const doc = parsed.document;
    ctx = {
      documentId: doc.id,
      senderOid: sim.demo.organiser.oid,
      custodianOid: doc.custodian.oid,
      headerSignerRegNos: doc.header.signers.map((s) => s.registrationNumber),
      trustMode: 'strict',
      now: new Date(),
    };
  });
  afterAll(async () => {
    await pool.close();
    await sim.stop();
  });

  it('answers exactly what verifyDocumentSignatures answers on this thread', async () => {
    const dom = parseDom(cda);
    if (!dom.ok) {
      throw new Error('unparsable');
    }
    const here = verifyDocumentSignatures(cda, dom.doc, { ...ctx, trust });
    const there = await pool.verifyInWorker(cda, ctx);
    expect(pool.size).toBe(2);
    expect(there.ok).toBe(true);
    expect(there).toEqual(here);
  });

  it('refuses a tampered document with the catalogue rule objects themselves', async () => {
    const tampered = cda.replace(
      /(<hl7fi:signatureTimestamp[^>]*>)(\d)/,
      (_m, tag: string, d: string) => `${tag}${d === '1' ? '2' : '1'}`,
    );
    const result = await pool.verifyInWorker(tampered, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.violations.map((v) => v.rule)).toContain(RULES.SIG_DIGEST_MISMATCH);
    }
  });

  it('verifies many documents concurrently across the workers', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => pool.verifyInWorker(cda, ctx)));
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('verifies on the calling thread after close', async () => {
    const closed = createVerifyPool(trust, { size: 1 });
    await closed.close();
    expect((await closed.verifyInWorker(cda, ctx)).ok).toBe(true);
  });

  it('with size 0, verifies on the calling thread', async () => {
    const none = createVerifyPool(trust, { size: 0 });
    expect((await none.verifyInWorker(cda, ctx)).ok).toBe(true);
    await none.close();
  });
});
