/**
 * What the deployment-test report says, computed once from a verdict: the HTML page, the PDF and the
 * e-mail draft all render this, so they can never disagree.
 */
import { DOCUMENT_KINDS, SERVICE_TASKS } from '../cda/templates-codes.js';
import type { RehearsalVerdict } from './rehearsal-service.js';
import { PARTICIPANT_ROLE_NAMES } from './onboarding.js';
import type { RehearsalProgress, RehearsalState } from './view-models.js';
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
  /** Finnish local date and time of the test. */
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
}

const RESULT_TEXT = {
  passed: 'Hyväksytty (passed)',
  failed: 'Poikkeamia (failed)',
  pending: 'Kesken: arkistonhoitajan vertailu puuttuu (pending)',
} as const;

/** What the report says while there is no verdict, or how the verdict came (finished by the archivist). */
const STATE_TEXT = {
  'not-started': 'Ei tulosta: koetta ei ole aloitettu',
  waiting: 'Ei tulosta vielä: odotetaan asiakirjoja',
  'in-progress': 'Ei tulosta vielä: koe on kesken',
  cancelled: 'Ei tulosta: koe peruttiin',
} as const;

/** The result line: the verdict once there is one, else why there is none yet; who closed it and when. */
function resultTextOf(p: RehearsalProgress): string {
  const text =
    p.outcome === undefined ? STATE_TEXT[p.state as keyof typeof STATE_TEXT] : RESULT_TEXT[p.outcome];
  if (p.closedAt === undefined) {
    return text;
  }
  const closed = `${p.state === 'cancelled' ? 'peruttu' : 'koe päätetty'} ${finnishDateTime(new Date(p.closedAt))}`;
  return `${text} – ${closed}${p.closedBy === undefined ? '' : `, ${p.closedBy}`}`;
}

/** Finnish date and time, e.g. "12.3.2026 klo 10.15". */
export function finnishDateTime(instant: Date, timeZone = 'Europe/Helsinki'): string {
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
  return `${Number(g('day'))}.${Number(g('month'))}.${g('year')} klo ${g('hour')}.${g('minute')}`;
}

function mark(v: boolean | null): CheckMark {
  return v === null ? 'open' : v ? 'ok' : 'fail';
}

function typeName(code: string | undefined, group: string | undefined): string {
  if (code === undefined) {
    return group === '1' ? 'Asiakkuusasiakirja' : `asiakirjaryhmä ${group ?? '-'}`;
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

function taskName(code: string | undefined): string {
  if (code === undefined) {
    return '-';
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
  // Until the rehearsal is finished, a document not yet archived is awaited, not a deviation.
  const judged = v.rehearsal.status === 'finished';
  const deviations = [
    ...v.evaluation.findings.filter((f) => judged || f.kind !== 'missing').map((f) => f.message),
    ...v.refusals.map(
      (e) =>
        `archive refused ${e.documentId ?? 'a message'} from ${e.senderOid ?? '?'} (${e.typeCode}: ${e.rules.join(', ')})`,
    ),
  ];
  return {
    subject: `SHA käyttöönottokoe ${name}`,
    to: options.kantaAddress,
    organisation: { name, oid: r.organisationOid, registerKeeperOid: v.registers.own },
    role: (o?.role ?? v.testCase.role) === 'provider' ? 'Palveluntuottaja' : 'Palvelunjärjestäjä',
    units: (o?.units ?? []).map((u) => `${u.name} (${u.oid})`),
    accessRights: (o?.registerAccessRights ?? []).map(
      (a) =>
        `${a.organiserName ?? a.organiserOid} (${a.organiserOid}), palveluyksikkö ${a.serviceUnitOid}, ${a.startDate}${a.endDate ? `–${a.endDate}` : '–'}`,
    ),
    clientSystem:
      o === undefined
        ? 'ei ilmoitettu'
        : `${o.clientSystem.name} ${o.clientSystem.version}${o.clientSystem.vendor ? ` (${o.clientSystem.vendor})` : ''}`,
    ...(o?.systemProfile === undefined ? {} : { systemProfile: o.systemProfile }),
    ...(o?.phase === undefined ? {} : { phase: o.phase }),
    testCase: `${v.testCase.name}: ${v.testCase.title.fi}`,
    rehearsalId: r.id,
    testedAt: finnishDateTime(testedAt),
    participants: (o?.participants ?? []).map((p) => ({
      role: PARTICIPANT_ROLE_NAMES[p.role].fi,
      name: p.name,
      contact: [p.organisation, p.email, p.phone].filter((x) => x !== undefined).join(', '),
    })),
    testIdentities: [
      `${r.hetu}${identity ? ` ${identity.family} ${identity.given.join(' ')}` : ''} (palvelutehtävä ${taskName(v.testCase.serviceTask)})`,
    ],
    documents: v.evaluation.checklist.map((i) => ({
      key: i.key,
      id: i.document?.id ?? '-',
      setId: i.document?.setId ?? '-',
      version: String(i.document?.versionNumber ?? i.expected.version),
      type: typeName(i.document?.documentType ?? i.expected.documentType, i.expected.documentGroup),
      serviceTask: taskName(i.document?.palvelutehtava ?? i.expected.serviceTask),
      archived: mark(i.checks.archived),
      inRegister: mark(i.checks.inExpectedRegister),
      metadataValid: mark(i.checks.metadataValid),
      matchesClientSystem: mark(i.checks.matchesClientSystem),
    })),
    deviations,
    result: v.progress.outcome ?? 'pending',
    state: v.progress.state,
    resultText: resultTextOf(v.progress),
    deadline,
    deadlineText: finnishDate(deadline),
    generatedAt: finnishDateTime(options.now),
  };
}

/** Finnish labels of the report, shared by the renderers. */
export const REPORT_LABELS = {
  title: 'SHA käyttöönottokoe – raportti',
  organisation: 'Organisaatio',
  oid: 'Organisaation OID',
  registerKeeper: 'Rekisterinpitäjä (OID)',
  role: 'Rooli',
  units: 'Palveluyksiköt',
  accessRights: 'Rekisterikäyttöoikeudet',
  clientSystem: 'Asiakastietojärjestelmä ja versio',
  systemProfile: 'Järjestelmäprofiili',
  phase: 'Liittymisvaihe',
  testCase: 'Testitapaus',
  testedAt: 'Testin ajankohta',
  participants: 'Osallistujat',
  testIdentities: 'Käytetyt testihenkilöt',
  documents: 'Asiakirjat',
  deviations: 'Poikkeamat',
  noDeviations: 'Ei poikkeamia.',
  result: 'Tulos',
  deadline: 'Raportti Kelalle viimeistään',
  rehearsal: 'Harjoituksen tunniste',
  columns: [
    'Asiakirja',
    'OID',
    'setId',
    'Versio',
    'Tyyppi',
    'Palvelutehtävä',
    'Arkistoitu',
    'Oikea rekisteri',
    'Kuvailutiedot oikein',
    'Vastaa asiakastietojärjestelmää',
  ],
  marks: { ok: 'OK', fail: 'EI', open: '–' },
} as const;
