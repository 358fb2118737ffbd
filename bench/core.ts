/**
 * `npx tsx bench/core.ts`: the verification core alone, on one thread, against xmlsec1 on the same
 * documents. For single- and two-signature documents: the CPU milliseconds per document of reading a
 * message as the archive does (frame, MIME package, CDA, rules, signatures, signed content; no TLS, HTTP or
 * store), the rate that gives one core, and xmlsec1's rate (also one process on one core) on those CDAs.
 * CPU time, not wall time, so that the figures move less with the neighbours of a shared machine.
 * BENCH_CORE_DOCS (default 300) documents of each kind, BENCH_CORE_MS (default 3000) per measurement.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDocument } from '../server/archive/read-document.js';
import { loadCodeLists } from '../server/codes/code-lists.js';
import { loadOperationTable } from '../server/codes/operations.js';
import { TrustStore } from '../server/pki/trust-store.js';
import { readInboundRequest } from '../server/wire/read-inbound-request.js';
import { DEFAULT_XML_LIMITS } from '../server/xml/limits.js';
import { buildMessages, type SignatureCount } from './build-documents.js';
import { prepareDataDir } from './cli-server.js';
import { measureXmlsec1 } from './reference-limit.js';

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_CORE_DOCS ?? 300);
  const durationMs = Number(process.env.BENCH_CORE_MS ?? 3000);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'kanta-sim-core-'));
  try {
    const { caBundlePem, org, parties } = await prepareDataDir(path.join(tmp, 'data'));
    const setup = {
      codes: loadCodeLists(),
      trust: TrustStore.fromPems([caBundlePem]),
      trustMode: 'strict' as const,
      testIdentityGuardrail: true,
      limits: DEFAULT_XML_LIMITS,
    };
    const options = { limits: DEFAULT_XML_LIMITS, operations: loadOperationTable(), senderOids: [org.oid] };
    const tag = String(Date.now() % 1_000_000_000);
    const lines: string[] = [];
    for (const signatures of [1, 2] as SignatureCount[]) {
      const built = await buildMessages(parties, `${tag}${signatures}`, count, signatures);
      const now = new Date();
      const readOne = (messageXml: string): void => {
        const request = readInboundRequest(messageXml, options);
        const reading = request.ok ? readDocument(request.request, { ...setup, now }) : undefined;
        if (!reading?.ok) {
          throw new Error(`bench/core: a built document was refused: ${JSON.stringify(reading)}`);
        }
      };
      built.forEach((m) => readOne(m.messageXml));
      let documents = 0;
      const cpu = process.cpuUsage();
      const started = performance.now();
      while (performance.now() - started < durationMs) {
        built.forEach((m) => readOne(m.messageXml));
        documents += built.length;
      }
      const used = process.cpuUsage(cpu);
      const msPerDocument = (used.user + used.system) / 1000 / documents;
      const xmlsec = measureXmlsec1(
        built.map((m) => m.cdaXml),
        caBundlePem,
        path.join(tmp, `xmlsec-${signatures}`),
      );
      lines.push(
        `${signatures === 1 ? 'single' : 'two   '}-signature: ${msPerDocument.toFixed(3)} ms CPU per document -> ${Math.round(1000 / msPerDocument)} documents/s on one core; xmlsec1 ${xmlsec.documentsPerSecond} documents/s (${xmlsec.verified}/${xmlsec.documents} verified); core ratio ${(1000 / msPerDocument / xmlsec.documentsPerSecond).toFixed(2)}`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench/core: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
