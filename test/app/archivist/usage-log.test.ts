/**
 * The usage log's page and CSV over HTTP: filters by client, archivist, action, purpose and days, kept in
 * the GET form; the export honours the same filters and speaks the reader's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENT } from '../../../server/samples/demo-message.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';
import {
  archive,
  archiveSpec,
  caseStory,
  signInDemo,
  STORY_CLIENT,
  type SignedIn,
} from '../../archivist/support.js';

let sim: KantaSimInstance;
let me: SignedIn;
let docA: string;
let docB: string;

beforeAll(async () => {
  sim = await startKantaSim();
  docA = await archiveSpec(sim, caseStory(sim).planV1);
  docB = await archive(sim);
  me = await signInDemo(sim);
  await me.agent
    .get('/archivist/search')
    .query({ hetu: STORY_CLIENT.hetu, reason: 'deployment-test' })
    .expect(200);
  await me.agent.get(`/archivist/documents/${encodeURIComponent(docA)}`).expect(200);
  await me.agent
    .post(`/archivist/documents/${encodeURIComponent(docB)}/purpose`)
    .type('form')
    .send({ csrf: me.csrf, reason: 'client-request', reasonText: 'pyyntö 7' })
    .expect(303);
  await me.agent.get(`/archivist/documents/${encodeURIComponent(docB)}`).expect(200);
});
afterAll(async () => {
  await sim.stop();
});

/** The log table's rows as [action, hetu, document] (the page lists newest first). */
function rows(html: string): string[][] {
  return [...html.matchAll(/<tr data-action="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => {
    const hetu = /<td class="hetu">([^<]*)<\/td>/.exec(m[2] ?? '')?.[1] ?? '';
    return [m[1] ?? '', hetu];
  });
}

describe('the usage-log page', () => {
  it('narrows by client and action, and keeps the values in the form', async () => {
    const res = await me.agent
      .get('/archivist/usage-log')
      .query({ hetu: DEMO_CLIENT.hetu.toLowerCase(), action: 'view' })
      .expect(200);
    expect(rows(res.text)).toEqual([['view', DEMO_CLIENT.hetu]]);
    expect(res.text).toContain(`value="${DEMO_CLIENT.hetu}"`);
    expect(res.text).toMatch(/<option value="view" selected/);
    expect(res.text).toContain(
      `href="/archivist/usage-log.csv?hetu=${encodeURIComponent(DEMO_CLIENT.hetu)}&amp;action=view"`,
    );
  });

  it('narrows by purpose, by archivist and by days', async () => {
    const byPurpose = await me.agent
      .get('/archivist/usage-log')
      .query({ purpose: 'deployment-test' })
      .expect(200);
    expect(rows(byPurpose.text)).toEqual([
      ['view', STORY_CLIENT.hetu],
      ['search', STORY_CLIENT.hetu],
    ]);
    const archivistId = (
      await sim.running.archivist.usage.list({ organisationOid: sim.demo.organiser.oid })
    )[0]?.archivistId;
    const mine = await me.agent.get('/archivist/usage-log').query({ archivist: archivistId }).expect(200);
    expect(rows(mine.text).length).toBeGreaterThanOrEqual(4);
    const past = await me.agent.get('/archivist/usage-log').query({ to: '2020-01-01' }).expect(200);
    expect(rows(past.text)).toEqual([]);
    const recent = await me.agent.get('/archivist/usage-log').query({ from: '2020-01-01', to: '2099-12-31' });
    expect(rows(recent.text).length).toBeGreaterThanOrEqual(4);
  });

  it.each([
    { name: 'an invalid identity code', query: { hetu: '010181-900D' }, field: 'hetu' },
    { name: 'a day that does not exist', query: { from: '2026-02-30' }, field: 'from' },
    {
      name: 'a range that ends before it starts',
      query: { from: '2026-02-02', to: '2026-02-01' },
      field: 'to',
    },
  ])('answers $name with 400, the error tied to its field', async ({ query, field }) => {
    const res = await me.agent.get('/archivist/usage-log').query(query).expect(400);
    const input = new RegExp(`<input[^>]*id="log-${field}"[^>]*>`).exec(res.text)?.[0] ?? '';
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain(`aria-describedby="log-${field}-error"`);
    expect(res.text).toContain(`id="log-${field}-error"`);
    expect(rows(res.text)).toEqual([]);
    await me.agent.get('/archivist/usage-log.csv').query(query).expect(400);
  });
});

describe('the CSV export', () => {
  it('honours the filters, with a byte order mark, semicolons and Finnish words', async () => {
    const res = await me.agent.get('/archivist/usage-log.csv').query({ hetu: DEMO_CLIENT.hetu }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('kayttoloki.csv');
    expect(res.text.startsWith('\uFEFFJärjestysnumero;Aika (UTC);Arkistonhoitaja;')).toBe(true);
    const lines = res.text.trim().split('\r\n').slice(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`;Katselu;${DEMO_CLIENT.hetu};${docB};`);
    expect(lines[0]).toContain(';Asiakkaan tietopyyntö: pyyntö 7;');
    expect(res.text).not.toContain(STORY_CLIENT.hetu);
  });

  it('speaks Swedish and English to readers who chose them', async () => {
    const sv = await me.agent
      .get('/archivist/usage-log.csv')
      .query({ purpose: 'deployment-test', action: 'search' })
      .set('Cookie', 'kanta_lang=sv')
      .expect(200);
    expect(sv.headers['content-disposition']).toContain('anvandningslogg.csv');
    expect(sv.text).toContain('Löpnummer;Tid (UTC);Arkivarie;');
    expect(sv.text).toContain(';Sökning;');
    expect(sv.text).toContain(';Ibruktagning');
    const en = await me.agent
      .get('/archivist/usage-log.csv')
      .query({ purpose: 'deployment-test', action: 'search' })
      .set('Cookie', 'kanta_lang=en')
      .expect(200);
    expect(en.text).toContain('Sequence number;Time (UTC);Archivist;');
    expect(en.text).toContain(';Search;');
    expect(en.text).toContain(';Deployment test;');
  });

  it('logs the export with its filters', async () => {
    const [exported] = await sim.running.archivist.usage.list({
      organisationOid: sim.demo.organiser.oid,
      action: 'export-log',
    });
    expect(exported?.detail).toBe('action=search; reasonCode=deployment-test');
    expect(exported?.reason).toBeUndefined();
  });
});
