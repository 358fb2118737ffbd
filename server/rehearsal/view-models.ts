/**
 * What the deployment-test (käyttöönottokoe) pages read: plain readonly data shaped for the page. The
 * rehearsal service's rehearsals and verdicts carry these shapes, so the routes hand them over as they are;
 * archivist-ui imports these and never the rehearsal's own types.
 */
import type { VerdictResult } from './evaluation.js';
import type { RehearsalStatus } from '../store/rehearsal-store.js';

/**
 * Where a rehearsal stands. waiting: started, nothing archived yet; in-progress: something arrived, but not
 * every expected document has arrived and been compared; passed/failed: every expected document arrived and
 * was compared, so the verdict means something; finished: closed by the archivist, with the verdict it had
 * then; cancelled: closed without a verdict; not-started: a test case nobody has rehearsed.
 */
export type RehearsalState =
  'not-started' | 'waiting' | 'in-progress' | 'passed' | 'failed' | 'finished' | 'cancelled';

export const REHEARSAL_STATES: readonly RehearsalState[] = [
  'not-started',
  'waiting',
  'in-progress',
  'passed',
  'failed',
  'finished',
  'cancelled',
];

/** The state with what it rests on: the counts behind it and, once there is one, the verdict. */
export interface RehearsalProgress {
  readonly state: RehearsalState;
  /** Only when passed, failed or finished: never while documents are still awaited. */
  readonly outcome?: 'passed' | 'failed';
  readonly expected: number;
  readonly archived: number;
  /** Archived documents whose "matches the client system" check has an answer. */
  readonly compared: number;
  /** When and by whom it was finished or cancelled. */
  readonly closedAt?: string;
  readonly closedBy?: string;
}

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

/** An expected document as a deviation names it: the test case's key, its type (or group) and version. */
export interface ExpectedRef {
  readonly key: string;
  readonly documentType?: string;
  readonly documentGroup?: string;
  readonly version: number;
}

/** A field that differs; a value absent is "no value". rule: see FieldMismatch in evaluation.ts. */
export interface FieldDifference {
  readonly field: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly rule?: 'other-case' | 'same-set';
  readonly otherCase?: string;
}

/** One deviation as data (kind + what it is about); the view words it in the reader's language. */
export type DeviationLine =
  | { readonly kind: 'missing'; readonly expected: ExpectedRef; readonly registerOid: string }
  | {
      readonly kind: 'wrong-register';
      readonly expected: ExpectedRef;
      readonly documentId: string;
      readonly registerOid: string;
      readonly expectedRegisterOid: string;
    }
  | {
      readonly kind: 'metadata-mismatch';
      readonly expected: ExpectedRef;
      readonly documentId: string;
      readonly difference: FieldDifference;
    }
  | {
      readonly kind: 'client-system-mismatch';
      readonly expected: ExpectedRef;
      readonly documentId: string;
      /** Empty when the archivist's comparison (not a CI's metadata) found the difference. */
      readonly differences: readonly FieldDifference[];
      readonly note?: string;
      readonly by?: string;
    }
  | { readonly kind: 'not-compared'; readonly expected: ExpectedRef; readonly documentId: string }
  | {
      readonly kind: 'unexpected';
      readonly documentId: string;
      readonly documentType?: string;
      readonly documentGroup?: string;
      readonly version: number;
      readonly registerOid: string;
    }
  | {
      readonly kind: 'refusal';
      readonly documentId?: string;
      readonly senderOid?: string;
      readonly typeCode: string;
      readonly rules: readonly string[];
    };

/** The checklist page: the rehearsal, where it stands, and what is missing, unexpected or wrong. */
export interface DeploymentTestModel {
  readonly rehearsal: RehearsalLine;
  readonly progress: RehearsalProgress;
  readonly deviations: readonly DeviationLine[];
  readonly evaluation: {
    readonly result: VerdictResult;
    readonly checklist: readonly ChecklistLine[];
    readonly missing: readonly string[];
    readonly unexpected: readonly ArrivedDocumentLine[];
  };
}

/** Why a start was refused, tied to the form field it is about; the view words it. */
export type StartErrorReason =
  | 'case-unknown'
  | 'case-needs-organiser'
  | 'hetu-invalid'
  | 'hetu-not-test-identity'
  | 'hetu-assigned-elsewhere'
  | 'hetu-none-handed-out';

export interface StartFormError {
  readonly field: 'caseName' | 'hetu';
  readonly reason: StartErrorReason;
}

/** What the start form was sent, so a refused start shows it again. */
export interface StartFormValues {
  readonly caseName?: string;
  readonly hetu?: string;
}
