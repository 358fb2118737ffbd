/**
 * The composition root's archive step: the document reader (worker threads, see archive/document-reader.ts)
 * and the archive service that decides every submission, plus the same rules without storing for SHARK
 * validation and seeds.
 */
import { ArchiveService } from '../archive/archive-service.js';
import { createDocumentReader, type DocumentReader } from '../archive/document-reader.js';
import type { KantaSimConfig } from '../config.js';
import type { ValidationContext } from '../control/validate-submission.js';
import type { Logger } from '../logger.js';
import type { ArchiveStore } from '../store/archive-store.js';
import type { Ground } from './ground.js';

export interface ArchiveParts {
  /** Holds worker threads once it has read: close it on every way out (launch does). */
  readonly reader: DocumentReader;
  readonly archive: ArchiveService;
  /** The archive's rules without storing (SHARK validation, seeds checked whole), at the simulated now. */
  readonly validation: () => ValidationContext;
}

export interface ArchiveCompositionDeps {
  readonly config: KantaSimConfig;
  readonly ground: Ground;
  readonly store: ArchiveStore;
  readonly clock: () => Date;
  readonly logger: Logger;
}

export function composeArchive({
  config,
  ground,
  store,
  clock,
  logger,
}: ArchiveCompositionDeps): ArchiveParts {
  const { codes, trust, operations, organisations } = ground;
  const reader = createDocumentReader(
    {
      codes,
      trust,
      trustMode: config.trustMode,
      testIdentityGuardrail: config.testIdentityGuardrail,
      limits: config.xmlLimits,
    },
    config.readerThreads,
    (reason) => logger.warn(`a document reader thread did not start (${reason}); reading on the main thread`),
  );
  const archive = new ArchiveService({ store, organisations, trust, operations, config, clock, reader });
  const validation = (): ValidationContext => ({
    codes,
    operations,
    trust,
    trustMode: config.trustMode,
    testIdentityGuardrail: config.testIdentityGuardrail,
    limits: config.xmlLimits,
    now: clock(),
  });
  return { reader, archive, validation };
}
