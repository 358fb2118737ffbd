/**
 * A document-reading worker thread (document-reader.ts): rebuilds the trust store and the code lists from
 * the plain data it was started with, then reads one document per job.
 */
import { workerData } from 'node:worker_threads';
import { codeListsFrom } from '../codes/code-lists.js';
import { TrustStore } from '../pki/trust-store.js';
import { serveJobs } from '../workers/serve-jobs.js';
import { reviveJob, withoutCdaBytes, type PlainReaderSetup, type ReadJob } from './document-reader.js';
import { readDocument } from './read-document.js';

const setup = workerData as PlainReaderSetup;
const context = {
  codes: codeListsFrom(setup.codeLists),
  trust: TrustStore.fromPems(setup.trustPems.anchorPems, setup.trustPems.intermediatePems),
  trustMode: setup.trustMode,
  testIdentityGuardrail: setup.testIdentityGuardrail,
  limits: setup.limits,
};

serveJobs((job: ReadJob) => {
  const { source, now } = reviveJob(job);
  return withoutCdaBytes(readDocument(source, { ...context, now }));
});
