import { describe, expect, it } from 'vitest';
import { readArchivedDocument } from '../../server/archivist/archived-document.js';
import { documentSummary, usageLines } from '../../server/archivist/view-models.js';

/** An index row as the store returns it (the store's own type, reached through the reader). */
type StoredDocument = Parameters<typeof readArchivedDocument>[0];

const stored = (metadataJson: string): StoredDocument => ({
  id: '1.2.246.10.1.1',
  setId: '1.2.246.10.1',
  versionNumber: 1,
  registerOid: '1.2.246.10.9',
  senderOid: '1.2.246.10.8',
  hetu: '010101-123N',
  serviceRequest: 'SP1',
  sha256: 'ab',
  messageId: 'm1',
  status: 'active',
  state: 'current',
  archivedAt: '2026-01-15T08:30:00.000Z',
  metadataJson,
});

describe('archivist view models', () => {
  it('names the client as "Family Given Given", and as nothing when the document carries no name', () => {
    const named = readArchivedDocument(
      stored(
        JSON.stringify({
          document: { client: { hetu: '010101-123N', family: 'Virtanen', given: ['Aino', 'Maria'] } },
        }),
      ),
    );
    expect(documentSummary(named)).toMatchObject({
      clientName: 'Virtanen Aino Maria',
      stored: { id: '1.2.246.10.1.1' },
    });
    expect(documentSummary(readArchivedDocument(stored('{}'))).clientName).toBe('');
  });

  it("splits each usage line's stated reason into its code and free text", () => {
    const base = {
      seq: 1,
      at: '2026-01-15T08:30:00.000Z',
      organisationOid: '1.2',
      archivistId: 'a1',
      archivistName: 'Anna',
      action: 'search' as const,
    };
    const [coded, free, none] = usageLines([
      { ...base, reason: 'client-request: pyyntö 42' },
      { ...base, reason: 'curiosity' },
      { ...base },
    ]);
    expect(coded?.reason).toEqual({ code: 'client-request', text: 'pyyntö 42' });
    expect(free?.reason).toEqual({ text: 'curiosity' });
    expect(none?.reason).toEqual({});
  });
});
