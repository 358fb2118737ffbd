/**
 * The ready-to-send demo message that `kanta-sim start` points a new user at: a families-with-children
 * client plan for a test client, signed by the demo social worker and with the demo organiser's system
 * signature, framed as SP17. Written once per signing certificate, so resending it is answered as the
 * same document (AA again) instead of an id conflict.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { clientPlan } from '../cda/templates-documents.js';
import type { Organisation } from '../pki/organisations.js';
import type { Professional } from '../pki/professionals.js';
import { buildSignedMessage, type SigningKey } from './signed-message.js';

/** The demo test client: a child in families-with-children services (individual number 9xx). */
export const DEMO_CLIENT = Object.freeze({
  hetu: '150615A916X',
  given: ['Aino', 'Maria'],
  family: 'Testilä',
  callName: 'Aino',
  gender: '2' as const,
});

export interface DemoParties {
  readonly organiser: Organisation;
  readonly professional: Professional;
}

/** Writes (if missing or signed by another certificate) and returns the path of the demo message. */
export async function ensureDemoMessage(dataDir: string, demo: DemoParties): Promise<string> {
  const dir = path.join(dataDir, 'demo');
  const file = path.join(dir, 'archive-client-plan-SP17.xml');
  const stamp = path.join(dir, 'archive-client-plan-SP17.json');
  const fingerprint = demo.organiser.signingCertificate.fingerprint256;
  const existing = await readFile(stamp, 'utf8').then(
    (s) => JSON.parse(s) as { fingerprint?: string },
    () => undefined,
  );
  if (existing?.fingerprint === fingerprint) {
    return file;
  }
  await mkdir(dir, { recursive: true });
  await writeFile(file, demoMessage(demo, new Date()));
  await writeFile(stamp, JSON.stringify({ fingerprint }, null, 2));
  return file;
}

/** Builds the demo message: signed CDA in a SP17 frame. */
export function demoMessage(demo: DemoParties, now: Date): string {
  const { organiser, professional } = demo;
  const unit = organiser.units[0] ?? { oid: organiser.oid, name: organiser.name };
  const base = organiser.oid.replace(/\.10\.0$/, '');
  const stamp = now.getTime();
  const spec = clientPlan({
    id: `${base}.95.${now.getUTCFullYear()}.1.${stamp}`,
    caseId: `${base}.96.${now.getUTCFullYear()}.1.1`,
    client: DEMO_CLIENT,
    organiser: { oid: organiser.oid, name: organiser.name },
    serviceUnit: unit,
    author: {
      regNo: professional.regno,
      given: professional.given,
      family: professional.family,
      title: professional.title,
    },
    date: now,
  });
  return buildSignedMessage({
    spec,
    serviceRequest: 'SP17',
    senderOid: organiser.oid,
    messageId: { root: organiser.oid, extension: String(stamp) },
    creationTime: now,
    system: key(organiser.files.signingKey, organiser.files.signingCert),
    professionals: [{ ...key(professional.files.key, professional.files.cert), regNo: professional.regno }],
  }).messageXml;
}

function key(keyFile: string, certFile: string): SigningKey {
  return { keyPem: readFileSync(keyFile, 'utf8'), certPem: readFileSync(certFile, 'utf8') };
}
