/**
 * One code truth: every coded value that kanta-sim itself emits (the document builders and templates, the
 * committed fixtures, the rehearsal test cases and the messages generated from them, the seed templates and
 * the demo message) must exist in the shipped code list of its code system, with the list's display name.
 * A code missing from its list, or a display name that disagrees (child protection shown as "Päihdehuolto"),
 * fails here before a vendor sees it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSocialDocumentXml } from '../../server/cda/build-cda.js';
import {
  CODE_SYSTEMS,
  DOCUMENT_KINDS,
  SERVICE_TASKS,
  type ServiceTaskKey,
} from '../../server/cda/templates-codes.js';
import type { CaseDocumentInput } from '../../server/cda/templates-common.js';
import {
  assessment,
  clientNote,
  clientPlan,
  decision,
  initiation,
} from '../../server/cda/templates-documents.js';
import { loadCodeLists } from '../../server/codes/code-lists.js';
import { CODE_SYSTEMS as SYSTEMS } from '../../server/codes/code-systems.js';
import { SEED_TEMPLATES } from '../../server/control/seed.js';
import { generateTestCaseMessages } from '../../server/rehearsal/generate-messages.js';
import type { GeneratorParty } from '../../server/rehearsal/generator-input.js';
import { TestCaseLibrary } from '../../server/rehearsal/test-case.js';
import { demoMessage } from '../../server/samples/demo-message.js';
import {
  COMMITTED_FIXTURES_DATE,
  loadFixtureParties,
  type FixtureOrganisation,
} from '../../server/samples/fixture-parties.js';
import { buildFixtureSet } from '../../server/samples/fixture-set.js';
import { OrganisationDirectory } from '../../server/pki/organisation-directory.js';
import { ProfessionalDirectory } from '../../server/pki/professional-directory.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURE_PKI = path.join(ROOT, 'certs', 'fixture-pki');
const codes = loadCodeLists();
/** HL7 V3 trigger event ids in the transmission wrapper: HL7's vocabulary, not a Kanta code list. */
const HL7_TRIGGER_EVENT = '2.16.840.1.113883.1.18';

/**
 * Code systems that have no shipped list, on purpose: organisation and unit OIDs (the SOTE organisation
 * register is not a code list), HL7's own trigger events, municipalities, goal achievement and the placeholder reason of correction.
 * A new code system outside this list and without a list fails the test.
 */
const WITHOUT_LIST = new Set([
  SYSTEMS.ORGANISATION_REGISTER,
  HL7_TRIGGER_EVENT,
  CODE_SYSTEMS.municipality.oid,
  CODE_SYSTEMS.goalAchievement.oid,
  CODE_SYSTEMS.reasonOfCorrection.oid,
]);

interface Emitted {
  readonly source: string;
  readonly system: string;
  readonly code: string;
  readonly display?: string;
  /** The structured JSON writes some names in lower case (the real SP1 document's gender does). */
  readonly json: boolean;
}

const attrOf = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every coded value of a CDA or frame XML, of its base64 MIME part and of its structured JSON. */
function codesOfXml(xml: string, source: string): Emitted[] {
  const out: Emitted[] = [];
  for (const [tag] of xml.matchAll(/<[A-Za-z][^>]*\scode="[^"]*"[^>]*>/g)) {
    const system = attrOf(tag, 'codeSystem');
    const code = attrOf(tag, 'code');
    if (system !== undefined && code !== undefined) {
      const display = attrOf(tag, 'displayName');
      out.push({ source, system, code, json: false, ...(display ? { display: unescape(display) } : {}) });
    }
  }
  for (const [, b64] of xml.matchAll(/<hl7fi:json[^>]*>([^<]*)<\/hl7fi:json>/g)) {
    walkJson(JSON.parse(Buffer.from(b64 ?? '', 'base64').toString('utf8')), source, out);
  }
  // A framed message carries the CDA as a base64 MIME part.
  const mime =
    /Content-Transfer-Encoding: base64(?:&#13;)?\r?\n[^\n]*\n(?:&#13;)?\r?\n([A-Za-z0-9+/=\s&#;]+?)--/.exec(
      xml,
    );
  if (mime?.[1] !== undefined) {
    const cda = Buffer.from(mime[1].replace(/&#13;|\s/g, ''), 'base64').toString('utf8');
    out.push(...codesOfXml(cda, `${source} (CDA)`));
  }
  return out;
}

function walkJson(v: unknown, source: string, out: Emitted[]): void {
  if (Array.isArray(v)) {
    v.forEach((x) => walkJson(x, source, out));
    return;
  }
  if (typeof v !== 'object' || v === null) {
    return;
  }
  const o = v as Record<string, unknown>;
  if (typeof o.system === 'string' && o.system.startsWith('urn:oid:') && typeof o.code === 'string') {
    const display = typeof o.display === 'string' ? o.display : undefined;
    out.push({
      source,
      system: o.system.slice(8),
      code: o.code,
      json: true,
      ...(display ? { display } : {}),
    });
  }
  Object.values(o).forEach((x) => walkJson(x, source, out));
}

/** What is wrong with one emitted code, or undefined. */
function problem(e: Emitted): string | undefined {
  if (!codes.has(e.system)) {
    return WITHOUT_LIST.has(e.system) ? undefined : `${e.source}: code system ${e.system} has no list`;
  }
  const entry = codes.lookup(e.system, e.code);
  if (!entry) {
    return `${e.source}: ${e.system} code ${e.code} (${e.display ?? ''}) is not in its list`;
  }
  const same = e.json ? e.display?.toLowerCase() === entry.fi.toLowerCase() : e.display === entry.fi;
  return e.display === undefined || same
    ? undefined
    : `${e.source}: ${e.system} code ${e.code} is "${e.display}", the list says "${entry.fi}"`;
}

const parties = loadFixtureParties(FIXTURE_PKI);
const date = COMMITTED_FIXTURES_DATE;
const author = {
  regNo: parties.professional.regno,
  given: parties.professional.given,
  family: parties.professional.family,
};
function caseInput(task: ServiceTaskKey, n: number): CaseDocumentInput {
  const org = parties.organiser;
  return {
    id: `${org.oid.replace(/\.10\.0$/, '')}.95.2026.${n}`,
    caseId: `${org.oid.replace(/\.10\.0$/, '')}.96.2026.${n}`,
    client: { hetu: '120617A911B', given: ['Testi'], family: 'Koodinen', gender: '1' },
    organiser: { oid: org.oid, name: org.name },
    serviceUnit: org.units[0] ?? { oid: org.oid, name: org.name },
    author,
    date,
    serviceTask: task,
  };
}
const generatorParty = (o: FixtureOrganisation): GeneratorParty => ({
  oid: o.oid,
  name: o.name,
  units: o.units,
  signingKeyPem: o.signing.keyPem,
  signingCertPem: o.signing.certPem,
});

/** Every source of emitted codes, by name. */
function emittedSources(): Map<string, () => string[]> {
  const sources = new Map<string, () => string[]>();
  const templates = { initiation, assessment, clientPlan, decision, clientNote };
  sources.set('templates and seed templates', () =>
    (Object.keys(SERVICE_TASKS) as ServiceTaskKey[]).flatMap((task, t) =>
      Object.entries(templates).map(([, build], i) =>
        buildSocialDocumentXml(build(caseInput(task, t * 10 + i))),
      ),
    ),
  );
  sources.set('committed fixtures', () => {
    const set = buildFixtureSet(parties, { date });
    return [...set.contents].filter(([name]) => name.startsWith('valid_')).map(([, xml]) => xml);
  });
  sources.set('demo message', () => {
    const orgs = new OrganisationDirectory(FIXTURE_PKI);
    const pros = new ProfessionalDirectory(FIXTURE_PKI);
    const organiser = orgs.get(parties.organiser.oid);
    const professional = pros.get(parties.professional.regno);
    if (!organiser || !professional) {
      throw new Error('the fixture PKI lacks its organiser or professional');
    }
    return [demoMessage({ organiser, professional }, date)];
  });
  sources.set('rehearsal test cases', () =>
    new TestCaseLibrary().list().flatMap((testCase) => {
      const provider = testCase.role === 'provider' && parties.other !== undefined;
      return generateTestCaseMessages({
        testCase,
        organisation: generatorParty(provider && parties.other ? parties.other : parties.organiser),
        organiser: generatorParty(parties.organiser),
        identity: { hetu: '120617A911B', given: ['Testi'], family: 'Koodinen', gender: '1' },
        professional: {
          ...author,
          regno: parties.professional.regno,
          keyPem: parties.professional.key.keyPem,
          certPem: parties.professional.key.certPem,
        },
        at: date,
      }).map((m) => m.messageXml);
    }),
  );
  return sources;
}

describe('codes kanta-sim emits', () => {
  it('child protection is one code everywhere: 25 = Lastensuojelu in the templates and the list', () => {
    expect(codes.lookup(SYSTEMS.SERVICE_TASK, SERVICE_TASKS.lastensuojelu.code)?.fi).toBe(
      SERVICE_TASKS.lastensuojelu.displayName,
    );
    expect(SERVICE_TASKS.lastensuojelu.code).toBe('25');
  });

  it('the seed templates are the document templates walked below', () => {
    // client-relationship is the committed fixtures' SP1 template, walked with them
    expect(SEED_TEMPLATES).toEqual([
      'initiation',
      'assessment',
      'client-plan',
      'decision',
      'client-note',
      'client-relationship',
    ]);
    expect(Object.keys(DOCUMENT_KINDS)).toContain('clientNote');
  });

  it.each([...emittedSources()].map(([name, build]) => ({ name, build })))(
    '$name: every code is in its list with its display name',
    ({ build }) => {
      const emitted = build().flatMap((xml, i) => codesOfXml(xml, `#${i}`));
      expect(emitted.length).toBeGreaterThan(10);
      expect(emitted.map(problem).filter((p) => p !== undefined)).toEqual([]);
    },
  );

  it('the test cases name service tasks, document types, phases and groups of the lists', () => {
    const wrong: string[] = [];
    const check = (system: string, code: string | undefined, where: string): void => {
      if (code !== undefined && !codes.lookup(system, code)) {
        wrong.push(`${where}: ${code} not in ${system}`);
      }
    };
    for (const tc of new TestCaseLibrary().list()) {
      check(SYSTEMS.SERVICE_TASK, tc.serviceTask, tc.name);
      for (const d of [...tc.setup, ...tc.documents]) {
        check(SYSTEMS.SERVICE_TASK, d.serviceTask, `${tc.name}.${d.key}`);
        check(SYSTEMS.DOCUMENT_TYPE, d.documentType, `${tc.name}.${d.key}`);
        check(SYSTEMS.PROCESS_PHASE, d.processPhase, `${tc.name}.${d.key}`);
        check(SYSTEMS.DOCUMENT_GROUP, d.documentGroup, `${tc.name}.${d.key}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('finds a wrong display name and an unknown code (the walker is not blind)', () => {
    const xml = `<x><functionCode code="25" codeSystem="${SYSTEMS.SERVICE_TASK}" displayName="Päihdehuolto"/><y code="99" codeSystem="${SYSTEMS.SERVICE_TASK}" displayName="?"/></x>`;
    expect(codesOfXml(xml, 't').map(problem)).toEqual([
      expect.stringContaining('the list says "Lastensuojelu"'),
      expect.stringContaining('code 99 (?) is not in its list'),
    ]);
  });
});
