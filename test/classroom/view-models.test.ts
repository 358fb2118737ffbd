import { describe, expect, it } from 'vitest';
import {
  cardSheets,
  interfaceUrl,
  isConsoleNotice,
  labelIn,
  traineeActivity,
} from '../../server/classroom/view-models.js';
import type { UsageEntry } from '../../server/store/usage-log-store.js';

function entry(seq: number, action: UsageEntry['action']): UsageEntry {
  return {
    seq,
    at: `2026-12-05T10:0${seq}:00.000Z`,
    organisationOid: '1.2.246.10.1.1',
    archivistId: 'a1',
    archivistName: 'Tiina Koulutettava',
    action,
  };
}

describe("the trainer console's view models", () => {
  it("counts a trainee's usage-log entries and keeps the last three, newest first as listed", () => {
    const entries = [entry(4, 'invalidate'), entry(3, 'view'), entry(2, 'search'), entry(1, 'sign-in')];
    const activity = traineeActivity(entries);
    expect(activity.count).toBe(4);
    expect(activity.last.map((a) => a.action)).toEqual(['invalidate', 'view', 'search']);
    expect(activity.last[0]?.at).toBe('2026-12-05T10:04:00.000Z');
    expect(traineeActivity([])).toEqual({ count: 0, last: [] });
  });

  it("prints the configured public URL when there is one, else the trainer's own address", () => {
    expect(interfaceUrl({ protocol: 'http', host: '127.0.0.1:8080' })).toBe(
      'http://127.0.0.1:8080/archivist/login',
    );
    expect(interfaceUrl({ protocol: 'http', host: '127.0.0.1:8080' }, 'https://koulutus.example.fi/')).toBe(
      'https://koulutus.example.fi/archivist/login',
    );
    expect(interfaceUrl({ protocol: 'http', host: 'luokka:8080' }, '  ')).toBe(
      'http://luokka:8080/archivist/login',
    );
  });

  it('puts eight cards on a sheet, in order', () => {
    const sheets = cardSheets(Array.from({ length: 20 }, (_, i) => i));
    expect(sheets.map((s) => s.length)).toEqual([8, 8, 4]);
    expect(sheets[2]).toEqual([16, 17, 18, 19]);
    expect(cardSheets([])).toEqual([]);
  });

  it('names a label in the language, Finnish when the language has none', () => {
    expect(labelIn({ fi: 'Lastensuojelu', sv: 'Barnskydd' }, 'sv')).toBe('Barnskydd');
    expect(labelIn({ fi: 'Lastensuojelu' }, 'en')).toBe('Lastensuojelu');
  });

  it('accepts only the notices the console words', () => {
    expect(isConsoleNotice('archived')).toBe(true);
    expect(isConsoleNotice('<script>')).toBe(false);
    expect(isConsoleNotice(undefined)).toBe(false);
  });
});
