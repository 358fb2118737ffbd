/**
 * The deployment-test rehearsal as the composition root hands it out: its services, for the web app's
 * rehearsal API and the archivist interface's deployment-test pages (RunningKantaSim.rehearsal too).
 */
import type { OnboardingService } from './onboarding-service.js';
import type { ObservedExchange, RehearsalService } from './rehearsal-service.js';
import type { ReportFiles } from './report.js';
import type { TestCaseLibrary } from './test-case.js';

export interface RehearsalParts {
  readonly onboarding: OnboardingService;
  readonly rehearsals: RehearsalService;
  readonly testCases: TestCaseLibrary;
  readonly reports: ReportFiles;
  /** Give every Kanta exchange here (RunningKantaSim.onExchange); never throws. */
  observe(exchange: ObservedExchange): void;
}
