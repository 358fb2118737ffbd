/**
 * The TLS identity through the server: who may call is decided from the client certificate before any XML
 * is read, and organisations registered while the server runs are accepted without a restart.
 */
import { rm } from 'node:fs/promises';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationCredentials } from '../../../server/index.js';
import { addOrganisation } from '../../../server/pki/organisations.js';
import { RULES } from '../../../server/rules/catalogue.js';
import { buildMessage } from '../../support/message-builder.js';
import { codesOf, expectArchived, expectRefused } from '../../support/refusals.js';
import { send, startKantaSim, type KantaSimInstance } from '../../support/sim.js';
import { createCa, issueLeaf } from '../../signature/support/test-ca.js';

let sim: KantaSimInstance;
beforeAll(async () => {
  sim = await startKantaSim();
});
afterAll(async () => {
  await sim.stop();
});

describe('the TLS client identity', () => {
  it('answers a connection without a client certificate with HTTP 403 and AR TLS_CLIENT_CERT_MISSING', async () => {
    const result = await expectRefused(
      sim,
      buildMessage(sim.demo).messageXml,
      RULES.TLS_CLIENT_CERT_MISSING,
      {
        as: null,
        httpStatus: 403,
      },
    );
    expect(result.headers['content-type']).toMatch(/^text\/xml/);
  });

  it('refuses a client certificate from a foreign CA naming a registered organisation (TLS_CLIENT_CERT_UNTRUSTED)', async () => {
    const foreign = issueLeaf(createCa('foreign TLS CA'), {
      commonName: 'Demokylän asiakastietojärjestelmä',
      serialNumber: sim.demo.organiser.oid,
      keyUsage: { digitalSignature: true, keyEncipherment: true },
    });
    const result = await expectRefused(
      sim,
      buildMessage(sim.demo).messageXml,
      RULES.TLS_CLIENT_CERT_UNTRUSTED,
      {
        as: { clientCertPem: foreign.certPem, clientKeyPem: foreign.keyPem },
        httpStatus: 403,
      },
    );
    expect(codesOf(result)).toEqual([RULES.TLS_CLIENT_CERT_UNTRUSTED.code]);
  });

  it('accepts an organisation registered after start, without a restart, and forgets one removed', async () => {
    const added = await addOrganisation(sim.dataDir, {
      oid: '1.2.246.10.55555555.10.0',
      name: 'Myöhäisen kunta',
    });
    const organiser = await organisationCredentials(added);
    const parties = { organiser, professional: sim.demo.professional };
    await expectArchived(sim, buildMessage(parties, { kind: 'clientRelationship' }).messageXml, {
      as: organiser,
    });
    await expectArchived(sim, buildMessage(parties, { kind: 'clientPlan' }).messageXml, { as: organiser });
    expect(await sim.running.store.countDocuments({ registerOids: [organiser.oid] })).toBe(2);

    await rm(added.dir, { recursive: true, force: true });
    const after = await send(sim, buildMessage(parties).messageXml, { as: organiser });
    expect(after.status).toBe(403);
    expect(codesOf(after)).toEqual([RULES.TLS_CLIENT_UNKNOWN_ORG.code]);
  });

  it("refuses a registered organisation sending in another organisation's name (FRAME_SENDER_MISMATCH)", async () => {
    await expectRefused(sim, buildMessage(sim.demo).messageXml, RULES.FRAME_SENDER_MISMATCH, {
      as: sim.demo.provider,
    });
  });

  it('refuses renegotiation, so a connection keeps the client certificate of its handshake', async () => {
    const url = new URL(sim.kantaUrl);
    const socket = tls.connect({
      host: url.hostname,
      port: Number(url.port),
      ca: sim.caBundlePem,
      cert: sim.demo.organiser.clientCertPem,
      key: sim.demo.organiser.clientKeyPem,
      // TLS 1.3 has no renegotiation at all; 1.2 would have it but for the listener.
      maxVersion: 'TLSv1.2',
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('secureConnect', resolve);
        socket.once('error', reject);
      });
      const outcome = await new Promise<string>((resolve) => {
        // Refused renegotiation may end in an alert, a closed connection or no answer at all.
        setTimeout(() => resolve('no answer'), 3000).unref();
        socket.once('error', (e) => resolve(`error: ${e.message}`));
        socket.once('close', () => resolve('closed'));
        socket.renegotiate({}, (e) => resolve(e ? `error: ${e.message}` : 'renegotiated'));
      });
      expect(outcome).not.toBe('renegotiated');
    } finally {
      socket.destroy();
    }
  });
});
