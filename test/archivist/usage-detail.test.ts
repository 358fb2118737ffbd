/** The usage log's detail line: written as data, read back for the pages, old English lines included. */
import { describe, expect, it } from 'vitest';
import { compareDetail, readUsageDetail, rehearsalDetail } from '../../server/archivist/usage-detail.js';

describe('usage-log detail', () => {
  it.each([
    {
      action: 'compare' as const,
      text: compareDetail(19, 20),
      read: { kind: 'compare', matching: 19, fields: 20 },
    },
    { action: 'compare' as const, text: '19/20 match', read: { kind: 'compare', matching: 19, fields: 20 } },
    {
      action: 'deployment-test' as const,
      text: rehearsalDetail('viewed', { caseName: 'lastensuojelu', id: 'r-1' }),
      read: { kind: 'rehearsal', step: 'viewed', caseName: 'lastensuojelu', rehearsalId: 'r-1' },
    },
    {
      action: 'deployment-test' as const,
      text: rehearsalDetail('report', { caseName: 'lastensuojelu', id: 'r-1' }, { report: 'pdf' }),
      read: {
        kind: 'rehearsal',
        step: 'report',
        caseName: 'lastensuojelu',
        rehearsalId: 'r-1',
        report: 'pdf',
      },
    },
    {
      action: 'deployment-test' as const,
      text: rehearsalDetail('finished', { caseName: 'lastensuojelu', id: 'r-1' }, { outcome: 'failed' }),
      read: {
        kind: 'rehearsal',
        step: 'finished',
        caseName: 'lastensuojelu',
        rehearsalId: 'r-1',
        outcome: 'failed',
      },
    },
    {
      action: 'deployment-test' as const,
      text: rehearsalDetail('cancelled', { caseName: 'lastensuojelu', id: 'r-1' }),
      read: { kind: 'rehearsal', step: 'cancelled', caseName: 'lastensuojelu', rehearsalId: 'r-1' },
    },
    {
      action: 'deployment-test' as const,
      text: 'started lastensuojelu (r-2)',
      read: { kind: 'rehearsal', step: 'started', caseName: 'lastensuojelu', rehearsalId: 'r-2' },
    },
    {
      action: 'deployment-test' as const,
      text: 'report eml of lastensuojelu (r-2)',
      read: {
        kind: 'rehearsal',
        step: 'report',
        caseName: 'lastensuojelu',
        rehearsalId: 'r-2',
        report: 'eml',
      },
    },
    {
      action: 'search' as const,
      text: 'palvelutehtava=24; state=current',
      read: {
        kind: 'search',
        filters: [
          { key: 'palvelutehtava', value: '24' },
          { key: 'state', value: 'current' },
        ],
      },
    },
    {
      action: 'invalidate' as const,
      text: 'Väärä asiakas',
      read: { kind: 'invalidation', reason: 'Väärä asiakas' },
    },
    { action: 'search' as const, text: 'something else', read: { kind: 'text', text: 'something else' } },
  ])('reads $action "$text"', ({ action, text, read }) => {
    expect(readUsageDetail(action, text)).toEqual(read);
  });

  it('has no detail for an entry without one', () => {
    expect(readUsageDetail('view', undefined)).toBeUndefined();
    expect(readUsageDetail('search', '')).toBeUndefined();
  });
});
