/**
 * A signature verification worker thread: rebuilds the trust store from the PEM texts the pool started it
 * with, then answers one job at a time. Verification is synchronous CPU work, so running it
 * here keeps the event loop of the Kanta interface free to accept and answer other requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TrustStore, type TrustStorePems } from '../pki/trust-store.js';
import { verifyDocumentText, withTrust, type VerifyJob, type VerifyJobAnswer } from './verify-job.js';

const port = parentPort;
if (!port) {
  throw new Error('verify-worker.ts runs only as a worker thread (see verify-pool.ts)');
}
const pems = workerData as TrustStorePems;
const trust = TrustStore.fromPems(pems.anchorPems, pems.intermediatePems);

port.on('message', (job: VerifyJob) => {
  let answer: VerifyJobAnswer;
  try {
    answer = { id: job.id, result: verifyDocumentText(job.xml, withTrust(job.ctx, trust)) };
  } catch (e) {
    answer = { id: job.id, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(answer);
});
