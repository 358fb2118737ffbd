/**
 * Words, not data, over HTTP with documents archived through the Kanta interface: the client-relationship
 * document is titled by name, a provider's document is badged and the register access rights under which
 * it was archived are shown, in Finnish and Swedish.
 */
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSpec } from '../../../server/cda/build-spec.js';
import { clientPlan } from '../../../server/cda/templates-documents.js';
import { CODE_SYSTEMS } from '../../../server/codes/code-systems.js';
import { loadCodeLists } from '../../../server/codes/code-lists.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';
import request from 'supertest';
import { csrfOf, signInDemo, type SignedIn } from '../../archivist/support.js';
import {
  archive,
  author,
  CLIENT,
  day,
  isoDay,
  newOid,
  nextVersion,
  providerRight,
  relationship,
} from '../kanta/lifecycle-support.js';

let sim: KantaSimInstance;
let organiser: SignedIn;
let rel: DocumentSpec;
let providerPlan: DocumentSpec;
const codes = loadCodeLists();
const groupName = codes.lookup(CODE_SYSTEMS.DOCUMENT_GROUP, '1');

beforeAll(async () => {
  sim = await startKantaSim();
  rel = relationship(sim, CLIENT, [providerRight(sim, isoDay(-30))]);
  expect(await archive(sim, rel)).toEqual({ typeCode: 'AA', codes: [] });
  const org = sim.demo.organiser;
  providerPlan = clientPlan({
    id: newOid(sim.demo.provider),
    caseId: newOid(org, 96),
    client: CLIENT,
    organiser: { oid: org.oid, name: org.name },
    serviceUnit: sim.demo.provider.units[0] as { oid: string; name: string },
    author: author(sim),
    date: day(-4),
  });
  expect(await archive(sim, providerPlan, { from: sim.demo.provider })).toEqual({
    typeCode: 'AA',
    codes: [],
  });
  organiser = await signInDemo(sim);
});
afterAll(async () => {
  await sim.stop();
});

const docPath = (id: string) => `/archivist/documents/${encodeURIComponent(id)}`;

async function inLanguage(lang: 'fi' | 'sv', path: string): Promise<string> {
  await organiser.agent.get(`/archivist/prefs?lang=${lang}`).expect(303);
  await organiser.agent.get(`/archivist/search?hetu=${encodeURIComponent(CLIENT.hetu)}&reason=training`);
  return (await organiser.agent.get(path).expect(200)).text;
}

describe.each([
  {
    lang: 'fi' as const,
    badge: 'Palveluntuottaja',
    rights: 'Rekisterin käyttöoikeudet',
    mine: 'Tämän asiakirjan oikeus',
  },
  {
    lang: 'sv' as const,
    badge: 'Serviceproducent',
    rights: 'Registeranvändningsrätter',
    mine: 'Detta dokuments rätt',
  },
])('$lang', (c) => {
  it('titles the client-relationship document by name in the page title, heading and result link', async () => {
    const title = groupName?.[c.lang] ?? groupName?.fi;
    expect(title).toBeTruthy();
    const page = await inLanguage(c.lang, docPath(rel.id));
    expect(page).toMatch(new RegExp(`<title>${title} · `));
    expect(page).toContain(`<h1 id="doc-title">${title}</h1>`);
    expect(page).not.toContain(`<h1 id="doc-title">${rel.id}</h1>`);
    const results = await inLanguage(
      c.lang,
      `/archivist/search?hetu=${encodeURIComponent(CLIENT.hetu)}&reason=training`,
    );
    expect(results).toMatch(
      new RegExp(`href="${docPath(rel.id).replace(/\./g, '\\.')}" class="doc-link">${title}<`),
    );
  });

  it("badges the provider's document and shows the register access right it was archived under", async () => {
    const page = await inLanguage(c.lang, docPath(providerPlan.id));
    expect(page).toContain(`class="badge provider-badge"`);
    expect(page).toContain(c.badge);
    expect(page).toContain(`<h2 id="register-rights-title">${c.rights}</h2>`);
    const unit = sim.demo.provider.units[0] as { oid: string; name: string };
    const row = /<tr class="this-right">([\s\S]*?)<\/tr>/.exec(page)?.[1] ?? '';
    expect(row).toContain(unit.oid);
    expect(row).toContain(c.mine);
  });

  it("does not badge the keeper's own document", async () => {
    const page = await inLanguage(c.lang, docPath(rel.id));
    expect(page).not.toContain('provider-badge');
  });
});

/** A demo sign-in by hand, for a request supertest cannot make (an event stream never ends): its cookies. */
async function demoSessionCookies(lang: 'fi' | 'sv'): Promise<string> {
  const pairs = (res: { headers: Record<string, unknown> }): string[] =>
    ((res.headers['set-cookie'] as string[] | undefined) ?? []).map((c) => c.split(';')[0] ?? '');
  const login = await request(sim.webUrl).get('/archivist/login');
  const loginCookies = pairs(login).join('; ');
  const signedIn = await request(sim.webUrl)
    .post('/archivist/demo')
    .set('Cookie', loginCookies)
    .type('form')
    .send({ csrf: csrfOf(login.text) })
    .expect(303);
  return [...pairs(signedIn), `kanta_lang=${lang}`].join('; ');
}

/** The first `arrival` event's data on the live stream after `trigger` runs. */
function firstArrival(
  cookie: string,
  url: URL,
  trigger: () => Promise<void>,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { Cookie: cookie, Accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`the event stream answered ${res.statusCode}`));
        return;
      }
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        if (buffer.includes('event: ready') && !buffer.includes('triggered')) {
          buffer += 'triggered';
          trigger().catch(reject);
        }
        const m = /event: arrival\ndata: (.*)\n/.exec(buffer);
        if (m?.[1]) {
          req.destroy();
          resolve(JSON.parse(m[1]) as Record<string, unknown>);
        }
      });
    });
    req.on('error', reject);
  });
}

describe('the live panel', () => {
  it("names an arriving client-relationship document by its title in the viewer's language", async () => {
    const url = new URL('/archivist/events', sim.webUrl);
    const next = nextVersion(rel, rel.id, 2, sim.demo.organiser);
    const arrival = await firstArrival(await demoSessionCookies('sv'), url, async () => {
      const ack = await archive(sim, next);
      expect(ack.typeCode).toBe('AA');
    });
    expect(arrival.documentId).toBe(next.id);
    expect(arrival.documentType).toBe(groupName?.sv ?? groupName?.fi);
  });
});
