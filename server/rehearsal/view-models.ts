/**
 * What the deployment-test (käyttöönottokoe) pages read: plain readonly data shaped for the page. The
 * rehearsal service's rehearsals and verdicts carry these shapes, so the routes hand them over as they are;
 * archivist-ui imports these and never the rehearsal's own types.
 */
import type { FieldMismatch, FindingKind, FindingSubject, VerdictResult } from './evaluation.js';
import type { RehearsalStatus } from '../store/rehearsal-store.js';

/** A rehearsal as the list and the checklist page name it. */
export interface RehearsalLine {
  readonly id: string;
  readonly caseName: string;
  /** The test identity (test client). */
  readonly hetu: string;
  readonly status: RehearsalStatus;
  readonly startedAt: string;
}

/** A finding as data: the page words it from its kind and values (its English `message` is for the CLI). */
export interface FindingLine {
  readonly kind: FindingKind;
  readonly key?: string;
  readonly documentId?: string;
  readonly field?: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly about?: FindingSubject;
  readonly mismatches?: readonly FieldMismatch[];
  readonly note?: string;
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
