import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../server/archivist/archivists.js';
import { runArchivistCommand } from '../../server/cli/archivist.js';
import { DEMO_ORGANISER } from '../../server/pki/demo.js';
import { ensureDemoOrganisation } from '../../server/pki/demo.js';
import { SqliteArchivistStore } from '../../server/store/sqlite-archivist-store.js';
import { openDatabase } from '../../server/store/open-database.js';

describe('kanta-sim archivist', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'kanta-sim-archivist-cli-'));
    await ensureDemoOrganisation(dataDir);
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runArchivistCommand(
      args,
      { dataDir },
      { out: (l) => out.push(l), err: (l) => err.push(l) },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('adds an archivist of a registered organisation who can then sign in', async () => {
    const added = await run([
      'add',
      '--org',
      DEMO_ORGANISER.oid,
      '--name',
      'Anna Arkisto',
      '--password',
      'pitkä-salasana',
    ]);
    expect(added).toMatchObject({ code: 0 });
    expect(added.out).toContain('username:  anna.arkisto');
    const db = await openDatabase(path.join(dataDir, 'archive.sqlite'));
    try {
      const a = await authenticate(new SqliteArchivistStore(db), 'anna.arkisto', 'pitkä-salasana');
      expect(a).toMatchObject({ organisationOid: DEMO_ORGANISER.oid, registerOids: [DEMO_ORGANISER.oid] });
    } finally {
      await db.close();
    }
    expect((await run(['list'])).out).toContain('anna.arkisto  Anna Arkisto');
  });

  it.each([
    { args: ['add', '--org', '1.2.246.10.99999999.10.0', '--name', 'X'], code: 1, text: 'not registered' },
    {
      args: ['add', '--org', DEMO_ORGANISER.oid, '--name', 'Anna Arkisto', '--password', 'pitkä-salasana'],
      code: 1,
      text: 'already exists',
    },
    { args: ['add', '--org', DEMO_ORGANISER.oid], code: 2, text: 'needs --org and --name' },
    { args: ['remove'], code: 2, text: 'unknown' },
  ])('refuses $args with exit $code', async ({ args, code, text }) => {
    const r = await run(args);
    expect(r.code).toBe(code);
    expect(r.err).toContain(text);
  });
});
