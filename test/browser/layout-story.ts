/**
 * A case with long, realistic content for the layout tests: an assessment, a client plan corrected once
 * (every text rewritten, so the version diff is wide), and a client note with many dated entries; then a
 * usage log filled with long purposes of use, and a rehearsal with some of its documents arrived.
 */
import type { Page } from 'playwright-core';
import type { DocumentSpec } from '../../server/cda/build-spec.js';
import { assessment, clientNote, clientPlan } from '../../server/cda/templates-documents.js';
import { generateTestCaseMessages } from '../../server/rehearsal/generate-messages.js';
import { TestCaseLibrary } from '../../server/rehearsal/test-case.js';
import { defaultIdentityName } from '../../server/rehearsal/test-identities.js';
import { archiveSpec, STORY_CLIENT } from '../archivist/support.js';
import { send, type KantaSimInstance } from '../support/sim.js';

const SITUATION_BEFORE =
  'Perhe on hakeutunut sosiaaliohjaukseen arjen kuormittumisen vuoksi. Perheessä on kolme lasta, joista ' +
  'vanhin käy yläkoulua ja nuorin päiväkotia. Vanhemmat kertovat vuorotyön, pitkien työmatkojen ja lasten ' +
  'harrastusten kuljetusten vievän illat; riidat kotitehtävistä ovat lisääntyneet, ja keskimmäinen lapsi ' +
  'on ollut syksyn aikana pois koulusta useita päiviä vatsakipujen vuoksi.';
const SITUATION_AFTER =
  'Perhe on hakeutunut sosiaaliohjaukseen arjen kuormittumisen vuoksi. Tilanne on tarkentunut kotikäyntien ' +
  'jälkeen: vanhemmat ovat sopineet vuorotyönsä niin, että toinen on aamuisin kotona, ja koulu on laatinut ' +
  'keskimmäiselle lapselle tukisuunnitelman. Poissaolot ovat vähentyneet, mutta iltojen riidat jatkuvat, ' +
  'ja vanhemmat toivovat vertaistukiryhmää sekä perhetyöntekijän käyntejä iltaisin.';
const MEETINGS_AFTER =
  'Omatyöntekijä tapaa perhettä kotikäynnein viikoittain tiistaisin klo 17–18.30; joka toinen tapaaminen ' +
  'pidetään perhekeskuksessa yhdessä koulukuraattorin kanssa. Lisäksi puhelinaika torstaisin.';
const NOTE_TEXT =
  'Kotikäynti. Perheen aamurutiineja käytiin läpi yhdessä vanhempien kanssa. Sovittiin, että lapset ' +
  'valmistelevat koulureppunsa illalla ja vanhemmat vuorottelevat herätyksissä; seuraava käynti sovittiin.';

/** A long purpose of use, as an archivist writes one when "Other" is chosen (the form allows 200). */
export const LONG_PURPOSE =
  'Kelan käyttöönottokokeen testitapaus 3: asiakastietojärjestelmän asiakirjojen vertailu arkistoon ' +
  'tallentuneisiin kuvailutietoihin ja versioihin, poikkeamien kirjaaminen raporttiin';

export interface LongStory {
  readonly assessment: DocumentSpec;
  readonly planV1: DocumentSpec;
  readonly planV2: DocumentSpec;
  readonly note: DocumentSpec;
}

/** Archives the long case for the story client in the demo organiser's register. */
export async function archiveLongStory(sim: KantaSimInstance): Promise<LongStory> {
  const org = sim.demo.organiser;
  const root = org.oid.replace(/\.10\.0$/, '');
  const stamp = String(Date.now());
  const day = (d: number): Date => new Date(Date.now() - d * 86_400_000);
  const base = (n: number, daysAgo: number) => ({
    id: `${root}.95.2026.${stamp}.${n}`,
    caseId: `${root}.96.2026.${stamp}`,
    client: STORY_CLIENT,
    organiser: { oid: org.oid, name: org.name },
    serviceUnit: org.units[0] ?? { oid: org.oid, name: org.name },
    author: {
      regNo: sim.demo.professional.regno,
      given: sim.demo.professional.given,
      family: sim.demo.professional.family,
    },
    date: day(daysAgo),
  });
  const story: LongStory = {
    assessment: assessment({ ...base(1, 40), situation: SITUATION_BEFORE }),
    planV1: clientPlan({ ...base(2, 30), situation: SITUATION_BEFORE }),
    planV2: {
      ...clientPlan({
        ...base(3, 20),
        situation: SITUATION_AFTER,
        meetings: MEETINGS_AFTER,
        differingViews: 'Isä toivoo tapaamisia harvemmin kuin äiti; asiaan palataan tarkistuksessa.',
        reviewPlace: 'Perhekeskus Kivikko, neuvotteluhuone 2',
      }),
      setId: `${root}.95.2026.${stamp}.2`,
      versionNumber: 2,
      replaces: { parentId: `${root}.95.2026.${stamp}.2` },
      reasonOfCorrection: { code: '1', displayName: 'Virheellinen tieto korjattu' },
    },
    note: clientNote({
      ...base(4, 10),
      entries: Array.from({ length: 8 }, (_, i) => ({ date: day(10 - i), text: `${NOTE_TEXT} (${i + 1})` })),
    }),
  };
  for (const spec of [story.assessment, story.planV1, story.planV2, story.note]) {
    await archiveSpec(sim, spec);
  }
  return story;
}

/** Fills the usage log: searches with a long stated purpose and views of every document of the story. */
export async function fillUsageLog(page: Page, webUrl: string, story: LongStory): Promise<void> {
  const search = `${webUrl}/archivist/search?hetu=${encodeURIComponent(STORY_CLIENT.hetu)}`;
  for (let i = 0; i < 6; i += 1) {
    await page.goto(`${search}&reason=other&reasonText=${encodeURIComponent(`${LONG_PURPOSE} (${i})`)}`);
    for (const spec of Object.values(story)) {
      await page.goto(`${webUrl}/archivist/documents/${encodeURIComponent(spec.id)}`);
    }
  }
}

/** Starts a rehearsal from its form and lets the first half of its documents arrive; answers its page. */
export async function startRehearsal(page: Page, sim: KantaSimInstance): Promise<string> {
  const hetu = '230917A9249';
  await page.goto(`${sim.webUrl}/archivist/deployment-tests`);
  await page.selectOption('#caseName', 'lapsiperheiden-palvelut');
  await page.fill('#hetu', hetu);
  await page.click('form[action="/archivist/deployment-tests"] button[type=submit]');
  await page.waitForURL(/\/archivist\/deployment-tests\/[^/]+$/);
  const messages = generateTestCaseMessages({
    testCase: new TestCaseLibrary().get('lapsiperheiden-palvelut'),
    organisation: sim.demo.organiser,
    organiser: sim.demo.organiser,
    identity: { hetu, ...defaultIdentityName(hetu) },
    professional: sim.demo.professional,
    at: sim.running.clock.now(),
  });
  for (const m of messages.slice(0, Math.ceil(messages.length / 2))) {
    const answer = await send(sim, m.messageXml);
    if (answer.ack.typeCode !== 'AA') {
      throw new Error(`rehearsal document ${m.key} was refused: ${answer.ack.typeCode}`);
    }
  }
  return new URL(page.url()).pathname;
}
