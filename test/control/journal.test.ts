import { describe, expect, it } from 'vitest';
import type { ExchangeRecord } from '../../server/app/kanta/kanta-app.js';
import { Journal, parseJournalFilter } from '../../server/control/journal.js';
import { RULES } from '../../server/rules/catalogue.js';
import { violation } from '../../server/rules/rule.js';

const record = (over: Partial<ExchangeRecord> = {}, typeCode: 'AA' | 'AE' = 'AA'): ExchangeRecord => ({
  outcome: {
    typeCode,
    violations: typeCode === 'AE' ? [violation(RULES.ARCHIVE_UNAVAILABLE, '/')] : [],
    warnings: [],
    style: 'bare',
    senderOid: '1.2.246.10.1.10.0',
    serviceRequest: 'SP17',
    httpStatus: 200,
  },
  startedAt: new Date(),
  durationMs: 5,
  correlationId: crypto.randomUUID(),
  ...over,
});

describe('Journal', () => {
  it('keeps only the newest `cap` entries', () => {
    const j = new Journal(3);
    for (let i = 0; i < 5; i++) {
      j.record(record());
    }
    expect(j.list().map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(j.list({ limit: 1 }).map((e) => e.seq)).toEqual([5]);
  });

  it('filters by result and rule, and takes the organisation from the TLS subject when the frame has none', () => {
    const j = new Journal();
    j.record(record({}, 'AE'));
    j.record({
      ...record(),
      outcome: { ...record().outcome, senderOid: undefined },
      tlsSubject: 'C=FI, O=Org, serialNumber=1.2.246.10.2.10.0',
    });
    expect(j.list({ result: 'AE' })).toHaveLength(1);
    expect(j.list({ rule: RULES.ARCHIVE_UNAVAILABLE.code })).toHaveLength(1);
    expect(j.list({ organisation: '1.2.246.10.2.10.0' })).toHaveLength(1);
    j.clear('1.2.246.10.2.10.0');
    expect(j.list()).toHaveLength(1);
  });

  it('records transport faults by their kind', () => {
    const j = new Journal();
    const e = j.record(record({ fault: { id: 'fault-1', kind: 'drop' } }));
    expect(e).toMatchObject({ result: 'DROPPED', httpStatus: 0 });
  });

  it('refuses unknown filters and bad values by name', () => {
    expect(() => parseJournalFilter({ colour: 'red' })).toThrow(/colour/);
    expect(() => parseJournalFilter({ since: 'yesterday' })).toThrow(/since/);
    expect(() => parseJournalFilter({ limit: '0' })).toThrow(/limit/);
    expect(parseJournalFilter({ limit: '5', result: 'AR' })).toEqual({ limit: 5, result: 'AR' });
  });
});
