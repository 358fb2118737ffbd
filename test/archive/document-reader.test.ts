/**
 * Reading in a worker thread gives exactly the reading of this thread: for every committed fixture (valid
 * and invalid, signed with certs/fixture-pki), the worker's answer equals readDocument's, down to the
 * catalogue's own rule objects and the CDA bytes as a Buffer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentReader, type DocumentReader } from '../../server/archive/document-reader.js';
import { readDocument } from '../../server/archive/read-document.js';
import { loadCodeLists } from '../../server/codes/code-lists.js';
import { loadOperationTable } from '../../server/codes/operations.js';
import { TrustStore } from '../../server/pki/trust-store.js';
import { RULES } from '../../server/rules/catalogue.js';
import { readInboundRequest } from '../../server/wire/read-inbound-request.js';
import { DEFAULT_XML_LIMITS } from '../../server/xml/limits.js';
import { readManifest } from '../fixtures/replay.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DOCUMENTS = path.join(ROOT, 'fixtures', 'documents');
const manifest = readManifest(DOCUMENTS);
const CATALOGUE = new Set(Object.values(RULES));

describe('the document reader', () => {
  const setup = {
    codes: loadCodeLists(),
    trust: TrustStore.fromPems([
      readFileSync(path.join(ROOT, 'certs', 'fixture-pki', 'pki', 'ca-bundle.pem'), 'utf8'),
    ]),
    trustMode: 'strict' as const,
    testIdentityGuardrail: true,
    limits: DEFAULT_XML_LIMITS,
  };
  const operations = loadOperationTable();
  const now = new Date('2026-03-01T12:00:00Z');
  let reader: DocumentReader;
  beforeAll(async () => {
    reader = createDocumentReader(setup, 2);
    expect(await reader.start()).toBe(2);
  });
  afterAll(async () => {
    await reader.close();
  });

  it('answers every fixture in a worker exactly as on this thread', async () => {
    let compared = 0;
    let refused = 0;
    for (const entry of manifest.files) {
      const text = readFileSync(path.join(DOCUMENTS, entry.file), 'utf8');
      const reading = readInboundRequest(text, {
        limits: setup.limits,
        operations,
        senderOids: [manifest.organisation.oid],
      });
      if (!reading.ok || !reading.request.operation.carriesDocument) {
        continue;
      }
      const here = readDocument(reading.request, { ...setup, now });
      const there = await reader.read(reading.request, now);
      expect(there, entry.file).toEqual(here);
      if (there.ok) {
        expect(Buffer.isBuffer(there.cdaBytes)).toBe(true);
        expect(there.warnings.every((w) => CATALOGUE.has(w.rule))).toBe(true);
      } else {
        refused++;
        expect(
          there.violations.every((v) => CATALOGUE.has(v.rule)),
          entry.file,
        ).toBe(true);
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(5);
  });

  it('reads many documents at once across the workers', async () => {
    const entry = manifest.files.find((f) => f.expected.typeCode === 'AA' && f.file.startsWith('valid_'));
    const text = readFileSync(path.join(DOCUMENTS, entry?.file ?? ''), 'utf8');
    const reading = readInboundRequest(text, {
      limits: setup.limits,
      operations,
      senderOids: [manifest.organisation.oid],
    });
    if (!reading.ok) {
      throw new Error('the valid fixture does not read');
    }
    const all = await Promise.all(Array.from({ length: 12 }, () => reader.read(reading.request, now)));
    expect(all.every((r) => r.ok)).toBe(true);
  });
});
