/**
 * Signing one seed message: the writing organisation's system signature and, for a case document, the
 * professional's, both at the document's own date (the test PKI reaches back to pkiValidFrom). Key files
 * are read once per seed, not once per document.
 */
import { readFileSync } from 'node:fs';
import type { DocumentSpec } from '../cda/build-spec.js';
import type { Organisation } from '../pki/organisations.js';
import type { Professional } from '../pki/professionals.js';
import { buildSignedMessage, type SignedMessageInput } from '../samples/signed-message.js';

/** What building and signing a seed message needs. */
export interface SeedSigningDeps {
  readonly organisations: { get(oid: string): Organisation | undefined };
  readonly professionals: { get(regno: string): Professional | undefined };
  readonly clock: () => Date;
  /** The default author of seeded documents. */
  readonly defaultProfessional: Professional;
}

/** A key pair as PEM text. */
export interface SeedKeys {
  readonly keyPem: string;
  readonly certPem: string;
}

export interface SignSeedInput {
  readonly spec: DocumentSpec;
  readonly sender: Organisation;
  /** Absent for a client-relationship document, which carries the system signature only. */
  readonly professional: Professional | undefined;
  readonly serviceRequest: string;
  /** An invalidation: the frame's document statusCode is nullified. */
  readonly nullified: boolean;
  /** Makes the message id unique within the sender. */
  readonly stamp: string;
  /** Keys read so far in this seed, by file path. */
  readonly keys: Map<string, SeedKeys>;
}

export function signSeedMessage(input: SignSeedInput): Buffer {
  return signSeedJob(seedSigningJob(input));
}

/**
 * Everything signing one seed message needs, as plain data (keys read, dates as Date): a job that a worker
 * thread can sign as well as this one, so a classroom signs its sandboxes beside the archive's work.
 */
export type SeedSigningJob = SignedMessageInput;

export function seedSigningJob(input: SignSeedInput): SeedSigningJob {
  const { spec, sender, professional } = input;
  const date = spec.effectiveTime;
  return {
    spec,
    serviceRequest: input.serviceRequest,
    senderOid: sender.oid,
    messageId: { root: sender.oid, extension: `seed-${input.stamp}` },
    creationTime: date,
    system: keysOf(sender.files.signingKey, sender.files.signingCert, input.keys),
    professionals:
      professional === undefined
        ? []
        : [
            {
              ...keysOf(professional.files.key, professional.files.cert, input.keys),
              regNo: professional.regno,
            },
          ],
    ...(input.nullified ? { statusCode: 'nullified' } : {}),
  };
}

/** Builds, signs and frames the message of a job. */
export function signSeedJob(job: SeedSigningJob): Buffer {
  return Buffer.from(buildSignedMessage(job).messageXml, 'utf8');
}

function keysOf(keyFile: string, certFile: string, cache: Map<string, SeedKeys>): SeedKeys {
  const cached = cache.get(keyFile);
  if (cached) {
    return cached;
  }
  const keys = { keyPem: readFileSync(keyFile, 'utf8'), certPem: readFileSync(certFile, 'utf8') };
  cache.set(keyFile, keys);
  return keys;
}
