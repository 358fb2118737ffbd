/**
 * The one-parse core (read-document.ts reads the signed content from the body element of its one parse of
 * the CDA) against the reading before it (test/support/two-parse-reading.ts: the canonical body bytes
 * parsed again). For every committed fixture and for twins of every valid one that change the CDA in the
 * ways Exclusive C14N treats specially, both give the same verdict, violations, metadata and content.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument, type DocumentSource } from '../../server/archive/read-document.js';
import { loadCodeLists } from '../../server/codes/code-lists.js';
import { loadOperationTable } from '../../server/codes/operations.js';
import { TrustStore } from '../../server/pki/trust-store.js';
import { readInboundRequest } from '../../server/wire/read-inbound-request.js';
import { DEFAULT_XML_LIMITS } from '../../server/xml/limits.js';
import { readManifest } from '../fixtures/replay.js';
import { readDocumentTwoParses } from '../support/two-parse-reading.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DOCUMENTS = path.join(ROOT, 'fixtures', 'documents');
const manifest = readManifest(DOCUMENTS);

const ctx = {
  codes: loadCodeLists(),
  trust: TrustStore.fromPems([
    readFileSync(path.join(ROOT, 'certs', 'fixture-pki', 'pki', 'ca-bundle.pem'), 'utf8'),
  ]),
  trustMode: 'strict' as const,
  testIdentityGuardrail: true,
  limits: DEFAULT_XML_LIMITS,
  now: new Date('2026-03-01T12:00:00Z'),
};

/** Every fixture that carries a document, read up to its document package. */
function fixtureSources(): { file: string; source: DocumentSource }[] {
  const operations = loadOperationTable();
  return manifest.files.flatMap((entry) => {
    const text = readFileSync(path.join(DOCUMENTS, entry.file), 'utf8');
    const reading = readInboundRequest(text, {
      limits: ctx.limits,
      operations,
      senderOids: [manifest.organisation.oid],
    });
    return reading.ok && reading.request.operation.carriesDocument
      ? [{ file: entry.file, source: reading.request }]
      : [];
  });
}

/** Changes of a signed CDA's text; the first changes signed content, the others only its serialisation. */
const TWINS: readonly { name: string; change: (cda: string) => string }[] = [
  {
    name: 'a character of the signed display form changed',
    change: (cda) =>
      cda.replace(
        /(<text[^>]*representation="B64"[^>]*>\s*)(.)/,
        (_m, open: string, c: string) => `${open}${c === 'A' ? 'B' : 'A'}`,
      ),
  },
  {
    name: 'a comment in the signed body',
    change: (cda) => cda.replace(/(<nonXMLBody[^>]*>)/, '$1<!-- note -->'),
  },
  {
    name: 'the structured form as a CDATA section',
    change: (cda) => cda.replace(/(<(?:\w+:)?json[^>]*>)([^<]+)(<\/)/, '$1<![CDATA[$2]]>$3'),
  },
  {
    name: 'a character reference in the display form',
    change: (cda) =>
      cda.replace(
        /(<text[^>]*representation="B64"[^>]*>\s*)([A-Za-z])/,
        (_m, open: string, c: string) => `${open}&#${c.charCodeAt(0)};`,
      ),
  },
  {
    name: 'a namespace declared in the unsigned header',
    change: (cda) => cda.replace(/<typeId /, '<typeId xmlns:muu="urn:example:muu" '),
  },
];

describe('the one-parse reading', () => {
  const sources = fixtureSources();

  it('reads every committed fixture as the two-parse reading does', () => {
    let accepted = 0;
    for (const { file, source } of sources) {
      const one = readDocument(source, ctx);
      expect(one, file).toEqual(readDocumentTwoParses(source, ctx));
      accepted += one.ok ? 1 : 0;
    }
    expect(sources.length).toBeGreaterThan(20);
    expect(accepted).toBeGreaterThan(10);
  });

  it('reads twins of every valid fixture as the two-parse reading does', () => {
    const verdicts = new Map<string, Set<boolean>>();
    for (const { file, source } of sources) {
      const part = source.document;
      if (!file.startsWith('valid_') || !part?.ok) {
        continue;
      }
      for (const twin of TWINS) {
        const cda = part.cdaBytes.toString('utf8');
        const changed = twin.change(cda);
        expect(changed, `${file}: ${twin.name}`).not.toBe(cda);
        const twinSource = { ...source, document: { ...part, cdaBytes: Buffer.from(changed, 'utf8') } };
        const one = readDocument(twinSource, ctx);
        expect(one, `${file}: ${twin.name}`).toEqual(readDocumentTwoParses(twinSource, ctx));
        verdicts.set(twin.name, (verdicts.get(twin.name) ?? new Set()).add(one.ok));
      }
    }
    // The changed content is refused; what Canonical XML ignores still verifies.
    expect([...(verdicts.get(TWINS[0]?.name ?? '') ?? [])]).toEqual([false]);
    for (const twin of TWINS.slice(1)) {
      expect(verdicts.get(twin.name)?.has(true), twin.name).toBe(true);
    }
  });
});
