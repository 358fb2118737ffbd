/**
 * Code lists as data (SHA-SPEC section 8). Each JSON file in a code-list directory holds one code system;
 * directories are read in order and a later file for the same oid replaces the earlier list as a whole, so a
 * user can drop the official list from Kanta's Koodistopalvelu into a configured directory and it wins over
 * kanta-sim's placeholders.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KantaSimError } from '../errors.js';
import { dataFileError, readJsonDataFile } from './read-data-file.js';

/** The lists shipped with kanta-sim (confirmed values plus labelled placeholders). */
export const DEFAULT_CODE_LIST_DIR = fileURLToPath(new URL('./lists/', import.meta.url));

export interface CodeEntry {
  readonly code: string;
  readonly fi: string;
  readonly sv?: string;
  readonly en?: string;
  /** false: a kanta-sim placeholder, not an official value. */
  readonly confirmed: boolean;
  /** Who translated a name, per language: "kanta-sim" marks our own translation, not an official name. */
  readonly translatedBy?: Readonly<Partial<Record<'sv' | 'en', string>>>;
}

export interface CodeList {
  readonly oid: string;
  /** The code system's Finnish name. */
  readonly name: string;
  readonly codes: readonly CodeEntry[];
  /** The file it was loaded from, for diagnostics. */
  readonly source: string;
}

export interface CodeLists {
  /** The entry for `code` in system `systemOid`, or undefined (unknown system or unknown code). */
  lookup(systemOid: string, code: string): CodeEntry | undefined;
  /** Whether a list for the system is loaded (validators have no opinion on systems without a list). */
  has(systemOid: string): boolean;
  list(systemOid: string): CodeList | undefined;
  systems(): readonly string[];
}

/** Loads every *.json of each directory in order; a bad file fails fast with CONFIG_INVALID naming it. */
export function loadCodeLists(dirs: readonly string[] = [DEFAULT_CODE_LIST_DIR]): CodeLists {
  const lists = new Map<string, CodeList>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir)
        .filter((n) => n.endsWith('.json'))
        .sort();
    } catch (cause) {
      throw new KantaSimError('CONFIG_INVALID', `code-list directory ${dir} cannot be read`, { cause });
    }
    for (const name of names) {
      const list = readList(join(dir, name));
      lists.set(list.oid, list);
    }
  }
  return codeListsFrom(lists);
}

/** Builds the lookup structure from lists already in memory (tests, merged configurations). */
export function codeListsFrom(input: ReadonlyMap<string, CodeList> | readonly CodeList[]): CodeLists {
  const lists = new Map<string, CodeList>(
    Array.isArray(input)
      ? (input as readonly CodeList[]).map((l) => [l.oid, l])
      : (input as ReadonlyMap<string, CodeList>),
  );
  const index = new Map<string, Map<string, CodeEntry>>();
  for (const [oid, list] of lists) {
    index.set(oid, new Map(list.codes.map((c) => [c.code, c])));
  }
  return Object.freeze({
    lookup: (systemOid: string, code: string) => index.get(systemOid)?.get(code),
    has: (systemOid: string) => index.has(systemOid),
    list: (systemOid: string) => lists.get(systemOid),
    systems: () => [...lists.keys()],
  });
}

function readList(file: string): CodeList {
  const bad = dataFileError('code list', file);
  const raw = readJsonDataFile('code list', file);
  if (!isRecord(raw)) {
    throw bad('must be a JSON object');
  }
  const { oid, name, codes } = raw;
  if (typeof oid !== 'string' || !/^\d+(\.\d+)+$/.test(oid)) {
    throw bad('"oid" must be an OID string');
  }
  if (typeof name !== 'string' || name === '') {
    throw bad('"name" must be a non-empty string');
  }
  if (!Array.isArray(codes)) {
    throw bad('"codes" must be an array');
  }
  const seen = new Set<string>();
  const entries = codes.map((c: unknown, i: number): CodeEntry => {
    if (!isRecord(c) || typeof c.code !== 'string' || c.code === '' || typeof c.fi !== 'string') {
      throw bad(`codes[${i}] needs a non-empty string "code" and a string "fi"`);
    }
    if (typeof c.confirmed !== 'boolean') {
      throw bad(`codes[${i}] (${c.code}) needs a boolean "confirmed"`);
    }
    if (seen.has(c.code)) {
      throw bad(`code ${c.code} appears twice`);
    }
    seen.add(c.code);
    for (const lang of ['sv', 'en'] as const) {
      if (c[lang] !== undefined && typeof c[lang] !== 'string') {
        throw bad(`codes[${i}].${lang} must be a string`);
      }
    }
    const translatedBy = readTranslatedBy(c.translatedBy, () =>
      bad(`codes[${i}].translatedBy must map sv/en to strings`),
    );
    return Object.freeze({
      code: c.code,
      fi: c.fi,
      confirmed: c.confirmed,
      ...(typeof c.sv === 'string' ? { sv: c.sv } : {}),
      ...(typeof c.en === 'string' ? { en: c.en } : {}),
      ...(translatedBy ? { translatedBy } : {}),
    });
  });
  return Object.freeze({ oid, name, codes: Object.freeze(entries), source: file });
}

/** `{ "sv": "kanta-sim" }`: who translated which name; anything else is a broken file. */
function readTranslatedBy(
  v: unknown,
  bad: () => Error,
): Readonly<Partial<Record<'sv' | 'en', string>>> | undefined {
  if (v === undefined) {
    return undefined;
  }
  if (
    !isRecord(v) ||
    Object.entries(v).some(([k, x]) => (k !== 'sv' && k !== 'en') || typeof x !== 'string')
  ) {
    throw bad();
  }
  return Object.freeze({ ...(v as Partial<Record<'sv' | 'en', string>>) });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
