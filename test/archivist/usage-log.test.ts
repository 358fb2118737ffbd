/** The usage log's CSV export and the Helsinki days of its filters. */
import { describe, expect, it } from 'vitest';
import {
  helsinkiDayStart,
  nextDay,
  usageLogCsv,
  type UsageCsvLabels,
} from '../../server/archivist/usage-log.js';

const LABELS: UsageCsvLabels = {
  columns: {
    seq: 'Nro',
    at: 'Aika',
    archivistName: 'Arkistonhoitaja',
    archivistId: 'Tunniste',
    action: 'Tapahtuma',
    hetu: 'Henkilötunnus',
    documentId: 'Asiakirja',
    registerOid: 'Rekisteri',
    reason: 'Käyttötarkoitus',
    detail: 'Lisätieto',
  },
  action: (a) => (a === 'view' ? 'Katselu' : a === 'search' ? 'Haku' : a),
  reason: (r) => (r === 'client-request' ? 'Asiakkaan tietopyyntö' : r),
};

describe('the usage-log CSV', () => {
  const base = {
    at: '2026-01-01T00:00:00Z',
    organisationOid: '1.2',
    archivistId: 'a',
    archivistName: 'A; B',
  };

  it('is oldest first, ;-separated, with the reader’s headers, actions and purposes', () => {
    const csv = usageLogCsv(
      [
        { ...base, seq: 2, action: 'view', hetu: '010181-900C', reason: 'client-request: pyyntö 42' },
        { ...base, seq: 1, action: 'search' },
      ],
      LABELS,
    );
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Nro;Aika;Arkistonhoitaja;Tunniste;Tapahtuma;Henkilötunnus;Asiakirja;Rekisteri;Käyttötarkoitus;Lisätieto',
    );
    expect(lines[1]).toMatch(/^1;.*;Haku;/);
    expect(lines[2]).toBe(
      '2;2026-01-01T00:00:00Z;"A; B";a;Katselu;010181-900C;;;Asiakkaan tietopyyntö: pyyntö 42;',
    );
  });

  it('quotes and defuses what a spreadsheet would run as a formula', () => {
    const csv = usageLogCsv([{ ...base, seq: 1, action: 'view', detail: '=HYPERLINK("x")' }], LABELS);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('Helsinki days', () => {
  it.each([
    ['2026-01-15', '2026-01-14T22:00:00.000Z'],
    ['2026-07-01', '2026-06-30T21:00:00.000Z'],
    // The spring and autumn changes happen at night, not at midnight.
    ['2026-03-29', '2026-03-28T22:00:00.000Z'],
    ['2026-10-25', '2026-10-24T21:00:00.000Z'],
  ])('%s begins at %s', (day, instant) => {
    expect(helsinkiDayStart(day)).toBe(instant);
  });

  it.each(['2026-02-30', '2026-13-01', '15.1.2026', '2026-1-5', ''])('"%s" is not a day', (day) => {
    expect(helsinkiDayStart(day)).toBeUndefined();
  });

  it('counts to the next day across months and years', () => {
    expect(nextDay('2026-01-31')).toBe('2026-02-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});
