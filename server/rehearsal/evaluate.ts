/**
 * The rehearsal's judgement, as a pure function of what was expected and what arrived: per expected
 * document the deployment test's checks (archived, in the expected register, metadata valid, matches the
 * client system), then the findings a person or a CI job must act on, and the overall result.
 */
import type { StoredDocument } from '../store/archive-store.js';
import type { ClientMetadata, ClientSystemDocument } from '../store/rehearsal-store.js';
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

export interface FieldMismatch {
  readonly field: string;
  readonly expected: string;
  readonly actual: string;
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
  /** One readable line, for the CLI and the report. */
  readonly message: string;
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

const identity = (e: { documentGroup?: string; documentType?: string }, version: number): string =>
  `${e.documentGroup ?? ''}|${e.documentType ?? ''}|${version}`;

/** Matches arrivals to expectations and judges them. */
export function evaluate(input: EvaluateInput): Evaluation {
  const unused = [...input.arrived].sort((a, b) => a.archivedAt.localeCompare(b.archivedAt));
  const take = (doc: ArrivedDocument): void => {
    unused.splice(unused.indexOf(doc), 1);
  };
  const setupSeen: { key: string; documentId: string }[] = [];
  for (const s of input.setup) {
    const doc = unused.find(
      (d) => identity(d, d.versionNumber) === identity(s, s.version) && d.registerOid === s.registerOid,
    );
    if (doc) {
      take(doc);
      setupSeen.push({ key: s.key, documentId: doc.id });
    }
  }
  const matched = new Map<string, ArrivedDocument>();
  for (const e of input.expected) {
    const candidates = unused.filter((d) => identity(d, d.versionNumber) === identity(e, e.version));
    const best = candidates
      .map((d) => ({ d, score: score(e, d) }))
      .reduce<{ d: ArrivedDocument; score: number } | undefined>(
        (acc, c) => (acc === undefined || c.score > acc.score ? c : acc),
        undefined,
      );
    if (best) {
      take(best.d);
      matched.set(e.key, best.d);
    }
  }
  const caseIds = bindCases(input.expected, matched);
  const checklist = input.expected.map((e) => checkItem(e, matched, caseIds, input));
  const findings: Finding[] = [];
  for (const item of checklist) {
    findings.push(...itemFindings(item));
  }
  for (const d of unused) {
    findings.push({
      kind: 'unexpected',
      documentId: d.id,
      message: `unexpected document ${d.id} (type ${d.documentType ?? '-'}, group ${d.documentGroup ?? '-'}, version ${d.versionNumber}, register ${d.registerOid})`,
    });
  }
  const pending = checklist.filter((i) => i.checks.archived && i.checks.matchesClientSystem === null).length;
  const result: VerdictResult =
    findings.length > 0 ? 'failed' : input.requireClientSystemCheck && pending > 0 ? 'pending' : 'passed';
  return {
    result,
    checklist,
    findings,
    missing: checklist.filter((i) => !i.checks.archived).map((i) => i.key),
    unexpected: unused,
    setupSeen,
    pendingClientSystemChecks: pending,
  };
}

/** How many of the expectation's register and metadata an arrival agrees with (to pick among candidates). */
function score(e: ResolvedExpectation, d: ArrivedDocument): number {
  return (
    Number(d.registerOid === e.registerOid) +
    Number(e.serviceTask === undefined || d.palvelutehtava === e.serviceTask) +
    Number(e.processPhase === undefined || d.prosessivaihe === e.processPhase)
  );
}

/** Case key -> case OID: the case of the first matched document with that key. */
function bindCases(
  expected: readonly ResolvedExpectation[],
  matched: ReadonlyMap<string, ArrivedDocument>,
): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const e of expected) {
    const doc = matched.get(e.key);
    if (e.case !== undefined && doc !== undefined && !out.has(e.case)) {
      out.set(e.case, doc.caseId);
    }
  }
  return out;
}

function checkItem(
  e: ResolvedExpectation,
  matched: ReadonlyMap<string, ArrivedDocument>,
  caseIds: ReadonlyMap<string, string | undefined>,
  input: EvaluateInput,
): ChecklistItem {
  const doc = matched.get(e.key);
  if (doc === undefined) {
    return {
      key: e.key,
      expected: e,
      checks: { archived: false, inExpectedRegister: null, metadataValid: null, matchesClientSystem: null },
      metadataMismatches: [],
    };
  }
  const mismatches: FieldMismatch[] = [];
  const compare = (field: string, expected: string | undefined, actual: string | undefined): void => {
    if (expected !== undefined && expected !== actual) {
      mismatches.push({ field, expected, actual: actual ?? '(none)' });
    }
  };
  compare('serviceTask', e.serviceTask, doc.palvelutehtava);
  compare('processPhase', e.processPhase, doc.prosessivaihe);
  if (e.case !== undefined) {
    const bound = caseIds.get(e.case);
    compare('case', bound ?? '(none)', doc.caseId);
    const clash = [...caseIds.entries()].find(
      ([k, id]) => k !== e.case && id !== undefined && id === doc.caseId,
    );
    if (clash) {
      mismatches.push({
        field: 'case',
        expected: `a case other than "${clash[0]}"`,
        actual: doc.caseId ?? '',
      });
    }
  }
  compare('invalidated', String(e.invalidated), String(doc.status === 'invalidated'));
  if (e.replaces !== undefined) {
    compare('setId', matched.get(e.replaces)?.setId ?? '(the replaced version)', doc.setId);
  }
  return {
    key: e.key,
    expected: e,
    document: doc,
    checks: {
      archived: true,
      inExpectedRegister: doc.registerOid === e.registerOid,
      metadataValid: mismatches.length === 0,
      ...clientSystemCheck(e.key, doc, input),
    },
    metadataMismatches: mismatches,
    ...clientSystemDetail(e.key, doc, input),
  };
}

function ciEntry(key: string, input: EvaluateInput): ClientSystemDocument | undefined {
  return input.clientMetadata?.documents.find((d) => d.key === key);
}

/** What the client system shows, compared with what was archived. */
function ciMismatches(c: ClientSystemDocument, doc: ArrivedDocument): FieldMismatch[] {
  const pairs: [string, string | undefined, string | undefined][] = [
    ['documentId', c.documentId, doc.id],
    ['setId', c.setId, doc.setId],
    ['version', c.version === undefined ? undefined : String(c.version), String(doc.versionNumber)],
    ['documentGroup', c.documentGroup, doc.documentGroup],
    ['documentType', c.documentType, doc.documentType],
    ['serviceTask', c.serviceTask, doc.palvelutehtava],
    ['processPhase', c.processPhase, doc.prosessivaihe],
    ['registerOid', c.registerOid, doc.registerOid],
  ];
  return pairs
    .filter(([, expected, actual]) => expected !== undefined && expected !== actual)
    .map(([field, expected, actual]) => ({
      field,
      expected: expected as string,
      actual: actual ?? '(none)',
    }));
}

function clientSystemCheck(
  key: string,
  doc: ArrivedDocument,
  input: EvaluateInput,
): { matchesClientSystem: boolean | null } {
  const c = ciEntry(key, input);
  if (c) {
    return { matchesClientSystem: ciMismatches(c, doc).length === 0 };
  }
  return { matchesClientSystem: input.ticks.get(doc.id)?.matches ?? null };
}

function clientSystemDetail(
  key: string,
  doc: ArrivedDocument,
  input: EvaluateInput,
): Pick<ChecklistItem, 'clientSystem'> {
  const c = ciEntry(key, input);
  if (c) {
    return { clientSystem: { source: 'ci', mismatches: ciMismatches(c, doc) } };
  }
  const tick = input.ticks.get(doc.id);
  return tick === undefined
    ? {}
    : {
        clientSystem: {
          source: tick.source,
          mismatches: [],
          ...(tick.note === undefined ? {} : { note: tick.note }),
          ...(tick.by === undefined ? {} : { by: tick.by }),
        },
      };
}

function itemFindings(item: ChecklistItem): Finding[] {
  const e = item.expected;
  const what = `${item.key} (${e.documentType ?? `group ${e.documentGroup}`} version ${e.version})`;
  const doc = item.document;
  if (doc === undefined) {
    return [
      {
        kind: 'missing',
        key: item.key,
        message: `${what}: not archived (expected in register ${e.registerOid})`,
      },
    ];
  }
  const out: Finding[] = [];
  if (item.checks.inExpectedRegister === false) {
    out.push({
      kind: 'wrong-register',
      key: item.key,
      documentId: doc.id,
      expected: e.registerOid,
      actual: doc.registerOid,
      message: `${what}: document ${doc.id} is in register ${doc.registerOid}, expected ${e.registerOid}`,
    });
  }
  for (const m of item.metadataMismatches) {
    out.push({
      kind: 'metadata-mismatch',
      key: item.key,
      documentId: doc.id,
      ...m,
      message: `${what}: document ${doc.id} has ${m.field} ${m.actual}, expected ${m.expected}`,
    });
  }
  if (item.checks.matchesClientSystem === false) {
    const fields = item.clientSystem?.mismatches ?? [];
    out.push({
      kind: 'client-system-mismatch',
      key: item.key,
      documentId: doc.id,
      message:
        fields.length > 0
          ? `${what}: the client system shows ${fields.map((f) => `${f.field} ${f.expected}`).join(', ')}; the archive holds ${fields.map((f) => f.actual).join(', ')}`
          : `${what}: the archivist found that document ${doc.id} does not match the client system${item.clientSystem?.note ? ` (${item.clientSystem.note})` : ''}`,
    });
  }
  return out;
}
