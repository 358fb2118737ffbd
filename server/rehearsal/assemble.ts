/**
 * Builds the rehearsal's services on the shared database connection, for kanta-sim.ts: the onboarding
 * records and identity registry, the rehearsal service, the report files and the routes' dependencies.
 * The archivist interface reaches the same functions through RunningKantaSim.rehearsal.
 */
import type { RehearsalRouteDeps } from '../app/web/rehearsal-routes.js';
import type { Logger } from '../logger.js';
import type { ArchiveStore } from '../store/archive-store.js';
import { SqliteRehearsalStore } from '../store/rehearsal-store.js';
import type { SqliteDatabase } from '../store/sqlite-database.js';
import type { CompareSource } from './compare-source.js';
import { OnboardingService } from './onboarding-service.js';
import { RehearsalService, type ObservedExchange } from './rehearsal-service.js';
import { reportFiles, type ReportFiles } from './report.js';
import { defaultTestCaseDir, TestCaseLibrary } from './test-case.js';

export interface RehearsalAssemblyDeps {
  readonly db: SqliteDatabase;
  readonly archive: Pick<ArchiveStore, 'listDocuments'>;
  readonly clock: () => Date;
  readonly logger: Logger;
  /** config.kantaReportAddress. */
  readonly kantaAddress: string;
  readonly organisationName?: (oid: string) => string | undefined;
  /** The archivist's compare records ("matches the client system"). */
  readonly compare?: CompareSource;
  /** Extra directories of test cases laid over the shipped ones. */
  readonly testCaseDirs?: readonly string[];
}

export interface RehearsalParts {
  readonly onboarding: OnboardingService;
  readonly rehearsals: RehearsalService;
  readonly testCases: TestCaseLibrary;
  readonly reports: ReportFiles;
  /** What the web app mounts. */
  readonly routes: RehearsalRouteDeps;
  /** Give every Kanta exchange here (RunningKantaSim.onExchange); never throws. */
  observe(exchange: ObservedExchange): void;
}

export function assembleRehearsal(deps: RehearsalAssemblyDeps): RehearsalParts {
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
  });
  return {
    onboarding,
    rehearsals,
    testCases,
    reports,
    routes: { rehearsals, onboarding, testCases, reports },
    observe: (exchange) => {
      rehearsals
        .observe(exchange)
        .catch((e: unknown) => deps.logger.error('rehearsal: recording an exchange failed', e));
    },
  };
}
