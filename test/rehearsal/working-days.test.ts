import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  easterSunday,
  finnishHolidays,
  holidayOn,
  isoDate,
  reportDeadline,
  type CalendarDate,
} from '../../server/rehearsal/working-days.js';

const d = (iso: string): CalendarDate => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};
const names = (year: number): Record<string, string> =>
  Object.fromEntries(finnishHolidays(year).map((h) => [isoDate(h), h.en]));

describe('Finnish working days', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('computes Easter %i by the Gregorian computus', (year, expected) => {
    expect(isoDate(easterSunday(year))).toBe(expected);
  });

  it.each([
    [
      2024,
      {
        '2024-03-29': 'Good Friday',
        '2024-04-01': 'Easter Monday',
        '2024-05-09': 'Ascension Day',
        '2024-06-21': 'Midsummer Eve',
        '2024-06-22': 'Midsummer Day',
        '2024-11-02': "All Saints' Day",
      },
    ],
    [
      2025,
      {
        '2025-04-18': 'Good Friday',
        '2025-04-21': 'Easter Monday',
        '2025-05-29': 'Ascension Day',
        '2025-06-20': 'Midsummer Eve',
        '2025-06-21': 'Midsummer Day',
        '2025-11-01': "All Saints' Day",
      },
    ],
    [
      2026,
      {
        '2026-04-03': 'Good Friday',
        '2026-04-06': 'Easter Monday',
        '2026-05-14': 'Ascension Day',
        '2026-06-19': 'Midsummer Eve',
        '2026-06-20': 'Midsummer Day',
        '2026-10-31': "All Saints' Day",
      },
    ],
    [
      2027,
      {
        '2027-03-26': 'Good Friday',
        '2027-03-29': 'Easter Monday',
        '2027-05-06': 'Ascension Day',
        '2027-06-25': 'Midsummer Eve',
        '2027-06-26': 'Midsummer Day',
        '2027-11-06': "All Saints' Day",
      },
    ],
  ])('places the moving holidays of %i', (year, expected) => {
    expect(names(year)).toMatchObject(expected);
    expect(names(year)).toMatchObject({
      [`${year}-01-01`]: "New Year's Day",
      [`${year}-01-06`]: 'Epiphany',
      [`${year}-05-01`]: 'May Day',
      [`${year}-12-06`]: 'Independence Day',
      [`${year}-12-24`]: 'Christmas Eve',
      [`${year}-12-25`]: 'Christmas Day',
      [`${year}-12-26`]: 'Boxing Day',
    });
    expect(finnishHolidays(year)).toHaveLength(13);
  });

  it.each([
    ['an ordinary Tuesday', '2026-03-10', '2026-03-12'],
    ['a Thursday before an ordinary weekend', '2026-03-12', '2026-03-16'],
    ['a Friday', '2026-03-13', '2026-03-17'],
    ['a Thursday before Midsummer Eve (Friday holiday)', '2026-06-18', '2026-06-23'],
    ['the Thursday before Good Friday 2024 (Easter Monday too)', '2024-03-28', '2024-04-03'],
    ['the Thursday before Good Friday 2025', '2025-04-17', '2025-04-23'],
    ['the Wednesday before Ascension Day 2027', '2027-05-05', '2027-05-10'],
    ['Wednesday 23 December 2026', '2026-12-23', '2026-12-29'],
    ['Thursday 30 December 2027, into the next year', '2027-12-30', '2028-01-03'],
    ['Thursday 31 December 2026, over New Year', '2026-12-31', '2027-01-05'],
    ['Monday 5 January 2026, over Epiphany', '2026-01-05', '2026-01-08'],
    ['Thursday 30 April 2026, over May Day', '2026-04-30', '2026-05-05'],
  ])('gives the deadline two working days after %s', (_what, test, deadline) => {
    expect(isoDate(addWorkingDays(d(test), 2))).toBe(deadline);
  });

  it('reads the test day in Finnish time', () => {
    // 22:30 UTC on Thursday 18 June 2026 is already Friday (Midsummer Eve) in Helsinki.
    expect(isoDate(reportDeadline(new Date('2026-06-18T22:30:00Z')))).toBe('2026-06-23');
    expect(holidayOn(d('2026-06-19'))?.fi).toBe('Juhannusaatto');
  });
});
