/** The seed signer's worker thread (seed-signer.ts): signs one seed message per job. */
import { signSeedJob } from '../control/seed-signing.js';
import { serveJobs } from '../workers/serve-jobs.js';

serveJobs(signSeedJob);
