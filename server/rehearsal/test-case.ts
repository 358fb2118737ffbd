/**
 * Test cases as data (fixtures/test-cases/*.json, schema in docs/test-cases.md): for one test client, the
 * documents a client system is expected to archive and where. The rehearsal checks arrivals against them
 * and the generator builds the messages a client system would send for them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { KantaSimError } from '../errors.js';
import {
  booleanAt,
  enumAt,
  isoDateAt,
  listAt,
  objectAt,
  optionalStringAt,
  positiveIntAt,
  stringAt,
} from './read-input.js';

/** The document templates of server/cda/templates-*.ts a test case can name. */
export const TEMPLATES = [
  'clientRelationship',
  'initiation',
  'assessment',
  'clientPlan',
  'decision',
  'clientNote',
] as const;
export type TemplateName = (typeof TEMPLATES)[number];

/** Whose register: the running organisation's own, or the organiser's under a register access right. */
export type RegisterRef = 'own' | 'organiser';

export interface ExpectedDocument {
  /** Symbolic key, unique in the case (e.g. "plan"). */
  readonly key: string;
  readonly template: TemplateName;
  readonly documentGroup: string;
  /** Specific document type code; absent for the client-relationship document. */
  readonly documentType?: string;
  /** Service task code (palvelutehtävä); absent for the client-relationship document. */
  readonly serviceTask?: string;
  /** Process phase code; absent for the client-relationship document. */
  readonly processPhase?: string;
  /** Symbolic case key: documents with the same key must share one case OID, different keys differ. */
  readonly case?: string;
  readonly version: number;
  readonly invalidated: boolean;
  readonly register: RegisterRef;
  /** Service request the client system uses; default SP1 for group 1, SP17 otherwise. */
  readonly serviceRequest: string;
  /** The document's date: a fixed ISO date (old data) or days before the test (default 0). */
  readonly date?: string;
  readonly daysBeforeTest: number;
  /** For version > 1: the key of the version it replaces (same setId). */
  readonly replaces?: string;
}

export interface SetupDocument extends ExpectedDocument {
  /** Who sends it before the test: the organiser, e.g. the client-relationship document that grants a right. */
  readonly sender: 'organiser';
}

export interface TestCaseTitle {
  readonly fi: string;
  readonly sv?: string;
  readonly en: string;
}

/** The title in the reader's language; Finnish where the file has no Swedish (or the language is unknown). */
export function testCaseTitle(title: TestCaseTitle, lang: string): string {
  return (lang === 'sv' ? title.sv : lang === 'en' ? title.en : undefined) ?? title.fi;
}

export interface TestCase {
  readonly name: string;
  /** Swedish is optional in a test-case file: a title without it is shown in Finnish to Swedish readers. */
  readonly title: TestCaseTitle;
  readonly description?: string;
  /** The service the test identity is handed out for (registry key). */
  readonly serviceTask: string;
  /** Who runs the case. */
  readonly role: 'organiser' | 'provider';
  /** True for archiving data created before the organisation joined Kanta. */
  readonly oldData: boolean;
  readonly setup: readonly SetupDocument[];
  readonly documents: readonly ExpectedDocument[];
}

function readTitle(title: Record<string, unknown>, source: string): TestCaseTitle {
  const sv = optionalStringAt(title.sv, `${source}: title.sv`);
  return {
    fi: stringAt(title.fi, `${source}: title.fi`),
    ...(sv === undefined ? {} : { sv }),
    en: stringAt(title.en, `${source}: title.en`),
  };
}

/** Reads a test case from untrusted JSON; BAD_REQUEST names the first wrong field. */
export function parseTestCase(raw: unknown, source = 'test case'): TestCase {
  const o = objectAt(raw, source);
  const title = objectAt(o.title, `${source}: title`);
  const setup = listAt(o.setup, `${source}: setup`, true).map((d, i) => ({
    ...parseDocument(d, `${source}: setup[${i}]`),
    sender: enumAt(objectAt(d, 'setup').sender, `${source}: setup[${i}].sender`, ['organiser'] as const),
  }));
  const documents = listAt(o.documents, `${source}: documents`).map((d, i) =>
    parseDocument(d, `${source}: documents[${i}]`),
  );
  if (documents.length === 0) {
    throw new KantaSimError('BAD_REQUEST', `${source}: documents must list at least one document`);
  }
  const keys = new Set<string>();
  for (const d of [...setup, ...documents]) {
    if (keys.has(d.key)) {
      throw new KantaSimError('BAD_REQUEST', `${source}: document key "${d.key}" is used twice`);
    }
    keys.add(d.key);
  }
  for (const d of documents) {
    if (d.replaces !== undefined && !keys.has(d.replaces)) {
      throw new KantaSimError(
        'BAD_REQUEST',
        `${source}: ${d.key}.replaces names unknown key "${d.replaces}"`,
      );
    }
  }
  const description = optionalStringAt(o.description, `${source}: description`);
  return {
    name: stringAt(o.name, `${source}: name`),
    title: readTitle(title, source),
    ...(description === undefined ? {} : { description }),
    serviceTask: stringAt(o.serviceTask, `${source}: serviceTask`),
    role: enumAt(o.role, `${source}: role`, ['organiser', 'provider'] as const),
    oldData: booleanAt(o.oldData, `${source}: oldData`, false),
    setup,
    documents,
  };
}

function parseDocument(raw: unknown, where: string): ExpectedDocument {
  const d = objectAt(raw, where);
  const documentGroup = stringAt(d.documentGroup, `${where}.documentGroup`);
  const opt = (k: string): string | undefined => optionalStringAt(d[k], `${where}.${k}`);
  const date = d.date === undefined ? undefined : isoDateAt(d.date, `${where}.date`);
  const daysBeforeTest =
    d.daysBeforeTest === undefined ? 0 : positiveIntAt(d.daysBeforeTest, `${where}.daysBeforeTest`, 1);
  const fields = {
    documentType: opt('documentType'),
    serviceTask: opt('serviceTask'),
    processPhase: opt('processPhase'),
    case: opt('case'),
    replaces: opt('replaces'),
    date,
  };
  return {
    key: stringAt(d.key, `${where}.key`),
    template: enumAt(d.template, `${where}.template`, TEMPLATES),
    documentGroup,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    version: positiveIntAt(d.version, `${where}.version`, 1),
    invalidated: booleanAt(d.invalidated, `${where}.invalidated`, false),
    register:
      d.register === undefined
        ? 'own'
        : enumAt(d.register, `${where}.register`, ['own', 'organiser'] as const),
    serviceRequest: opt('serviceRequest') ?? (documentGroup === '1' ? 'SP1' : 'SP17'),
    daysBeforeTest,
  };
}

/** The shipped test cases: fixtures/test-cases beside the sources, or beside dist/ when built. */
export function defaultTestCaseDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.resolve(here, '../../fixtures/test-cases'),
    path.resolve(here, '../../../fixtures/test-cases'),
  ];
  return candidates.find((c) => existsSync(c)) ?? (candidates[0] as string);
}

/** Loads test cases by name from directories; a later directory's case replaces an earlier one's. */
export class TestCaseLibrary {
  constructor(private readonly dirs: readonly string[] = [defaultTestCaseDir()]) {}

  /** Every readable case, by name. Throws BAD_REQUEST naming a broken file. */
  list(): TestCase[] {
    const byName = new Map<string, TestCase>();
    for (const dir of this.dirs) {
      if (!existsSync(dir)) {
        continue;
      }
      for (const file of readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()) {
        const tc = readTestCaseFile(path.join(dir, file));
        byName.set(tc.name, tc);
      }
    }
    return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The case called `name`, or TEST_CASE_UNKNOWN listing the known ones. */
  get(name: string): TestCase {
    const cases = this.list();
    const found = cases.find((c) => c.name === name);
    if (!found) {
      throw new KantaSimError(
        'TEST_CASE_UNKNOWN',
        `no test case "${name}"; known: ${cases.map((c) => c.name).join(', ')}`,
      );
    }
    return found;
  }
}

/** Reads and checks one test-case file. */
export function readTestCaseFile(file: string): TestCase {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new KantaSimError('BAD_REQUEST', `cannot read test case ${file}: ${(cause as Error).message}`, {
      cause,
    });
  }
  return parseTestCase(raw, path.basename(file));
}
