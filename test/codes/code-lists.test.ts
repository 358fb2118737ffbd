import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CODE_LIST_DIR, loadCodeLists } from '../../server/codes/code-lists.js';
import { CODE_SYSTEMS } from '../../server/codes/code-systems.js';
import { isKantaSimError } from '../../server/errors.js';
import { KANTA_SAMPLES, SAMPLE, sampleText } from '../support/kanta-samples.js';

const dirs: string[] = [];
async function tempDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kanta-sim-codes-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    await writeFile(join(dir, name), content);
  }
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('the shipped code lists', () => {
  const codes = loadCodeLists();

  it('cover every code system the archive checks', () => {
    for (const oid of Object.values(CODE_SYSTEMS).filter((o) => o !== CODE_SYSTEMS.ORGANISATION_REGISTER)) {
      expect(codes.has(oid), oid).toBe(true);
    }
  });

  it.each([
    [CODE_SYSTEMS.SERVICE_TASK, '24', 'Lapsiperheiden palvelut'],
    [CODE_SYSTEMS.SOCIAL_SERVICE, '15', 'Kasvatus- ja perheneuvonta'],
    [CODE_SYSTEMS.SOCIAL_SERVICE, '45', 'Sosiaaliohjaus'],
    [CODE_SYSTEMS.DOCUMENT_GROUP, '1', 'Asiakkuusasiakirja'],
    [CODE_SYSTEMS.DOCUMENT_GROUP, '5', 'Toisen tai myöhemmän vaiheen asiakasasiakirja'],
    [CODE_SYSTEMS.DOCUMENT_TYPE, '15', 'Suunnitelma'],
    [CODE_SYSTEMS.DOCUMENT_TYPE, '15007', 'Lapsiperheiden palvelujen asiakassuunnitelma'],
    [CODE_SYSTEMS.PROCESS_PHASE, '3', 'Asiakkuuden suunnittelu'],
    [CODE_SYSTEMS.SERVICE_REQUEST, 'SP1', 'Asiakkuusasiakirjan arkistointi'],
    [CODE_SYSTEMS.SERVICE_REQUEST, 'SP17', 'Asiakasasiakirjan arkistointi'],
  ])('confirm %s %s (%s)', (system, code, fi) => {
    expect(codes.lookup(system, code)).toMatchObject({ code, fi, confirmed: true });
  });

  it('name every code in Finnish, Swedish and English, our own translations marked as ours', () => {
    for (const oid of codes.systems()) {
      for (const c of codes.list(oid)?.codes ?? []) {
        const where = `${oid} ${c.code}`;
        expect(c.sv, where).toBeTruthy();
        expect(c.en, where).toBeTruthy();
        expect(c.translatedBy, where).toEqual({ sv: 'kanta-sim', en: 'kanta-sim' });
      }
      expect(codes.list(oid)?.source ?? '').toMatch(/\.json$/);
    }
  });

  it('label placeholders as unconfirmed', () => {
    expect(codes.lookup(CODE_SYSTEMS.SERVICE_TASK, '25')).toMatchObject({
      fi: 'Lastensuojelu',
      confirmed: false,
    });
    expect(codes.lookup(CODE_SYSTEMS.PROCESS_PHASE, '1')?.confirmed).toBe(false);
  });

  it.skipIf(!KANTA_SAMPLES.available)(
    'agree with every display name in the real samples, and confirm those codes',
    () => {
      const all = Object.values(SAMPLE).map(sampleText).join('\n');
      const coded = /<[\w:]+ ([^>]*\bcode="([^"]+)"[^>]*)\/?>/g;
      let checked = 0;
      for (const m of all.matchAll(coded)) {
        const attrs = m[1] ?? '';
        const system = /codeSystem="([^"]+)"/.exec(attrs)?.[1];
        const display = /displayName="([^"]+)"/.exec(attrs)?.[1];
        if (system === undefined || display === undefined || !codes.has(system)) {
          continue;
        }
        const entry = codes.lookup(system, m[2] ?? '');
        expect(entry, `${system} ${m[2]}`).toMatchObject({ fi: display, confirmed: true });
        checked++;
      }
      expect(checked).toBeGreaterThan(30);
    },
  );
});

describe('loadCodeLists', () => {
  const list = (oid: string, codes: unknown): string => JSON.stringify({ oid, name: 'Testi', codes });

  it('lets a later directory replace a list as a whole', async () => {
    const official = await tempDir({
      'palvelutehtava.json': list(CODE_SYSTEMS.SERVICE_TASK, [
        { code: '99', fi: 'Virallinen', confirmed: true },
      ]),
    });
    const codes = loadCodeLists([DEFAULT_CODE_LIST_DIR, official]);
    expect(codes.lookup(CODE_SYSTEMS.SERVICE_TASK, '99')?.fi).toBe('Virallinen');
    expect(codes.lookup(CODE_SYSTEMS.SERVICE_TASK, '24')).toBeUndefined();
    expect(codes.lookup(CODE_SYSTEMS.SOCIAL_SERVICE, '45')).toBeDefined();
    expect(codes.list(CODE_SYSTEMS.SERVICE_TASK)?.source).toContain(official);
  });

  it('ignores files that are not JSON', async () => {
    const dir = await tempDir({ 'README.md': '# notes' });
    expect(loadCodeLists([dir]).systems()).toEqual([]);
  });

  it.each([
    { name: 'broken JSON', content: '{ "oid": ' },
    { name: 'a missing oid', content: JSON.stringify({ name: 'x', codes: [] }) },
    { name: 'codes that are not an array', content: JSON.stringify({ oid: '1.2.3', name: 'x', codes: {} }) },
    { name: 'a code without fi', content: list('1.2.3', [{ code: '1', confirmed: true }]) },
    { name: 'a code without confirmed', content: list('1.2.3', [{ code: '1', fi: 'a' }]) },
    {
      name: 'a translator that is not a string',
      content: list('1.2.3', [{ code: '1', fi: 'a', confirmed: true, translatedBy: { sv: true } }]),
    },
    {
      name: 'a translator for an unknown language',
      content: list('1.2.3', [{ code: '1', fi: 'a', confirmed: true, translatedBy: { de: 'kanta-sim' } }]),
    },
    {
      name: 'a duplicate code',
      content: list('1.2.3', [
        { code: '1', fi: 'a', confirmed: true },
        { code: '1', fi: 'b', confirmed: true },
      ]),
    },
  ])('refuses $name with CONFIG_INVALID naming the file', async ({ content }) => {
    const dir = await tempDir({ 'bad-list.json': content });
    try {
      loadCodeLists([dir]);
      expect.unreachable();
    } catch (e) {
      expect(isKantaSimError(e) && e.code).toBe('CONFIG_INVALID');
      expect((e as Error).message).toContain('bad-list.json');
    }
  });

  it('refuses a directory that does not exist', () => {
    expect(() => loadCodeLists([join(tmpdir(), 'kanta-sim-no-such-dir-x')])).toThrow(/cannot be read/);
  });
});
