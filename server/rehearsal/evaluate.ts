/**
 * The rehearsal's judgement, as a pure function of what was expected and what arrived: per expected
 * document the deployment test's checks (archived, in the expected register, metadata valid, matches the
 * client system), then the findings a person or a CI job must act on, and the overall result.
 */
import { clientSystemCheck, clientSystemDetail } from './client-system-check.js';
import {
  NO_VALUE,
  type ArrivedDocument,
  type ChecklistItem,
  type EvaluateInput,
  type Evaluation,
  type FieldMismatch,
  type Finding,
  type ResolvedExpectation,
  type VerdictResult,
} from './evaluation.js';
import { itemFindings } from './evaluation-findings.js';

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
      about: {
        ...(d.documentType === undefined ? {} : { documentType: d.documentType }),
        ...(d.documentGroup === undefined ? {} : { documentGroup: d.documentGroup }),
        version: d.versionNumber,
        registerOid: d.registerOid,
      },
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
      mismatches.push({ field, expected, actual: actual ?? NO_VALUE });
    }
  };
  compare('serviceTask', e.serviceTask, doc.palvelutehtava);
  compare('processPhase', e.processPhase, doc.prosessivaihe);
  if (e.case !== undefined) {
    const bound = caseIds.get(e.case);
    compare('case', bound ?? NO_VALUE, doc.caseId);
    const clash = [...caseIds.entries()].find(
      ([k, id]) => k !== e.case && id !== undefined && id === doc.caseId,
    );
    if (clash) {
      mismatches.push({
        field: 'case',
        expected: `a case other than "${clash[0]}"`,
        actual: doc.caseId ?? '',
        rule: 'other-case',
        otherCase: clash[0],
      });
    }
  }
  compare('invalidated', String(e.invalidated), String(doc.status === 'invalidated'));
  if (e.replaces !== undefined) {
    const replaced = matched.get(e.replaces);
    if (replaced !== undefined) {
      compare('setId', replaced.setId, doc.setId);
    } else {
      mismatches.push({
        field: 'setId',
        expected: '(the replaced version)',
        actual: doc.setId,
        rule: 'same-set',
      });
    }
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
