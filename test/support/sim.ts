/**
 * Test support: a fresh kanta-sim per test file (ephemeral ports, in-memory database) and a mutual-TLS
 * client for its Kanta interface built on supertest.
 */
import request from 'supertest';
import {
  startKantaSim,
  type KantaSimInstance,
  type OrganisationCredentials,
  type StartOptions,
} from '../../server/index.js';
import { parseAcknowledgement, type ParsedAcknowledgement } from '../../server/wire/acknowledgement.js';

export interface SendOptions {
  /** The TLS identity; undefined = no client certificate. */
  readonly as?: Pick<OrganisationCredentials, 'clientCertPem' | 'clientKeyPem'> | null;
  readonly contentType?: string;
}

export interface SendResult {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string>;
  readonly ack: ParsedAcknowledgement;
}

/** POSTs a message to /sha over mutual TLS and parses the acknowledgement. */
export async function send(
  sim: KantaSimInstance,
  message: string | Buffer,
  options: SendOptions = {},
): Promise<SendResult> {
  const identity = options.as === undefined ? sim.demo.organiser : options.as;
  const base = sim.kantaUrl.replace(/\/sha$/, '');
  let req = request(base)
    .post('/sha')
    .ca(sim.caBundlePem)
    .set('Content-Type', options.contentType ?? 'text/xml; charset=utf-8');
  if (identity) {
    req = req.cert(identity.clientCertPem).key(identity.clientKeyPem);
  }
  const res = await req
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    })
    .send(message);
  const body = res.body as string;
  let ack: ParsedAcknowledgement;
  try {
    ack = parseAcknowledgement(body);
  } catch (cause) {
    // A test expecting an acknowledgement should see what came instead (a 5xx page, a JSON error ...).
    throw new Error(`HTTP ${res.status} carried no HL7 acknowledgement: ${body.slice(0, 500)}`, { cause });
  }
  return { status: res.status, body, headers: res.headers as Record<string, string>, ack };
}

export { startKantaSim };
export type { KantaSimInstance, StartOptions };
