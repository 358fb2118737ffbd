/**
 * The entries of a scenario that make documents: documents (first versions, new versions, client-relationship
 * documents with their providers), invalidations and expected refusals. A new version names the key of the
 * document it replaces and inherits what it does not say, so a correction reads as what changed and why.
 */
import { SERVICE_TASKS, type ServiceTaskKey } from '../cda/templates-codes.js';
import { RULES } from '../rules/catalogue.js';
import type {
  SeedDocument,
  SeedInvalidation,
  SeedProviderRight,
  SeedReason,
  SeedRefusal,
  SeedTemplateName,
} from './scenario-types.js';
import { array, bad, dateTime, fail, isoDate, object, str } from './scenario-fields.js';

/** Each template's own texts a scenario may set (the template's defaults fill in the rest). */
export const TEMPLATE_TEXTS: Readonly<Record<SeedTemplateName, readonly string[]>> = {
  initiation: ['channel', 'contactPerson', 'description'],
  assessment: ['situation', 'clientView', 'conclusion'],
  'client-plan': ['situation', 'meetings', 'differingViews', 'reviewPlace'],
  decision: ['outcome', 'grounds', 'validFrom', 'validUntil'],
  'client-note': ['note'],
  'client-relationship': [],
};
const TEMPLATE_NAMES = Object.keys(TEMPLATE_TEXTS);
/** What a new version may not change: it is a version of the same document of the same client. */
const FIXED_BY_VERSION = ['template', 'organisation', 'provider', 'hetu'] as const;

/** The documents, each version resolved against the one it replaces; keys unique, replaced at most once. */
export function parseDocuments(entries: readonly Record<string, unknown>[]): SeedDocument[] {
  const byKey = new Map<string, { index: number; document: SeedDocument; replacedBy?: number }>();
  return entries.map((entry, i) => {
    const where = `documents[${i}]`;
    const replaces = entry.replaces === undefined ? undefined : str(entry.replaces, `${where}.replaces`);
    const base = replaces === undefined ? undefined : byKey.get(replaces);
    if (replaces !== undefined && base === undefined) {
      throw bad(`${where}.replaces: "${replaces}" is not the key of an earlier document`);
    }
    if (base?.replacedBy !== undefined) {
      throw bad(`${where}.replaces: "${replaces}" is already replaced by documents[${base.replacedBy}]`);
    }
    const document = documentEntry(entry, where, base?.document, { reasonRequired: true });
    if (base) {
      base.replacedBy = i;
    }
    if (document.key !== undefined) {
      const first = byKey.get(document.key);
      if (first !== undefined) {
        throw bad(`${where}.key: "${document.key}" is already the key of documents[${first.index}]`);
      }
      byKey.set(document.key, { index: i, document });
    }
    return document;
  });
}

/** Invalidations of earlier documents by key, each set at most once. */
export function parseInvalidations(
  entries: readonly Record<string, unknown>[],
  documents: readonly SeedDocument[],
): SeedInvalidation[] {
  const invalidated = new Map<string, number>();
  return entries.map((entry, i) => {
    const where = `invalidations[${i}]`;
    known(entry, where, ['document', 'reason', 'date', 'professional', 'key']);
    const key = str(entry.document, `${where}.document`);
    const target = documents.find((d) => d.key === key);
    if (!target) {
      throw bad(`${where}.document: "${key}" is not the key of a document`);
    }
    const root = rootKeyOf(target, documents);
    const earlier = invalidated.get(root);
    if (earlier !== undefined) {
      throw bad(`${where}.document: the set of "${key}" is already invalidated by invalidations[${earlier}]`);
    }
    invalidated.set(root, i);
    return {
      document: key,
      reason: reason(entry.reason, `${where}.reason`),
      ...(entry.date === undefined ? {} : { date: dateTime(entry.date, `${where}.date`) }),
      ...(entry.professional === undefined
        ? {}
        : { professional: str(entry.professional, `${where}.professional`) }),
      ...(entry.key === undefined ? {} : { key: str(entry.key, `${where}.key`) }),
    };
  });
}

/** Expected refusals: a document entry plus the rule the archive must refuse it with. */
export function parseRefusals(
  entries: readonly Record<string, unknown>[],
  documents: readonly SeedDocument[],
): SeedRefusal[] {
  return entries.map((entry, i) => {
    const where = `refusals[${i}]`;
    const rule = str(entry.rule, `${where}.rule`);
    if (!(rule in RULES)) {
      throw bad(`${where}.rule: "${rule}" is not a rule code (see docs/rules.md)`);
    }
    const replaces = entry.replaces === undefined ? undefined : str(entry.replaces, `${where}.replaces`);
    const base = replaces === undefined ? undefined : documents.find((d) => d.key === replaces);
    if (replaces !== undefined && base === undefined) {
      throw bad(`${where}.replaces: "${replaces}" is not the key of a document`);
    }
    return { ...documentEntry(without(entry, ['rule']), where, base, { reasonRequired: false }), rule };
  });
}

/** The key of the first version of a document's set. */
export function rootKeyOf(document: SeedDocument, documents: readonly SeedDocument[]): string {
  let current = document;
  while (current.replaces !== undefined) {
    const previous = documents.find((d) => d.key === current.replaces);
    if (!previous) {
      break;
    }
    current = previous;
  }
  return current.key ?? '';
}

const DOCUMENT_FIELDS = [
  'key',
  'template',
  'organisation',
  'provider',
  'unit',
  'professional',
  'hetu',
  'case',
  'id',
  'caseId',
  'date',
  'serviceTask',
  'replaces',
  'reason',
  'text',
  'providers',
];

function documentEntry(
  entry: Record<string, unknown>,
  where: string,
  base: SeedDocument | undefined,
  options: { readonly reasonRequired: boolean },
): SeedDocument {
  known(entry, where, DOCUMENT_FIELDS);
  const at = (k: string): string => `${where}.${k}`;
  const optional = (k: string): Record<string, string> =>
    entry[k] === undefined ? {} : { [k]: str(entry[k], at(k)) };
  if (base !== undefined) {
    for (const k of FIXED_BY_VERSION) {
      if (entry[k] !== undefined && entry[k] !== base[k]) {
        throw bad(`${at(k)}: a new version keeps the ${k} of the document it replaces (${String(base[k])})`);
      }
    }
    if (entry.reason === undefined && options.reasonRequired) {
      fail(at('reason'), 'the reason of the new version ({ "code": "1", "text": "..." })');
    }
  }
  const template = entry.template ?? base?.template;
  if (!TEMPLATE_NAMES.includes(template as string)) {
    fail(at('template'), TEMPLATE_NAMES.join(' | '));
  }
  const name = template as SeedTemplateName;
  const inherited = base === undefined ? {} : inheritable(base);
  return {
    ...inherited,
    template: name,
    organisation:
      entry.organisation === undefined && base
        ? base.organisation
        : str(entry.organisation, at('organisation')),
    hetu: entry.hetu === undefined && base ? base.hetu : str(entry.hetu, at('hetu')),
    ...optional('key'),
    ...optional('provider'),
    ...optional('unit'),
    ...optional('professional'),
    ...optional('case'),
    ...optional('id'),
    ...optional('caseId'),
    ...(entry.date === undefined ? {} : { date: dateTime(entry.date, at('date')) }),
    ...(entry.serviceTask === undefined
      ? {}
      : { serviceTask: serviceTask(entry.serviceTask, at('serviceTask')) }),
    ...(base?.key === undefined ? {} : { replaces: base.key }),
    ...(entry.reason === undefined ? {} : { reason: reason(entry.reason, at('reason')) }),
    ...(entry.text === undefined ? {} : { text: texts(entry.text, at('text'), name) }),
    ...(entry.providers === undefined
      ? {}
      : { providers: providers(entry.providers, at('providers'), name) }),
  };
}

/** What a new version takes over from the version it replaces unless it says otherwise. */
function inheritable(base: SeedDocument): Partial<SeedDocument> {
  return without(base, ['key', 'replaces', 'reason', 'date', 'id']);
}

/** A copy of an entry without some of its fields. */
export function without<T extends object>(o: T, keys: readonly string[]): T {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k))) as T;
}

function serviceTask(v: unknown, where: string): ServiceTaskKey {
  const value = str(v, where);
  const found = Object.entries(SERVICE_TASKS).find(([key, task]) => key === value || task.code === value);
  if (!found) {
    const known = Object.values(SERVICE_TASKS).map((t) => `${t.code} (${t.displayName})`);
    return fail(where, `a service task: ${known.join(' | ')}`);
  }
  return found[0] as ServiceTaskKey;
}

function reason(v: unknown, where: string): SeedReason {
  const o = object(v, where);
  known(o, where, ['code', 'text']);
  return {
    code: o.code === undefined ? '1' : str(o.code, `${where}.code`),
    text: str(o.text, `${where}.text`),
  };
}

function texts(v: unknown, where: string, template: SeedTemplateName): Readonly<Record<string, string>> {
  const o = object(v, where);
  const allowed = TEMPLATE_TEXTS[template];
  for (const [k, text] of Object.entries(o)) {
    if (!allowed.includes(k)) {
      throw bad(`${where}.${k}: ${template} has no text "${k}"; it has: ${allowed.join(', ') || 'none'}`);
    }
    str(text, `${where}.${k}`);
  }
  if (
    template === 'decision' &&
    o.outcome !== undefined &&
    o.outcome !== 'Myönteinen' &&
    o.outcome !== 'Kielteinen'
  ) {
    fail(`${where}.outcome`, '"Myönteinen" or "Kielteinen"');
  }
  return o as Record<string, string>;
}

function providers(v: unknown, where: string, template: SeedTemplateName): SeedProviderRight[] {
  if (template !== 'client-relationship') {
    throw bad(`${where}: only a client-relationship document lists providers`);
  }
  return array(v, where).map((p, i) => {
    const at = `${where}[${i}]`;
    const o = object(p, at);
    known(o, at, ['organisation', 'unit', 'services', 'start', 'end']);
    const start = isoDate(o.start, `${at}.start`);
    const end = o.end === undefined ? undefined : isoDate(o.end, `${at}.end`);
    if (end !== undefined && end < start) {
      fail(`${at}.end`, `a date on or after start ${start}`);
    }
    return {
      organisation: str(o.organisation, `${at}.organisation`),
      start,
      ...(o.unit === undefined ? {} : { unit: str(o.unit, `${at}.unit`) }),
      ...(o.services === undefined
        ? {}
        : { services: array(o.services, `${at}.services`).map((s, j) => str(s, `${at}.services[${j}]`)) }),
      ...(end === undefined ? {} : { end }),
    };
  });
}

/** Refuses a field the format does not know, so a typo does not silently fall back to a default. */
function known(o: Record<string, unknown>, where: string, fields: readonly string[]): void {
  for (const k of Object.keys(o)) {
    if (!fields.includes(k)) {
      throw bad(`${where}.${k}: unknown field; known: ${fields.join(', ')}`);
    }
  }
}
