/**
 * What the deployment-test (käyttöönottokoe) pages read: plain readonly data shaped for the page. The
 * rehearsal service's rehearsals and verdicts carry these shapes, so the routes hand them over as they are;
 * archivist-ui imports these and never the rehearsal's own types.
 */
import type { FindingLine } from './finding-texts.js';
import type { VerdictResult } from './evaluation.js';
import type { RehearsalStatus } from '../store/rehearsal-store.js';

export { findingText, type FindingLine, type TextLang } from './finding-texts.js';

/** A rehearsal as the list and the checklist page name it. */
export interface RehearsalLine {
  readonly id: string;
  readonly caseName: string;
  /** The test identity (test client). */
  readonly hetu: string;
  readonly status: RehearsalStatus;
  readonly startedAt: string;
}

/** An archived document the checklist links to. */
export interface ArrivedDocumentLine {
  readonly id: string;
  readonly versionNumber: number;
  readonly registerOid: string;
  readonly documentType?: string;
}

/** One expected document of the checklist and its ticks; null: nothing to check yet. */
export interface ChecklistLine {
  readonly key: string;
  readonly expected: { readonly registerOid: string };
  readonly document?: ArrivedDocumentLine;
  readonly checks: {
    readonly archived: boolean;
    readonly inExpectedRegister: boolean | null;
    readonly metadataValid: boolean | null;
    readonly matchesClientSystem: boolean | null;
  };
}

/** The checklist page: the rehearsal, its result and what is missing, unexpected or wrong. */
export interface DeploymentTestModel {
  readonly rehearsal: RehearsalLine;
  readonly evaluation: {
    readonly result: VerdictResult;
    readonly checklist: readonly ChecklistLine[];
    readonly missing: readonly string[];
    readonly unexpected: readonly ArrivedDocumentLine[];
    readonly findings: readonly FindingLine[];
  };
}
