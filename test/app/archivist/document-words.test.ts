/**
 * Words, not data, over HTTP with documents archived through the Kanta interface: the client-relationship
 * document is titled by name, a provider's document is badged and the register access rights under which
 * it was archived are shown, in Finnish and Swedish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSpec } from '../../../server/cda/build-spec.js';
import { clientPlan } from '../../../server/cda/templates-documents.js';
import { CODE_SYSTEMS } from '../../../server/codes/code-systems.js';
import { loadCodeLists } from '../../../server/codes/code-lists.js';
import { startKantaSim, type KantaSimInstance } from '../../support/sim.js';
import { signInDemo, type SignedIn } from '../../archivist/support.js';
import {
  archive,
  author,
  CLIENT,
  day,
  isoDay,
  newOid,
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
    badge: 'Tjänsteproducent',
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
