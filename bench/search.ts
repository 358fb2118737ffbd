/**
 * Archivist search over a large archive: inserts documents in bulk through ArchiveStore (realistic index
 * fields and metadata JSON, spread over many register keepers and clients), then times listDocuments and
 * countDocuments the way the archivist interface asks.
 */
import { createHash } from 'node:crypto';
import type { ArchiveStore, DocumentFilter, NewDocument } from '../server/store/archive-store.js';
import { testHetu } from './hetu.js';

export interface SearchResult {
  readonly documents: number;
  readonly registers: number;
  readonly clients: number;
  readonly insertMs: number;
  readonly insertPerSecond: number;
  /** Query name -> median and p95 milliseconds over the repetitions, and rows returned. */
  readonly queries: Readonly<
    Record<string, { readonly medianMs: number; readonly p95Ms: number; readonly rows: number }>
  >;
}

const SERVICE_TASKS = ['24', '25', '26', '27', '28', '29'];
const DOCUMENT_TYPES = ['1', '2', '3', '4', '5', '6', '7', '8'];
const PHASES = ['1', '2', '3', '4'];

/** Inserts `count` documents (blobs are 1 KB stand-ins: search never reads document_bytes). */
export async function fillArchive(
  store: ArchiveStore,
  count: number,
  template: { metadataJson: string; serviceRequest: string },
): Promise<{ insertMs: number; registers: number; clients: number }> {
  const registers = Math.max(10, Math.round(count / 500));
  const clients = Math.max(100, Math.round(count / 5));
  const blob = Buffer.alloc(1024, 'x');
  const started = performance.now();
  const batch = 2000;
  for (let from = 0; from < count; from += batch) {
    const inserts: Promise<unknown>[] = [];
    for (let i = from; i < Math.min(count, from + batch); i++) {
      inserts.push(store.insertDocument(syntheticDocument(i, registers, clients, blob, template)));
    }
    await Promise.all(inserts);
  }
  return { insertMs: performance.now() - started, registers, clients };
}

/** The register OID of register number r. */
export function registerOid(r: number): string {
  return `1.2.246.10.${10_000_000 + r}.10.0`;
}

function syntheticDocument(
  i: number,
  registers: number,
  clients: number,
  blob: Buffer,
  template: { metadataJson: string; serviceRequest: string },
): NewDocument {
  const client = (i * 7919) % clients;
  const register = client % registers;
  const oid = registerOid(register);
  const day = new Date(Date.UTC(2015, 0, 1) + (i % 3650) * 86_400_000).toISOString();
  const id = `${oid.replace(/\.10\.0$/, '')}.95.2015.9.${i + 1}`;
  return {
    id,
    setId: id,
    versionNumber: 1,
    registerOid: oid,
    senderOid: oid,
    hetu: testHetu(client),
    palvelutehtava: SERVICE_TASKS[i % SERVICE_TASKS.length],
    documentType: DOCUMENT_TYPES[i % DOCUMENT_TYPES.length],
    generalDocumentType: '1',
    documentGroup: '1',
    prosessivaihe: PHASES[i % PHASES.length],
    caseId: `${oid.replace(/\.10\.0$/, '')}.96.2015.9.${client}`,
    serviceUnitOid: `${oid.replace(/\.10\.0$/, '')}.4.1`,
    effectiveTime: day,
    serviceRequest: template.serviceRequest,
    cdaBytes: blob,
    messageId: `${oid}:${i + 1}`,
    sha256: createHash('sha256').update(id).digest('hex'),
    metadataJson: template.metadataJson,
    archivedAt: day,
  };
}

/** Times the archivist's queries over the filled archive. */
export async function timeQueries(
  store: ArchiveStore,
  info: { registers: number; clients: number },
  repeats = 15,
): Promise<SearchResult['queries']> {
  const client = 4242 % info.clients;
  const home = client % info.registers;
  const own = [
    registerOid(home),
    registerOid((home + 1) % info.registers),
    registerOid((home + 2) % info.registers),
  ];
  const queries: Record<string, () => Promise<number>> = {
    'list hetu + registerOids': async () =>
      (await store.listDocuments({ hetu: testHetu(client), registerOids: own })).length,
    'list registerOids + service task + type + period, limit 100': async () =>
      (
        await store.listDocuments({
          registerOids: [registerOid(home)],
          palvelutehtava: '24',
          documentType: '1',
          from: '2016-01-01',
          to: '2020-12-31',
          limit: 100,
        } satisfies DocumentFilter)
      ).length,
    'list service task + type over all registers, limit 100': async () =>
      (await store.listDocuments({ palvelutehtava: '25', documentType: '2', limit: 100 })).length,
    'count one register': () => store.countDocuments({ registerOids: [registerOid(home)] }),
    'list case': async () =>
      (
        await store.listDocuments({
          registerOids: [registerOid(home)],
          caseId: `${registerOid(home).replace(/\.10\.0$/, '')}.96.2015.9.${client}`,
        })
      ).length,
  };
  const out: Record<string, { medianMs: number; p95Ms: number; rows: number }> = {};
  for (const [name, run] of Object.entries(queries)) {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < repeats; i++) {
      const t = performance.now();
      rows = await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const r = (n: number): number => Math.round(n * 100) / 100;
    out[name] = {
      medianMs: r(times[Math.floor(times.length / 2)]!),
      p95Ms: r(times[Math.floor(times.length * 0.95)] ?? times.at(-1)!),
      rows,
    };
  }
  return out;
}
