/**
 * The usage-log service on a real (in-memory) database: purposes of use are stated per session and client,
 * an entry about a client carries that client's purpose and never another's, and the log's filters and
 * export narrow to the archivist's own organisation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Archivist } from '../../server/archivist/archivists.js';
import { startSession, type Session } from '../../server/archivist/sessions.js';
import { UsageLogService } from '../../server/archivist/usage-log-service.js';
import type { UsageCsvLabels } from '../../server/archivist/usage-log.js';
import { openDatabase } from '../../server/store/open-database.js';
import { SqliteArchivistStore } from '../../server/store/sqlite-archivist-store.js';
import type { SqliteDatabase } from '../../server/store/sqlite-database.js';
import { SqliteUsageLogStore } from '../../server/store/sqlite-usage-log-store.js';

const CLIENT_A = '010181-900C';
const CLIENT_B = '150615A916X';
const ORG = '1.2.246.10.12345678.10.0';

const LABELS: UsageCsvLabels = {
  columns: {
    seq: 'seq',
    at: 'at',
    archivistName: 'name',
    archivistId: 'id',
    action: 'action',
    hetu: 'hetu',
    documentId: 'document',
    registerOid: 'register',
    reason: 'purpose',
    detail: 'detail',
  },
  action: (a) => a.toUpperCase(),
  reason: (r) => `<${r}>`,
};

let db: SqliteDatabase;
let store: SqliteArchivistStore;
let service: UsageLogService;
let now: Date;

async function archivist(id: string, organisationOid = ORG): Promise<Archivist> {
  await store.insertArchivist({
    id,
    organisationOid,
    username: id,
    name: `Arkistonhoitaja ${id}`,
    passwordHash: 'x',
    registerOids: [organisationOid],
    demo: false,
    createdAt: now.toISOString(),
  });
  return {
    id,
    organisationOid,
    username: id,
    name: `Arkistonhoitaja ${id}`,
    registerOids: [organisationOid],
    demo: false,
  };
}

async function session(a: Archivist): Promise<Session> {
  return (await startSession(store, a, now)).session;
}

beforeEach(async () => {
  db = await openDatabase(':memory:');
  store = new SqliteArchivistStore(db);
  now = new Date('2026-01-15T08:00:00.000Z');
  service = new UsageLogService({ usage: new SqliteUsageLogStore(db), archivists: store, clock: () => now });
});
afterEach(async () => {
  await db.close();
});

describe('purposes of use per session and client', () => {
  it('grants a purpose to one client only, and a later statement replaces it', async () => {
    const s = await session(await archivist('a1'));
    await service.grant(s, CLIENT_A, { code: 'deployment-test' });
    expect(await service.purposeFor(s, CLIENT_A)).toEqual({ code: 'deployment-test' });
    expect(await service.purposeFor(s, CLIENT_B)).toBeUndefined();
    await service.grant(s, CLIENT_A, { code: 'client-request', text: 'pyyntö 42' });
    expect(await service.purposeFor(s, CLIENT_A)).toEqual({ code: 'client-request', text: 'pyyntö 42' });
  });

  it('does not carry a purpose into another session, and forgets it with its session', async () => {
    const a = await archivist('a1');
    const first = await session(a);
    const second = await session(a);
    await service.grant(first, CLIENT_A, { code: 'training' });
    expect(await service.purposeFor(second, CLIENT_A)).toBeUndefined();
    await store.deleteSession(first.tokenHash);
    expect(await store.getPurpose(first.tokenHash, CLIENT_A)).toBeUndefined();
  });

  it('writes into each entry the purpose of its own client, never the last one stated', async () => {
    const s = await session(await archivist('a1'));
    await service.record(s, { action: 'search', hetu: CLIENT_A }, { code: 'deployment-test' });
    await service.grant(s, CLIENT_A, { code: 'deployment-test' });
    await service.record(s, { action: 'view', hetu: CLIENT_B, documentId: 'b1' });
    await service.grant(s, CLIENT_B, { code: 'client-request', text: 'pyyntö 7' });
    await service.record(s, { action: 'view', hetu: CLIENT_B, documentId: 'b1' });
    await service.record(s, { action: 'view', hetu: CLIENT_A, documentId: 'a1' });
    await service.record(s, { action: 'sign-in' });
    const entries = (await service.entries(s)).reverse();
    expect(entries.map((e) => [e.action, e.hetu, e.reason])).toEqual([
      ['search', CLIENT_A, 'deployment-test'],
      ['view', CLIENT_B, undefined],
      ['view', CLIENT_B, 'client-request: pyyntö 7'],
      ['view', CLIENT_A, 'deployment-test'],
      ['sign-in', undefined, undefined],
    ]);
  });
});

describe('the filtered log and its export', () => {
  let anna: Session;
  let bea: Session;
  beforeEach(async () => {
    anna = await session(await archivist('anna'));
    bea = await session(await archivist('bea'));
    const other = await session(await archivist('olli', '9.9.9'));
    await service.grant(anna, CLIENT_A, { code: 'deployment-test' });
    await service.grant(bea, CLIENT_B, { code: 'client-request', text: 'pyyntö 7' });
    await service.record(anna, { action: 'view', hetu: CLIENT_A, documentId: 'a1' });
    now = new Date('2026-01-16T23:30:00.000Z'); // 17.1. in Helsinki
    await service.record(bea, { action: 'view', hetu: CLIENT_B, documentId: 'b1' });
    await service.record(bea, { action: 'search', hetu: CLIENT_B }, { code: 'client-request' });
    await service.grant(other, CLIENT_A, { code: 'training' });
    await service.record(other, { action: 'view', hetu: CLIENT_A, documentId: 'x' });
  });

  it.each([
    { name: 'client', query: { hetu: CLIENT_A }, seen: ['a1'] },
    { name: 'archivist', query: { archivistId: 'bea' }, seen: ['search', 'b1'] },
    { name: 'action', query: { action: 'search' as const }, seen: ['search'] },
    {
      name: 'purpose, with or without its free text',
      query: { reasonCode: 'client-request' as const },
      seen: ['search', 'b1'],
    },
    { name: 'time from', query: { from: '2026-01-16T22:00:00.000Z' }, seen: ['search', 'b1'] },
    { name: 'time to', query: { to: '2026-01-16T22:00:00.000Z' }, seen: ['a1'] },
  ])('narrows by $name, within the own organisation', async ({ query, seen }) => {
    const entries = await service.entries(anna, query);
    expect(entries.map((e) => e.documentId ?? e.action)).toEqual(seen);
  });

  it('exports the same filters in the given words and logs the export with them', async () => {
    const csv = await service.csv(anna, { reasonCode: 'client-request' }, LABELS);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('seq;at;name;id;action;hetu;document;register;purpose;detail');
    expect(lines.slice(1).map((l) => l.split(';')[4])).toEqual(['VIEW', 'SEARCH']);
    expect(lines[1]).toContain(';<client-request>: pyyntö 7;');
    const [exported] = await service.entries(anna, { action: 'export-log' });
    expect(exported).toMatchObject({ archivistId: 'anna', detail: 'reasonCode=client-request' });
    expect(exported?.reason).toBeUndefined();
  });

  it('offers the own organisation’s archivists for the archivist filter', async () => {
    expect((await service.colleagues(anna)).map((a) => a.id).sort()).toEqual(['anna', 'bea']);
  });
});
