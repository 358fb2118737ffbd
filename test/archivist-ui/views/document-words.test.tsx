/**
 * The document page and the results speak words, not data: titles, field labels, dates, diffs, case
 * titles, the provider badge and the register access rights, in Swedish and in Finnish.
 */
import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../../archivist-ui/render.js';
import { messages, type Lang } from '../../../archivist-ui/i18n/index.js';
import type { PageContext } from '../../../archivist-ui/views/context.js';
import { DocumentPage } from '../../../archivist-ui/views/document.js';
import { Results } from '../../../archivist-ui/views/results.js';
import { groupResults } from '../../../server/archivist/group-results.js';
import { metadataValues } from '../../../server/archivist/metadata-fields.js';
import type { RegisterContext } from '../../../server/archivist/register-context.js';
import { diffVersions } from '../../../server/archivist/version-diff.js';
import { documentPageModel } from '../../../server/archivist/view-models.js';
import { loadCodeLists } from '../../../server/codes/code-lists.js';
import { CODE_SYSTEMS } from '../../../server/codes/code-systems.js';
import {
  archivedFromSpec,
  ORGANISER,
  planSpec,
  PROVIDER,
  PROVIDER_UNIT,
  relationshipSpec,
} from '../../archivist/support-documents.js';

const codes = loadCodeLists();
const organisations = {
  get: (oid: string) =>
    oid === ORGANISER.oid
      ? { name: ORGANISER.name }
      : oid === PROVIDER.oid
        ? { name: PROVIDER.name }
        : undefined,
};

function ctx(lang: Lang): PageContext {
  return { t: messages(lang), lang, contrast: false, path: '/archivist/documents/x' };
}

const v1 = archivedFromSpec(
  planSpec(
    '1.2.246.10.12345678.95.2026.2',
    new Date('2026-12-01T08:00:00Z'),
    'Kahden viikon välein.',
    PROVIDER_UNIT,
  ),
  { senderOid: PROVIDER.oid, state: 'replaced' },
);
const v2 = archivedFromSpec(
  {
    ...planSpec(
      '1.2.246.10.12345678.95.2026.3',
      new Date('2026-12-03T18:30:00Z'),
      'Viikoittain.',
      PROVIDER_UNIT,
    ),
    setId: v1.stored.id,
    versionNumber: 2,
  },
  { senderOid: PROVIDER.oid },
);
const register: RegisterContext = {
  registerOid: ORGANISER.oid,
  registerName: ORGANISER.name,
  provider: { oid: PROVIDER.oid, name: PROVIDER.name },
  relationshipFound: true,
  rights: [
    {
      unitOid: PROVIDER_UNIT.oid,
      unitName: PROVIDER_UNIT.name,
      serviceTaskCode: '24',
      serviceTask: { fi: 'Lapsiperheiden palvelut', en: 'Services for families with children' },
      start: '2026-11-01',
      coversThisDocument: true,
    },
  ],
};

function documentPage(lang: Lang): string {
  const view = documentPageModel(
    {
      document: v2,
      metadata: metadataValues(v2, codes),
      versions: [
        { document: v1, changes: [] },
        { document: v2, changes: diffVersions(v1, v2, codes) },
      ],
      accessLog: [],
      purpose: { code: 'deployment-test' },
      register,
    },
    codes,
  );
  return renderPage(h(DocumentPage, { ctx: ctx(lang), view, typeName: 'Asiakassuunnitelma' }));
}

/** Text between tags, whitespace collapsed, so assertions read what a person reads. */
const visibleText = (html: string): string =>
  html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the document page in words', () => {
  it.each([
    {
      lang: 'sv' as const,
      words: [
        'Personbeteckning',
        'Översyn av planen',
        'Datum',
        'Serviceproducent',
        'Registeranvändningsrätter',
      ],
      prefix: 'Strukturerat innehåll › Datum',
      rightsFrom: 'från 1.11.2026',
    },
    {
      lang: 'fi' as const,
      words: [
        'Henkilötunnus',
        'Suunnitelman tarkistaminen',
        'Päivämäärä',
        'Palveluntuottaja',
        'Rekisterin käyttöoikeudet',
      ],
      prefix: 'Rakenteinen sisältö › Päivämäärä',
      rightsFrom: 'alkaen 1.11.2026',
    },
  ])('$lang: labels, formatted dates, value diffs, provider badge and register rights', (c) => {
    const text = visibleText(documentPage(c.lang));
    for (const word of c.words) {
      expect(text).toContain(word);
    }
    // the diff: a label path and formatted values, not a dotted path or an HL7 time stamp
    expect(text).toContain(c.prefix);
    expect(text).toContain('3.12.2026');
    expect(text).not.toContain('20261203203000+0200');
    expect(text).not.toMatch(/content:|suunnitelma\.|\[0\]/);
    // raw JSON keys and system OIDs are not labels
    expect(text).not.toMatch(/Henkilotunnus|Paivamaara|\bSystem\b|\bValue\b|urn:oid/);
    expect(text).toContain(c.rightsFrom);
    expect(text).toContain(PROVIDER.name);
  });
});

describe('the results in words', () => {
  const rel = archivedFromSpec(relationshipSpec());
  const result = { groups: groupResults([rel, v2], codes, organisations), count: 2, truncated: false };
  const names = {
    phase: () => undefined,
    task: () => undefined,
    documentType: () => undefined,
    register: (oid: string) => organisations.get(oid)?.name,
  };

  const group = codes.lookup(CODE_SYSTEMS.DOCUMENT_GROUP, '1');
  it.each([
    {
      lang: 'fi' as const,
      title: group?.fi,
      caseTitle: 'alkaen 3.12.2026',
      badge: 'Palveluntuottaja',
    },
    {
      lang: 'sv' as const,
      title: group?.sv ?? group?.fi,
      caseTitle: 'från 3.12.2026',
      badge: 'Serviceproducent',
    },
  ])('$lang: a client-relationship document by its name, a case by its title, the provider marked', (c) => {
    const html = renderPage(h(Results, { ctx: ctx(c.lang), result, names }));
    expect(c.title).toBeTruthy();
    const links = [...html.matchAll(/class="doc-link"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(links).toContain(c.title);
    expect(links.join(' ')).not.toMatch(/\d+\.\d+\.\d+\.\d+/);
    const text = visibleText(html);
    expect(text).toContain(c.caseTitle);
    expect(text).toContain(c.badge);
    expect(text).toContain('1.2.246.10.12345678.96.2026.1'); // the case OID stays, as secondary data
  });
});
