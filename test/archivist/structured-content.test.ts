import { describe, expect, it } from 'vitest';
import { humaniseKey, labellerFor } from '../../server/archivist/content-fields.js';
import {
  contentLeaves,
  structuredContent,
  type ContentField,
  type ContentValue,
} from '../../server/archivist/structured-content.js';
import { loadCodeLists } from '../../server/codes/code-lists.js';
import { archivedFromSpec, planSpec, relationshipSpec } from './support-documents.js';

const codes = loadCodeLists();

/** The field under `key` of a group value (test helper: fails loudly when the shape is not a group). */
function field(value: ContentValue | undefined, key: string): ContentField {
  if (value?.kind !== 'group') {
    throw new Error(`expected a group, got ${value?.kind}`);
  }
  const f = value.fields.find((x) => x.key === key);
  if (!f) {
    throw new Error(`no field ${key} in ${value.fields.map((x) => x.key).join(', ')}`);
  }
  return f;
}

describe('the field dictionary', () => {
  it('splits unknown keys into words and restores no diacritics it cannot know', () => {
    expect(humaniseKey('kuvaus_asiakkaan_tilanteesta')).toBe('Kuvaus asiakkaan tilanteesta');
    expect(humaniseKey('startDate')).toBe('Start date');
    expect(humaniseKey('paivamaara')).toBe('Paivamaara');
  });

  it('labels by document type first, then the common labels, in three languages', () => {
    const label = labellerFor(['15007', '15', 'group:5']);
    expect(label('suunnitelman_tarkistaminen').names).toMatchObject({
      fi: 'Suunnitelman tarkistaminen',
      sv: 'Översyn av planen',
    });
    expect(label('henkilotunnus').names?.sv).toBe('Personbeteckning');
    expect(label('tuntematon_kentta')).toEqual({ humanised: 'Tuntematon kentta' });
  });
});

describe('structured content as words', () => {
  const rel = structuredContent(archivedFromSpec(relationshipSpec()), codes);

  it('shows the root content directly: the root key is the type name the page already shows', () => {
    expect(rel?.kind).toBe('group');
    expect(field(rel, 'asiakas').label.names?.fi).toBe('Asiakas');
  });

  it('shows the hetu as data under its label, not as a System/Value pair', () => {
    const hetu = field(field(rel, 'asiakas').value, 'henkilotunnus');
    expect(hetu.label.names).toMatchObject({ fi: 'Henkilötunnus', sv: 'Personbeteckning' });
    expect(hetu.value).toEqual({
      kind: 'identifier',
      value: '010181-900C',
      hetu: true,
      system: { names: expect.objectContaining({ fi: 'Henkilötunnus' }) },
    });
  });

  it('names identifier and code systems, never by their OID', () => {
    const id = field(rel, 'asiakkuuden_yksilointitunnus').value;
    expect(id).toMatchObject({ kind: 'identifier', hetu: false });
    expect(JSON.stringify(id)).not.toContain('urn:oid');
    const gender = field(field(rel, 'asiakas').value, 'sukupuoli').value;
    expect(gender).toMatchObject({ kind: 'code', code: '2', names: { fi: 'Nainen' } });
    expect(gender.kind === 'code' && gender.system?.names?.fi).toBeTruthy();
  });

  it('marks ISO dates as dates for the page to format', () => {
    const since = field(field(rel, 'sosiaalihuollon_asiakkuus').value, 'asiakkuuden_alkamispvm');
    expect(since.label.names?.fi).toBe('Asiakkuuden alkamispäivä');
    expect(since.value).toEqual({ kind: 'date', date: '2026-11-01' });
  });

  it('gives each leaf its path of labels, list positions counted from 1 when a list has several', () => {
    const plan = structuredContent(
      archivedFromSpec(planSpec('1.2.246.10.12345678.95.2026.2', new Date('2026-12-03T18:30:00Z'))),
      codes,
    );
    const leaves = contentLeaves(plan);
    const review = leaves.get('suunnitelma.suunnitelman_tarkistaminen.paivamaara');
    expect(review?.labels.map((l) => (typeof l === 'number' ? l : l.names?.fi))).toEqual([
      'Suunnitelma',
      'Suunnitelman tarkistaminen',
      'Päivämäärä',
    ]);
    expect(review?.value.kind).toBe('date');
    const surname = leaves.get('asiakas[0].sukunimi');
    expect(surname?.labels.map((l) => (typeof l === 'number' ? l : l.names?.en))).toEqual([
      'Client',
      'Surname',
    ]);
  });
});
