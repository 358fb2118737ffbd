/**
 * The composition root's rehearsal step: the rehearsal's store on the shared database connection, the
 * onboarding records and identity registry, the rehearsal service and the report files. The web app's
 * rehearsal API and the archivist interface get the same parts (RunningKantaSim.rehearsal too).
 */
import type { Logger } from '../logger.js';
import type { ArchiveStore } from '../store/archive-store.js';
import { SqliteRehearsalStore } from '../store/sqlite-rehearsal-store.js';
import type { SqliteDatabase } from '../store/sqlite-database.js';
import type { CompareSource } from '../rehearsal/compare-source.js';
import { OnboardingService } from '../rehearsal/onboarding-service.js';
import type { RehearsalParts } from '../rehearsal/rehearsal-parts.js';
import { RehearsalService } from '../rehearsal/rehearsal-service.js';
import type { CodeLists } from '../codes/code-lists.js';
import { reportFiles } from '../rehearsal/report.js';
import { defaultTestCaseDir, TestCaseLibrary } from '../rehearsal/test-case.js';

export interface RehearsalCompositionDeps {
  readonly db: SqliteDatabase;
  readonly archive: Pick<ArchiveStore, 'listDocuments'>;
  readonly clock: () => Date;
  readonly logger: Logger;
  /** config.kantaReportAddress. */
  readonly kantaAddress: string;
  readonly organisationName?: (oid: string) => string | undefined;
  /** Code lists: the report names document types and service tasks in its language. */
  readonly codes?: CodeLists;
  /** The archivist's compare records ("matches the client system"). */
  readonly compare?: CompareSource;
  /** Extra directories of test cases laid over the shipped ones. */
  readonly testCaseDirs?: readonly string[];
}

export function composeRehearsal(deps: RehearsalCompositionDeps): RehearsalParts {
  const store = new SqliteRehearsalStore(deps.db);
  const testCases = new TestCaseLibrary([defaultTestCaseDir(), ...(deps.testCaseDirs ?? [])]);
  const onboarding = new OnboardingService({ store, clock: deps.clock });
  const rehearsals = new RehearsalService({
    archive: deps.archive,
    store,
    onboarding,
    testCases,
    clock: deps.clock,
    ...(deps.compare === undefined ? {} : { compare: deps.compare }),
  });
  const reports = reportFiles({
    rehearsals,
    kantaAddress: deps.kantaAddress,
    clock: deps.clock,
    ...(deps.organisationName === undefined ? {} : { organisationName: deps.organisationName }),
    ...(deps.codes === undefined ? {} : { codes: deps.codes }),
  });
  return {
    onboarding,
    rehearsals,
    testCases,
    reports,
    observe: (exchange) => {
      rehearsals
        .observe(exchange)
        .catch((e: unknown) => deps.logger.error('rehearsal: recording an exchange failed', e));
    },
  };
}
