/**
 * Test support for the control API tests: a signed client plan for any test client, sent over mutual TLS
 * with node:https so that transport-level faults (503, SOAP fault, a dropped connection) are seen as a
 * real client sees them.
 */
import https from 'node:https';
import { readFileSync } from 'node:fs';
import { clientPlan } from '../../../server/cda/templates-documents.js';
import type { KantaSimInstance } from '../../../server/index.js';
import { buildSignedMessage } from '../../../server/samples/signed-message.js';
import type { EnvelopeStyle } from '../../../server/wire/archive-frame.js';
import { parseAcknowledgement, type ParsedAcknowledgement } from '../../../server/wire/acknowledgement.js';

let counter = 0;

/** A valid SP17 client plan of the demo organiser for `hetu`, signed by the demo professional and system. */
export function clientPlanMessage(
  sim: KantaSimInstance,
  hetu: string,
  options: { now?: Date; style?: EnvelopeStyle } = {},
): { id: string; xml: string; cdaXml: string } {
  const { organiser, professional } = sim.running.demo;
  const now = options.now ?? new Date();
  const n = ++counter;
  const id = `1.2.246.10.12345678.95.${now.getUTCFullYear()}.${n}.${now.getTime()}`;
  const spec = clientPlan({
    id,
    caseId: '1.2.246.10.12345678.96.2026.1.1',
    client: { hetu, given: ['Testi'], family: 'Asiakas', gender: '2' },
    organiser: { oid: organiser.oid, name: organiser.name },
    serviceUnit: organiser.units[0] ?? { oid: organiser.oid, name: organiser.name },
    author: { regNo: professional.regno, given: professional.given, family: professional.family },
    date: now,
  });
  const message = buildSignedMessage({
    spec,
    serviceRequest: 'SP17',
    senderOid: organiser.oid,
    messageId: { root: organiser.oid, extension: `test-${n}-${now.getTime()}` },
    creationTime: now,
    style: options.style,
    system: {
      keyPem: readFileSync(organiser.files.signingKey, 'utf8'),
      certPem: readFileSync(organiser.files.signingCert, 'utf8'),
    },
    professionals: [
      {
        keyPem: readFileSync(professional.files.key, 'utf8'),
        certPem: readFileSync(professional.files.cert, 'utf8'),
        regNo: professional.regno,
      },
    ],
  });
  return { id, xml: message.messageXml, cdaXml: message.cdaXml };
}

export type RawAnswer =
  | {
      readonly ok: true;
      readonly status: number;
      readonly headers: Record<string, string | string[] | undefined>;
      readonly body: string;
      readonly ms: number;
      ack(): ParsedAcknowledgement;
    }
  | { readonly ok: false; readonly error: NodeJS.ErrnoException; readonly ms: number };

/** POSTs `xml` to /sha as the demo organiser; a transport failure is a result, not an exception. */
export function post(
  sim: KantaSimInstance,
  xml: string,
  options: { contentType?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const started = performance.now();
  const url = new URL(sim.kantaUrl);
  return new Promise((resolve) => {
    const req = https.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        ca: sim.caBundlePem,
        cert: sim.demo.organiser.clientCertPem,
        key: sim.demo.organiser.clientKeyPem,
        agent: false,
        headers: { 'content-type': options.contentType ?? 'text/xml; charset=utf-8', ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({
            ok: true,
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            ms: performance.now() - started,
            ack: () => parseAcknowledgement(body),
          });
        });
        res.on('error', (error) => resolve({ ok: false, error, ms: performance.now() - started }));
      },
    );
    req.on('error', (error) => resolve({ ok: false, error, ms: performance.now() - started }));
    req.end(xml);
  });
}
