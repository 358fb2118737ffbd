/** A minimal NewDocument for store tests: the bytes name the id, and sha256 is the id unless given. */
import type { NewDocument } from '../../server/store/archive-store.js';

export function newDocument(id: string, setId: string, versionNumber: number, sha256 = id): NewDocument {
  return {
    id,
    setId,
    versionNumber,
    registerOid: '1.2.246.10.1.10.0',
    senderOid: '1.2.246.10.1.10.0',
    hetu: '010181-900C',
    serviceRequest: 'SP17',
    cdaBytes: Buffer.from(`<cda id="${id}"/>`),
    messageId: `m:${id}`,
    sha256,
    metadataJson: '{}',
    archivedAt: '2026-01-01T00:00:00.000Z',
    effectiveTime: `2026010${versionNumber}120000+0200`,
  };
}
