import { describe, expect, it } from 'vitest';
import { isKantaSimError } from '../../server/errors.js';
import { DOCUMENT_TIME_ZONE, formatHl7Time, formatIsoDate } from '../../server/hl7/time.js';

describe('formatHl7Time', () => {
  // CDA documents: Helsinki local time with the offset of the season.
  it.each([
    { at: '2026-01-15T10:00:00Z', ts: '20260115120000+0200' },
    { at: '2026-07-17T10:06:52Z', ts: '20260717130652+0300' },
    { at: '2026-03-29T00:59:59Z', ts: '20260329025959+0200' },
    { at: '2026-03-29T01:00:00Z', ts: '20260329040000+0300' },
  ])('writes $at in the document zone as $ts', ({ at, ts }) => {
    expect(formatHl7Time(new Date(at), DOCUMENT_TIME_ZONE)).toBe(ts);
  });

  // Frames and acknowledgements: UTC with an explicit +0000, milliseconds dropped.
  it.each([
    { at: '2026-03-23T08:54:30.999Z', ts: '20260323085430+0000' },
    { at: '1970-01-01T00:00:00Z', ts: '19700101000000+0000' },
  ])('writes $at in UTC as $ts', ({ at, ts }) => {
    expect(formatHl7Time(new Date(at), 'UTC')).toBe(ts);
  });

  it('writes UTC from the Date itself exactly as the zone database writes Etc/UTC', () => {
    // Years 1900-2100 at odd instants, including leap days and the last second of a year.
    const instants = [Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(1999, 11, 31, 23, 59, 59)];
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2100, 0, 1); t += 86_400_000 * 97 + 3_601_234) {
      instants.push(t);
    }
    for (const t of instants) {
      expect(formatHl7Time(new Date(t), 'UTC')).toBe(formatHl7Time(new Date(t), 'Etc/UTC'));
    }
  });

  it('refuses an invalid date and an unknown zone', () => {
    const codeOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return isKantaSimError(e) ? e.code : 'other';
      }
      return undefined;
    };
    expect(codeOf(() => formatHl7Time(new Date(Number.NaN), 'UTC'))).toBe('BAD_REQUEST');
    expect(codeOf(() => formatHl7Time(new Date(0), 'Mars/Olympus'))).toBe('BAD_REQUEST');
  });
});

describe('formatIsoDate', () => {
  it('gives the Helsinki calendar date by default', () => {
    expect(formatIsoDate(new Date('2026-03-22T22:30:00Z'))).toBe('2026-03-23');
    expect(formatIsoDate(new Date('2026-03-22T22:30:00Z'), 'UTC')).toBe('2026-03-22');
  });
});
