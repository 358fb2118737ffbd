/**
 * Builds unique Kanta-style signed archive messages (client plan, SP17 frame) with
 * server/samples/signed-message.ts: two-signature documents (professional + system signature, as a
 * professional's document) or single-signature ones (the system signature only, as most old documents of a
 * migration, with no signer in the local header). Runs as a worker thread (see buildMessages) so that the
 * bench can build on both cores before it starts measuring.
 */
import { availableParallelism } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { clientPlan } from '../server/cda/templates-documents.js';
import type { OrganisationCredentials, ProfessionalCredentials } from '../server/index.js';
import { buildSignedMessage } from '../server/samples/signed-message.js';
import { testHetu } from './hetu.js';
import { runTsWorker } from './ts-worker.js';

/** The parties, as plain data a worker can receive. */
export interface BuildParties {
  readonly organiser: {
    readonly oid: string;
    readonly name: string;
    readonly unit: { readonly oid: string; readonly name: string };
    readonly signingKeyPem: string;
    readonly signingCertPem: string;
  };
  readonly professional: {
    readonly regno: string;
    readonly given: string;
    readonly family: string;
    readonly title?: string;
    readonly keyPem: string;
    readonly certPem: string;
  };
}

export interface BuiltMessage {
  readonly id: string;
  readonly messageXml: string;
  readonly cdaXml: string;
}

interface BuildJob {
  readonly parties: BuildParties;
  /** Digits distinguishing runs (ids must be unique OIDs across the whole bench). */
  readonly tag: string;
  readonly from: number;
  readonly count: number;
  /** Signing time for every message (after the certificates were issued). */
  readonly signedAt: number;
  /** Default 2. */
  readonly signatures?: SignatureCount;
}

/** 1: the system signature only; 2: a professional's signature and the system signature. */
export type SignatureCount = 1 | 2;

/** The organiser and professional of a data directory as the builder's plain parties. */
export function partiesFrom(org: OrganisationCredentials, pro: ProfessionalCredentials): BuildParties {
  return {
    organiser: {
      oid: org.oid,
      name: org.name,
      unit: org.units[0] ?? { oid: org.oid, name: org.name },
      signingKeyPem: org.signingKeyPem,
      signingCertPem: org.signingCertPem,
    },
    professional: {
      regno: pro.regno,
      given: pro.given,
      family: pro.family,
      keyPem: pro.keyPem,
      certPem: pro.certPem,
    },
  };
}

/** Builds `count` messages on all cores; `tag` must differ between calls of one data directory. */
export async function buildMessages(
  parties: BuildParties,
  tag: string,
  count: number,
  signatures: SignatureCount = 2,
): Promise<BuiltMessage[]> {
  const workers = Math.max(1, Math.min(availableParallelism(), Math.ceil(count / 20)));
  const per = Math.ceil(count / workers);
  const jobs: BuildJob[] = [];
  for (let from = 0; from < count; from += per) {
    jobs.push({ parties, tag, from, count: Math.min(per, count - from), signedAt: Date.now(), signatures });
  }
  const parts = await Promise.all(
    jobs.map((job) => runTsWorker<BuiltMessage[]>(new URL('./build-documents.ts', import.meta.url), job)),
  );
  return parts.flat();
}

/** Builds messages from..from+count of a run on this thread. */
export function buildRange(job: BuildJob): BuiltMessage[] {
  const { organiser, professional } = job.parties;
  const base = organiser.oid.replace(/\.10\.0$/, '');
  const out: BuiltMessage[] = [];
  const professionalSigns = job.signatures !== 1;
  for (let i = job.from; i < job.from + job.count; i++) {
    const date = new Date(job.signedAt - (i % 1000) * 1000);
    const id = `${base}.95.2024.${job.tag}.${i + 1}`;
    const spec = clientPlan({
      id,
      caseId: `${base}.96.2024.${job.tag}.${Math.floor(i / 4) + 1}`,
      client: { hetu: testHetu(i), given: ['Testi'], family: `Asiakas${i % 97}`, gender: '2' },
      organiser: { oid: organiser.oid, name: organiser.name },
      serviceUnit: organiser.unit,
      author: {
        regNo: professional.regno,
        given: professional.given,
        family: professional.family,
        title: professional.title,
      },
      date,
      ...(professionalSigns ? {} : { signers: [] }),
    });
    const built = buildSignedMessage({
      spec,
      serviceRequest: 'SP17',
      senderOid: organiser.oid,
      messageId: { root: organiser.oid, extension: `${job.tag}-${i + 1}` },
      creationTime: date,
      signingTime: new Date(job.signedAt),
      system: { keyPem: organiser.signingKeyPem, certPem: organiser.signingCertPem },
      professionals: professionalSigns
        ? [{ keyPem: professional.keyPem, certPem: professional.certPem, regNo: professional.regno }]
        : [],
    });
    out.push({ id, messageXml: built.messageXml, cdaXml: built.cdaXml });
  }
  return out;
}

if (parentPort && (workerData as BuildJob | undefined)?.parties) {
  parentPort.postMessage(buildRange(workerData as BuildJob));
}
