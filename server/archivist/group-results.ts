/**
 * Search results as the archivist reads them: client -> service task -> case, each case a timeline of its
 * documents in process-phase order (initiation, assessment, planning, ...), then by date.
 */
import type { CodeLists } from '../codes/code-lists.js';
import { CODE_SYSTEMS } from '../codes/code-systems.js';
import { clientName, type ArchivedDocument } from './archived-document.js';

export interface ResultDocument {
  readonly id: string;
  readonly versionNumber: number;
  /** current, replaced or invalidated (see DocumentState). */
  readonly state: string;
  readonly effectiveTime?: string;
  readonly archivedAt: string;
  readonly registerOid: string;
  readonly prosessivaihe?: string;
  readonly documentTypeCode?: string;
  /** The document's own display name of its specific (or general) type. */
  readonly documentTypeText?: string;
}

export interface CaseGroup {
  /** The case OID; '' for documents outside any case (e.g. the client-relationship document). */
  readonly caseId: string;
  readonly timeline: readonly ResultDocument[];
}

export interface ServiceTaskGroup {
  /** '' when the documents carry no service task. */
  readonly code: string;
  readonly text?: string;
  readonly cases: readonly CaseGroup[];
}

export interface ClientGroup {
  readonly hetu: string;
  readonly name: string;
  readonly serviceTasks: readonly ServiceTaskGroup[];
}

/** Groups documents; clients, tasks and cases keep the order they first appear in. */
export function groupResults(docs: readonly ArchivedDocument[], codes: CodeLists): ClientGroup[] {
  const phaseOrder = new Map(
    (codes.list(CODE_SYSTEMS.PROCESS_PHASE)?.codes ?? []).map((c, i) => [c.code, i] as const),
  );
  const clients = new Map<
    string,
    { name: string; tasks: Map<string, { text?: string; cases: Map<string, ResultDocument[]> }> }
  >();
  for (const d of docs) {
    const hetu = d.stored.hetu;
    const client = clients.get(hetu) ?? { name: clientName(d.document), tasks: new Map() };
    clients.set(hetu, client);
    const taskCode = d.stored.palvelutehtava ?? '';
    const task = client.tasks.get(taskCode) ?? {
      text: d.document.header.palvelutehtava?.displayName,
      cases: new Map<string, ResultDocument[]>(),
    };
    client.tasks.set(taskCode, task);
    const caseId = d.stored.caseId ?? '';
    const timeline = task.cases.get(caseId) ?? [];
    task.cases.set(caseId, timeline);
    const type = d.document.header.specificDocumentType ?? d.document.code;
    timeline.push({
      id: d.stored.id,
      versionNumber: d.stored.versionNumber,
      state: d.stored.state ?? d.stored.status,
      effectiveTime: d.stored.effectiveTime,
      archivedAt: d.stored.archivedAt,
      registerOid: d.stored.registerOid,
      prosessivaihe: d.stored.prosessivaihe,
      documentTypeCode: d.stored.documentType ?? d.stored.generalDocumentType,
      documentTypeText: type?.displayName,
    });
  }
  const rank = (code: string | undefined): number =>
    code === undefined ? -1 : (phaseOrder.get(code) ?? Number.parseInt(code, 10) + 1000);
  return [...clients].map(([hetu, c]) => ({
    hetu,
    name: c.name,
    serviceTasks: [...c.tasks].map(([code, t]) => ({
      code,
      text: t.text,
      cases: [...t.cases].map(([caseId, timeline]) => ({
        caseId,
        timeline: [...timeline].sort(
          (a, b) =>
            rank(a.prosessivaihe) - rank(b.prosessivaihe) ||
            (a.effectiveTime ?? '').localeCompare(b.effectiveTime ?? '') ||
            a.versionNumber - b.versionNumber,
        ),
      })),
    })),
  }));
}
