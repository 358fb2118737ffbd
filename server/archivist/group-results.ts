/**
 * Search results as the archivist reads them: client -> service task -> case, each case a timeline of its
 * documents in process-phase order (initiation, assessment, planning, ...), then by date.
 */
import type { CodeLists } from '../codes/code-lists.js';
import { CODE_SYSTEMS } from '../codes/code-systems.js';
import type { OrganisationNames } from './archivists.js';
import { clientName, type ArchivedDocument } from './archived-document.js';
import { documentTitle, namesOfCode, titleCodesOf } from './document-title.js';
import type { CodeNames } from './metadata-fields.js';
import { providerOfDocument, type ProviderModel } from './provider.js';

/**
 * A case carries no name of its own in the CDA (encompassingEncounter has only its id), so a case is named
 * by what the archivist knows it by: its service task and the date it began (its earliest document).
 */
export interface CaseTitle {
  readonly serviceTask?: CodeNames;
  /** The HL7 time of the case's earliest document. */
  readonly firstDate?: string;
}

export interface ResultDocument {
  readonly id: string;
  readonly versionNumber: number;
  /** current, replaced or invalidated (see DocumentState). */
  readonly state: string;
  readonly effectiveTime?: string;
  readonly archivedAt: string;
  readonly registerOid: string;
  readonly prosessivaihe?: string;
  /** The title's names (specific type, general type or document group); undefined when nothing names it. */
  readonly title?: CodeNames;
  /** Set when a service provider (not the register keeper) archived it. */
  readonly provider?: ProviderModel;
}

export interface CaseGroup {
  /** The case OID; '' for documents outside any case (e.g. the client-relationship document). */
  readonly caseId: string;
  /** What names the case for a reader: its service task and the date of its first document. */
  readonly title: CaseTitle;
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
export function groupResults(
  docs: readonly ArchivedDocument[],
  codes: CodeLists,
  organisations?: OrganisationNames,
): ClientGroup[] {
  const phaseOrder = new Map(
    (codes.list(CODE_SYSTEMS.PROCESS_PHASE)?.codes ?? []).map((c, i) => [c.code, i] as const),
  );
  const clients = new Map<
    string,
    {
      name: string;
      tasks: Map<string, { text?: string; names?: CodeNames; cases: Map<string, ResultDocument[]> }>;
    }
  >();
  for (const d of docs) {
    const hetu = d.stored.hetu;
    const client = clients.get(hetu) ?? { name: clientName(d.document), tasks: new Map() };
    clients.set(hetu, client);
    const taskCode = d.stored.palvelutehtava ?? '';
    const task = client.tasks.get(taskCode) ?? {
      text: d.document.header.palvelutehtava?.displayName,
      names: namesOfCode(d.document.header.palvelutehtava, CODE_SYSTEMS.SERVICE_TASK, codes),
      cases: new Map<string, ResultDocument[]>(),
    };
    client.tasks.set(taskCode, task);
    const caseId = d.stored.caseId ?? '';
    const timeline = task.cases.get(caseId) ?? [];
    task.cases.set(caseId, timeline);
    const title = documentTitle(titleCodesOf(d.document), codes);
    const provider = providerOfDocument(d, organisations);
    timeline.push({
      id: d.stored.id,
      versionNumber: d.stored.versionNumber,
      state: d.stored.state ?? d.stored.status,
      effectiveTime: d.stored.effectiveTime,
      archivedAt: d.stored.archivedAt,
      registerOid: d.stored.registerOid,
      prosessivaihe: d.stored.prosessivaihe,
      ...(title ? { title } : {}),
      ...(provider ? { provider } : {}),
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
        title: caseTitle(t.names, timeline),
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

function caseTitle(serviceTask: CodeNames | undefined, timeline: readonly ResultDocument[]): CaseTitle {
  const firstDate = timeline
    .map((d) => d.effectiveTime)
    .filter((t): t is string => t !== undefined && t !== '')
    .sort()[0];
  return { ...(serviceTask ? { serviceTask } : {}), ...(firstDate ? { firstDate } : {}) };
}
