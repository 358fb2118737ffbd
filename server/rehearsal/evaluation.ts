/**
 * The shapes of the rehearsal's judgement (evaluate.ts): what it compares (expectations, arrivals, the
 * client system's ticks) and what it answers (the checklist, the findings, the result).
 */
import type { StoredDocument } from '../store/archive-store.js';
import type { ClientMetadata } from '../store/rehearsal-store.js';
import type { ExpectedDocument } from './test-case.js';

/** The archived fields the rehearsal looks at (StoredDocument fits). */
export type ArrivedDocument = Pick<
  StoredDocument,
  | 'id'
  | 'setId'
  | 'versionNumber'
  | 'registerOid'
  | 'senderOid'
  | 'palvelutehtava'
  | 'documentType'
  | 'documentGroup'
  | 'prosessivaihe'
  | 'caseId'
  | 'status'
  | 'archivedAt'
>;

/** An expected document with its register resolved to an OID. */
export interface ResolvedExpectation extends ExpectedDocument {
  readonly registerOid: string;
}

/** The "matches the client system" tick, from the archivist's compare view or a manual tick. */
export interface ClientSystemTick {
  readonly matches: boolean;
  readonly source: 'archivist' | 'manual';
  readonly note?: string;
  readonly by?: string;
}

/** What expected/actual say when there is no value (kept as text for the CLI and the JSON API). */
export const NO_VALUE = '(none)';

export interface FieldMismatch {
  readonly field: string;
  readonly expected: string;
  readonly actual: string;
  /**
   * For views that word the mismatch themselves: absent, expected is the value; 'other-case', the document
   * should be in a case other than that of `otherCase` (a key of the test case); 'same-set', it should keep
   * the set of the version it replaces, which has not arrived.
   */
  readonly rule?: 'other-case' | 'same-set';
  readonly otherCase?: string;
}

export interface ChecklistItem {
  readonly key: string;
  readonly expected: ResolvedExpectation;
  /** The archived document matched to the expectation. */
  readonly document?: ArrivedDocument;
  readonly checks: {
    readonly archived: boolean;
    /** null: nothing to check (not archived). */
    readonly inExpectedRegister: boolean | null;
    readonly metadataValid: boolean | null;
    /** null: nobody has compared yet. */
    readonly matchesClientSystem: boolean | null;
  };
  readonly metadataMismatches: readonly FieldMismatch[];
  readonly clientSystem?: {
    readonly source: 'ci' | 'archivist' | 'manual';
    readonly mismatches: readonly FieldMismatch[];
    readonly note?: string;
    readonly by?: string;
  };
}

export type FindingKind =
  'missing' | 'wrong-register' | 'metadata-mismatch' | 'client-system-mismatch' | 'unexpected';

export interface Finding {
  readonly kind: FindingKind;
  readonly key?: string;
  readonly documentId?: string;
  readonly field?: string;
  readonly expected?: string;
  readonly actual?: string;
  /** The document a missing or unexpected finding is about: the expected one, or the one that came. */
  readonly about?: FindingSubject;
  /** What the client system shows and the archive holds, field by field (client-system-mismatch). */
  readonly mismatches?: readonly FieldMismatch[];
  /** The archivist's note on a client-system mismatch. */
  readonly note?: string;
  /** One English line, for the CLI and JSON; pages word the finding from its fields instead. */
  readonly message: string;
}

/** A document as a finding names it. */
export interface FindingSubject {
  readonly documentType?: string;
  readonly documentGroup?: string;
  readonly version: number;
  readonly registerOid: string;
}

export type VerdictResult = 'passed' | 'failed' | 'pending';

export interface Evaluation {
  readonly result: VerdictResult;
  readonly checklist: readonly ChecklistItem[];
  readonly findings: readonly Finding[];
  readonly missing: readonly string[];
  readonly unexpected: readonly ArrivedDocument[];
  /** Setup documents seen (another party's, e.g. the organiser's client-relationship document). */
  readonly setupSeen: readonly { readonly key: string; readonly documentId: string }[];
  /** Archived documents still waiting for the "matches the client system" tick. */
  readonly pendingClientSystemChecks: number;
}

export interface EvaluateInput {
  readonly expected: readonly ResolvedExpectation[];
  readonly setup: readonly ResolvedExpectation[];
  readonly arrived: readonly ArrivedDocument[];
  readonly ticks: ReadonlyMap<string, ClientSystemTick>;
  readonly clientMetadata?: ClientMetadata;
  readonly requireClientSystemCheck: boolean;
}
