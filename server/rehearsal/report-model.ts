/**
 * What the deployment-test report says, computed once from a verdict: the HTML page, the PDF and the
 * e-mail draft all render this, so they can never disagree.
 */
import { DOCUMENT_KINDS, SERVICE_TASKS } from '../cda/templates-codes.js';
import type { CodeLists } from '../codes/code-lists.js';
import { CODE_SYSTEMS } from '../codes/code-systems.js';
import type { RehearsalVerdict } from './rehearsal-service.js';
import { findingText, type TextLang } from './finding-texts.js';
import { reportTexts, type ReportTexts } from './report-texts.js';
import type { RehearsalProgress, RehearsalState } from './view-models.js';
import { testCaseTitle } from './test-case.js';
import { finnishDate, reportDeadline, type CalendarDate } from './working-days.js';

export type CheckMark = 'ok' | 'fail' | 'open';

export interface ReportDocument {
  readonly key: string;
  readonly id: string;
  readonly setId: string;
  readonly version: string;
  readonly type: string;
  readonly serviceTask: string;
  readonly archived: CheckMark;
  readonly inRegister: CheckMark;
  readonly metadataValid: CheckMark;
  readonly matchesClientSystem: CheckMark;
}

export interface ReportModel {
  /** The language the report is written in (its texts: report-texts.ts). */
  readonly lang: TextLang;
  readonly subject: string;
  readonly to: string;
  readonly organisation: { readonly name: string; readonly oid: string; readonly registerKeeperOid: string };
  readonly role: string;
  readonly units: readonly string[];
  readonly accessRights: readonly string[];
  readonly clientSystem: string;
  readonly systemProfile?: string;
  readonly phase?: string;
  readonly testCase: string;
  readonly rehearsalId: string;
  /** Local (Helsinki) date and time of the test, written in the report's language. */
  readonly testedAt: string;
  readonly participants: readonly {
    readonly role: string;
    readonly name: string;
    readonly contact: string;
  }[];
  readonly testIdentities: readonly string[];
  readonly documents: readonly ReportDocument[];
  readonly deviations: readonly string[];
  /** passed or failed only once there is a verdict (see rehearsal-state.ts); pending until then. */
  readonly result: 'passed' | 'failed' | 'pending';
  readonly state: RehearsalState;
  readonly resultText: string;
  readonly deadline: CalendarDate;
  readonly deadlineText: string;
  readonly generatedAt: string;
}

export interface ReportOptions {
  /** Where the report goes (config kantaReportAddress). */
  readonly kantaAddress: string;
  /** Organisation names by OID, for organisations without an onboarding record. */
  readonly organisationName?: (oid: string) => string | undefined;
  readonly now: Date;
  /** The report's language; Finnish unless asked (the archivist interface asks for the archivist's). */
  readonly lang?: TextLang;
  /** Code lists, for names in the report's language (without them, the templates' Finnish names). */
  readonly codes?: CodeLists;
}

/** A code's name in `lang` from the code lists, or undefined when no list knows it. */
type CodeNamer = (system: string, code: string) => string | undefined;

function codeNamer(codes: CodeLists | undefined, lang: TextLang): CodeNamer {
  return (system, code) => {
    const entry = codes?.lookup(system, code);
    return entry ? (entry[lang] ?? entry.fi) : undefined;
  };
}

/** The result line: the verdict once there is one, else why there is none yet; who closed it and when. */
function resultTextOf(p: RehearsalProgress, lang: TextLang): string {
  const L = reportTexts(lang);
  const text =
    p.outcome === undefined ? L.noResult[p.state as keyof ReportTexts['noResult']] : L.results[p.outcome];
  if (p.closedAt === undefined) {
    return text;
  }
  const closed = `${L.closed[p.state === 'cancelled' ? 'cancelled' : 'finished']} ${localDateTime(new Date(p.closedAt), lang)}`;
  return `${text} – ${closed}${p.closedBy === undefined ? '' : `, ${p.closedBy}`}`;
}

/** Helsinki date and time in the report's words, e.g. "12.3.2026 klo 10.15" or "12.3.2026 kl. 10.15". */
export function localDateTime(instant: Date, lang: TextLang = 'fi', timeZone = 'Europe/Helsinki'): string {
  const p = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const g = (t: string): string => p.find((x) => x.type === t)?.value ?? '';
  const at = reportTexts(lang).at;
  return `${Number(g('day'))}.${Number(g('month'))}.${g('year')} ${at} ${g('hour')}.${g('minute')}`;
}

function mark(v: boolean | null): CheckMark {
  return v === null ? 'open' : v ? 'ok' : 'fail';
}

function typeName(
  code: string | undefined,
  group: string | undefined,
  L: ReportTexts,
  named: CodeNamer,
): string {
  if (code === undefined) {
    return group === '1' ? L.clientRelationshipDocument : `${L.documentGroup} ${group ?? '-'}`;
  }
  const listed = named(CODE_SYSTEMS.DOCUMENT_TYPE, code);
  if (listed !== undefined) {
    return `${code} ${listed}`;
  }
  for (const kind of Object.values(DOCUMENT_KINDS)) {
    for (const t of Object.values(kind.byServiceTask)) {
      if (t?.specificDocumentType?.code === code) {
        return `${code} ${t.specificDocumentType.displayName}`;
      }
    }
  }
  return code;
}

function taskName(code: string | undefined, named: CodeNamer): string {
  if (code === undefined) {
    return '-';
  }
  const listed = named(CODE_SYSTEMS.SERVICE_TASK, code);
  if (listed !== undefined) {
    return `${code} ${listed}`;
  }
  const t = Object.values(SERVICE_TASKS).find((x) => x.code === code);
  return t === undefined ? code : `${code} ${t.displayName}`;
}

/** Builds the report of a verdict. */
export function buildReportModel(v: RehearsalVerdict, options: ReportOptions): ReportModel {
  const o = v.onboarding;
  const r = v.rehearsal;
  const name = o?.organisationName ?? options.organisationName?.(r.organisationOid) ?? r.organisationOid;
  const testedAt = new Date(r.startedAt);
  const deadline = reportDeadline(testedAt);
  const identity = o?.testIdentities.find((a) => a.hetu === r.hetu);
  const lang = options.lang ?? 'fi';
  const L = reportTexts(lang);
  const named = codeNamer(options.codes, lang);
  const registerName = (oid: string): string =>
    oid === r.organisationOid ? name : (options.organisationName?.(oid) ?? oid);
  // Until the rehearsal is finished, a document not yet archived is awaited, not a deviation.
  const judged = r.status === 'finished';
  const deviations = [
    ...v.evaluation.findings
      .filter((f) => judged || f.kind !== 'missing')
      .map((f) => findingText(f, lang, registerName)),
    ...v.refusals.map((e) =>
      L.refused(e.documentId ?? L.aMessage, e.senderOid ?? '?', `${e.typeCode}: ${e.rules.join(', ')}`),
    ),
  ];
  return {
    lang,
    subject: L.subject(name),
    to: options.kantaAddress,
    organisation: { name, oid: r.organisationOid, registerKeeperOid: v.registers.own },
    role: L.roles[(o?.role ?? v.testCase.role) === 'provider' ? 'provider' : 'organiser'],
    units: (o?.units ?? []).map((u) => `${u.name} (${u.oid})`),
    accessRights: (o?.registerAccessRights ?? []).map(
      (a) =>
        `${a.organiserName ?? a.organiserOid} (${a.organiserOid}), ${L.serviceUnit} ${a.serviceUnitOid}, ${a.startDate}${a.endDate ? `–${a.endDate}` : '–'}`,
    ),
    clientSystem:
      o === undefined
        ? L.notDeclared
        : `${o.clientSystem.name} ${o.clientSystem.version}${o.clientSystem.vendor ? ` (${o.clientSystem.vendor})` : ''}`,
    ...(o?.systemProfile === undefined ? {} : { systemProfile: o.systemProfile }),
    ...(o?.phase === undefined ? {} : { phase: o.phase }),
    testCase: `${v.testCase.name}: ${testCaseTitle(v.testCase.title, lang)}`,
    rehearsalId: r.id,
    testedAt: localDateTime(testedAt, lang),
    participants: (o?.participants ?? []).map((p) => ({
      role: L.participantRoles[p.role],
      name: p.name,
      contact: [p.organisation, p.email, p.phone].filter((x) => x !== undefined).join(', '),
    })),
    testIdentities: [
      `${r.hetu}${identity ? ` ${identity.family} ${identity.given.join(' ')}` : ''} (${L.serviceTask} ${taskName(v.testCase.serviceTask, named)})`,
    ],
    documents: v.evaluation.checklist.map((i) => ({
      key: i.key,
      id: i.document?.id ?? '-',
      setId: i.document?.setId ?? '-',
      version: String(i.document?.versionNumber ?? i.expected.version),
      type: typeName(i.document?.documentType ?? i.expected.documentType, i.expected.documentGroup, L, named),
      serviceTask: taskName(i.document?.palvelutehtava ?? i.expected.serviceTask, named),
      archived: mark(i.checks.archived),
      inRegister: mark(i.checks.inExpectedRegister),
      metadataValid: mark(i.checks.metadataValid),
      matchesClientSystem: mark(i.checks.matchesClientSystem),
    })),
    deviations,
    result: v.progress.outcome ?? 'pending',
    state: v.progress.state,
    resultText: resultTextOf(v.progress, lang),
    deadline,
    deadlineText: finnishDate(deadline),
    generatedAt: localDateTime(options.now, lang),
  };
}
