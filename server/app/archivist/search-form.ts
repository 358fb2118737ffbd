/**
 * Reading the search form: query strings into a SearchQuery with the purpose of use stated for it (every
 * search states its own; nothing is remembered from an earlier search), and the code-list options of the
 * filters in the page's language.
 */
import type { Lang } from '../../../archivist-ui/i18n/index.js';
import type { Messages } from '../../../archivist-ui/i18n/fi.js';
import type { SearchForm, SearchOptions } from '../../../archivist-ui/views/search.js';
import type { ArchivistService } from '../../archivist/archivist-service.js';
import type { SearchResult } from '../../archivist/document-view.js';
import { SEARCH_FILTER_KEYS, type SearchQuery } from '../../archivist/search-query.js';
import type { Session } from '../../archivist/sessions.js';
import { readPurpose, type PurposeProblem } from '../../archivist/purposes.js';
import type { CodeLists } from '../../codes/code-lists.js';
import { CODE_SYSTEMS } from '../../codes/code-systems.js';
import { KantaSimError } from '../../errors.js';
import type { DocumentState } from '../../store/archive-store.js';

const FORM_KEYS = [
  'hetu',
  'reason',
  'reasonText',
  ...SEARCH_FILTER_KEYS,
] as const satisfies readonly (keyof SearchForm)[];

const STATES: readonly DocumentState[] = ['current', 'replaced', 'invalidated'];

export interface SearchPageData {
  readonly form: SearchForm;
  readonly options: SearchOptions;
  readonly result?: SearchResult;
  readonly errorKey?: 'reasonRequired' | 'hetuInvalid';
  /** The field the error is about. */
  readonly errorField?: PurposeProblem | 'hetu';
  readonly filtersOpen: boolean;
}

/** Code-list names in a language (falling back to Finnish). */
export function codeNamer(codes: CodeLists, lang: Lang) {
  const name = (system: string, code: string): string | undefined => {
    const e = codes.lookup(system, code);
    return e ? (e[lang] ?? e.fi) : undefined;
  };
  return {
    phase: (code: string) => name(CODE_SYSTEMS.PROCESS_PHASE, code),
    task: (code: string) => name(CODE_SYSTEMS.SERVICE_TASK, code),
  };
}

function options(codes: CodeLists, lang: Lang): SearchOptions {
  const list = (system: string, keep: (code: string) => boolean = () => true) =>
    (codes.list(system)?.codes ?? [])
      .filter((c) => keep(c.code))
      .map((c) => ({ code: c.code, name: c[lang] ?? c.fi }));
  return {
    serviceTasks: list(CODE_SYSTEMS.SERVICE_TASK),
    // The index holds the specific type (5 digits); the general types are the list's 2-digit codes.
    documentTypes: list(CODE_SYSTEMS.DOCUMENT_TYPE, (c) => c.length > 2),
    phases: list(CODE_SYSTEMS.PROCESS_PHASE),
  };
}

/** Reads the query; runs the search when any criterion is given and a purpose of use is stated. */
export async function readSearch(
  query: Record<string, unknown>,
  session: Session,
  service: ArchivistService,
  codes: CodeLists,
  lang: Lang,
): Promise<SearchPageData> {
  const raw: Record<string, string> = {};
  for (const key of FORM_KEYS) {
    const v = query[key];
    if (typeof v === 'string' && v.trim() !== '') {
      raw[key] = v.trim().slice(0, 200);
    }
  }
  if (raw.hetu) {
    raw.hetu = raw.hetu.toUpperCase();
  }
  const form: SearchForm = { ...raw };
  const filtersOpen = SEARCH_FILTER_KEYS.some((k) => raw[k] !== undefined);
  const base = { form, options: options(codes, lang), filtersOpen };
  const asked = raw.hetu !== undefined || filtersOpen;
  if (!asked) {
    return base;
  }
  const stated = readPurpose(raw.reason, raw.reasonText);
  if (!stated.ok) {
    return { ...base, errorKey: 'reasonRequired', errorField: stated.problem };
  }
  const state = raw.state as DocumentState | undefined;
  const search: SearchQuery = {
    hetu: raw.hetu,
    palvelutehtava: raw.palvelutehtava,
    documentType: raw.documentType,
    prosessivaihe: raw.prosessivaihe,
    caseId: raw.caseId,
    from: raw.from,
    to: raw.to,
    state: state && STATES.includes(state) ? state : undefined,
    registerOid: raw.registerOid,
  };
  try {
    return { ...base, result: await service.search(session, search, stated.purpose) };
  } catch (e) {
    if (
      e instanceof KantaSimError &&
      e.code === 'BAD_REQUEST' &&
      raw.hetu !== undefined &&
      /identity code/.test(e.message)
    ) {
      return { ...base, errorKey: 'hetuInvalid', errorField: 'hetu' };
    }
    throw e;
  }
}

export type { Messages };
