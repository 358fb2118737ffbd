import { describe, expect, it } from 'vitest';
import { coversDate, isoDateOfHl7, rightsFromRelationshipJson } from '../../server/archive/access-rights.js';
import { KANTA_SAMPLES, SAMPLE, sampleText } from '../support/kanta-samples.js';

const source = { registerOid: '1.2.246.10.32213561.10.0', hetu: '200111A904P', relationshipDocumentId: 'x' };

describe('register access rights from the client-relationship document', () => {
  it.skipIf(!KANTA_SAMPLES.available)(
    'reads the provider of the real SP1 sample (its hl7fi:json, Base64)',
    () => {
      const b64 = /<(?:\w+:)?json[^>]*>([^<]+)</.exec(sampleText(SAMPLE.relationshipSigned))?.[1] ?? '';
      const json: unknown = JSON.parse(Buffer.from(b64, 'base64').toString('utf8'));
      expect(rightsFromRelationshipJson(json, source)).toEqual([
        {
          ...source,
          palvelutehtava: '24',
          unitOid: '1.2.246.10.1246109.10.2001213',
          unitName: 'Lapsiperheiden palvelutarpeen arviointi, Vantaan ja Keravan hyvinvointialue',
          start: '2026-07-17',
        },
      ]);
    },
  );

  it('grants nothing for entries without a unit or a valid start date', () => {
    const json = {
      asiakkuusasiakirja: {
        sosiaalihuollon_palvelutehtava: [
          {
            palveluntuottaja: [
              { palveluyksikon_nimi: { code: '1.2.3' } },
              { palveluyksikon_nimi: { code: '1.2.4' }, asiakkuuden_alkamispvm: '17.7.2026' },
              { asiakkuuden_alkamispvm: '2026-07-17' },
            ],
          },
        ],
      },
    };
    expect(rightsFromRelationshipJson(json, source)).toEqual([]);
    expect(rightsFromRelationshipJson('not json', source)).toEqual([]);
  });

  it.each([
    { date: '2026-07-16', covered: false },
    { date: '2026-07-17', covered: true },
    { date: '2026-08-31', covered: true },
    { date: '2026-09-01', covered: false },
  ])('a right 2026-07-17..2026-08-31 covers $date: $covered', ({ date, covered }) => {
    const right = { ...source, unitOid: '1.2.3', start: '2026-07-17', end: '2026-08-31' };
    expect(coversDate(right, date)).toBe(covered);
    expect(isoDateOfHl7(`${date.replace(/-/g, '')}120000+0300`)).toBe(date);
  });
});
