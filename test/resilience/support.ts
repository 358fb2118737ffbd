/**
 * Resilience test support: signed messages built from a running kanta-sim's demo credentials, and a
 * keep-alive mutual-TLS poster for a kanta-sim running in another process.
 */
import https from 'node:https';
import { startKantaSim, type KantaSimInstance } from '../../server/index.js';
import {
  buildRange,
  partiesFrom,
  type BuildParties,
  type BuiltMessage,
} from '../../bench/build-documents.js';

/**
 * Generates the PKI and demo organisation in `dataDir` (an in-process start with an in-memory database)
 * and returns the demo credentials, so that a CLI process started on the same directory trusts them.
 */
export async function prepareDataDir(dataDir: string): Promise<{ parties: BuildParties; client: ClientTls }> {
  const sim = await startKantaSim({ dataDir });
  await sim.stop();
  return {
    parties: partiesOf(sim),
    client: {
      caPem: sim.caBundlePem,
      certPem: sim.demo.organiser.clientCertPem,
      keyPem: sim.demo.organiser.clientKeyPem,
    },
  };
}

/** The demo organisation and professional of a kanta-sim as the message builder's plain parties. */
export function partiesOf(sim: KantaSimInstance): BuildParties {
  return partiesFrom(sim.demo.organiser, sim.demo.professional);
}

/** A keep-alive mutual-TLS agent for the demo organisation. */
export function tlsAgent(client: ClientTls, maxSockets = 4): https.Agent {
  return new https.Agent({
    keepAlive: true,
    maxSockets,
    ca: client.caPem,
    cert: client.certPem,
    key: client.keyPem,
  });
}

export interface ClientTls {
  readonly caPem: string;
  readonly certPem: string;
  readonly keyPem: string;
}

/** `count` unique signed messages (the bench's builder, on this thread). */
export function messages(parties: BuildParties, tag: string, count: number): BuiltMessage[] {
  return buildRange({ parties, tag, from: 0, count, signedAt: Date.now() });
}

export { post, type Answer } from '../../bench/load.js';
