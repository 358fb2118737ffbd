import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXERCISES_DIR } from '../../server/compose/exercises.js';
import { AINO, EINO, SCENARIO, startClassroomSim } from '../classroom/support.js';
import { CHROMIUM } from '../support/requirements.js';
import type { KantaSimInstance } from '../support/sim.js';
import { launchClassroom, signIn, type Classroom } from './classroom-contexts.js';
import { seriousAxeFindings } from './page-audit.js';

/**
 * A class of three, end to end in chromium, each person in a browser context of their own: the operator
 * makes the class from the console, the trainer signs in and prints the cards, the trainees sign in from
 * the cards, each invalidates a document in its own sandbox without touching the others', the trainer
 * archives a document now and every trainee's live panel shows it arrive, and the trainer's reset brings
 * every sandbox back to the scenario, usage log included. The console's pages are audited with axe.
 * The README's screenshots come from the shipped scenario instead: classroom-screenshots.test.ts.
 */
const INVALIDATED_EXERCISE = {
  id: 'mitatoity-asiakirja',
  scenario: SCENARIO,
  title: { fi: 'Mitätöity asiakirja', sv: 'Det makulerade dokumentet', en: 'The invalidated document' },
  question: {
    fi: 'Liitä Eino Mallin mitätöidyn asiakirjan tunniste.',
    sv: 'Klistra in identifieraren för Eino Mallis makulerade dokument.',
    en: "Paste the id of Eino Malli's invalidated document.",
  },
  answer: { type: 'document', document: { client: 'Malli Eino', state: 'invalidated' } },
};

describe.skipIf(!CHROMIUM.available)('a class of three in chromium', { timeout: 240_000 }, () => {
  let sim: KantaSimInstance;
  let chromium: Classroom;
  let trainer: Page;
  const trainees: { username: string; password: string; page?: Page; invalidated?: string }[] = [];
  let trainerLogin = { username: '', password: '' };
  /** Each sandbox's documents right after the class was made: what a reset must bring back. */
  let scenarioState: Map<string, string[]>;

  async function expectNoSeriousAxe(page: Page, what: string): Promise<void> {
    expect(await seriousAxeFindings(page), what).toEqual([]);
  }

  /** Every sandbox's documents (id, state, version, bytes) and usage-log size, by organisation. */
  async function sandboxes(): Promise<Map<string, string[]>> {
    const overview = await sim.running.classroom.service.overview();
    const out = new Map<string, string[]>();
    for (const t of overview.trainees) {
      const docs = await sim.running.store.listDocuments({ registerOids: [t.organisation.oid] });
      const log = await sim.running.archivist.usage.list({ organisationOid: t.organisation.oid });
      out.set(t.username, [
        ...docs.map((d) => `${d.id} ${d.state} ${d.status} ${d.versionNumber} ${d.sha256}`).sort(),
        `usage-log ${log.length}`,
      ]);
    }
    return out;
  }

  beforeAll(async () => {
    sim = await startClassroomSim();
    // The class's exercise: find the document you invalidated (a trainer's own exercise file).
    const dir = path.join(sim.dataDir, EXERCISES_DIR);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `${INVALIDATED_EXERCISE.id}.json`), JSON.stringify(INVALIDATED_EXERCISE));
    chromium = await launchClassroom();
  }, 60_000);
  afterAll(async () => {
    await chromium?.close();
    await sim?.stop();
  });

  it('the operator makes a class of three from the console and is shown the trainer sign-in', async () => {
    const { page } = await chromium.person();
    await page.goto(`${sim.webUrl}/archivist/login`);
    await page.click('#demo-sign-in');
    await page.waitForURL(/\/archivist\/search/);
    await page.goto(`${sim.webUrl}/archivist/classroom`);
    await page.waitForSelector('#make-class');
    await expectNoSeriousAxe(page, 'make-the-class form');
    await page.fill('#make-trainees', '3');
    await page.selectOption('#make-scenario', SCENARIO);
    await page.selectOption('#make-lang', 'fi');
    await page.click('#make-class');
    await page.waitForSelector('#trainer-username');
    trainerLogin = {
      username: (await page.locator('#trainer-username').textContent()) ?? '',
      password: (await page.locator('#trainer-password').textContent()) ?? '',
    };
    expect(trainerLogin.username).toBe('kouluttaja');
    scenarioState = await sandboxes();
    expect([...scenarioState.keys()]).toEqual(['trainee01', 'trainee02', 'trainee03']);
    for (const docs of scenarioState.values()) {
      expect(docs).toHaveLength(7);
      expect(docs.at(-1)).toBe('usage-log 0');
    }
  });

  it('the trainer signs in, sees the three trainees and prints their cards (HTML and PDF)', async () => {
    trainer = (await chromium.person()).page;
    await signIn(trainer, sim.webUrl, trainerLogin.username, trainerLogin.password);
    await trainer.click('a[href="/archivist/classroom"]');
    await trainer.waitForSelector('table.trainees');
    expect(await trainer.locator('table.trainees tbody tr').count()).toBe(3);
    expect(await trainer.locator('[data-signed-in="no"]').count()).toBe(3);
    await expectNoSeriousAxe(trainer, 'class overview');

    await trainer.click('#cards-html');
    await trainer.waitForSelector('article.sign-in-card');
    const cards = trainer.locator('article.sign-in-card');
    expect(await cards.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const card = cards.nth(i);
      trainees.push({
        username: (await card.locator('.card-username').textContent()) ?? '',
        password: (await card.locator('.card-password').textContent()) ?? '',
      });
      expect(await card.locator('.card-url').textContent()).toBe(`${sim.webUrl}/archivist/login`);
      expect(await card.locator('.card-name').textContent()).toMatch(/^Harjoittelija 0\d$/);
    }
    expect(trainees.map((t) => t.username)).toEqual(['trainee01', 'trainee02', 'trainee03']);
    await expectNoSeriousAxe(trainer, 'sign-in cards');

    const pdf = await trainer.request.get(`${sim.webUrl}/archivist/classroom/cards.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Eight cards to a sheet: three trainees print on one page.
    expect(bytes.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    await trainer.goBack();
  });

  it('each trainee signs in from the card in its own context and invalidates only in its own sandbox', async () => {
    for (const t of trainees) {
      t.page = (await chromium.person()).page;
      await signIn(t.page, sim.webUrl, t.username, t.password);
    }
    for (const [i, t] of trainees.entries()) {
      const page = t.page as Page;
      await page.goto(`${sim.webUrl}/archivist/search?hetu=${encodeURIComponent(EINO)}&reason=training`);
      await page.waitForSelector('#results .timeline-item');
      // What the trainees before this one invalidated is in their sandboxes, not in this one.
      expect(await page.locator('.timeline-item.state-invalidated').count(), t.username).toBe(0);
      await page.locator('#results a.doc-link').first().click();
      await page.waitForSelector('#invalidate-reason');
      t.invalidated = decodeURIComponent(page.url().split('/').pop() ?? '');
      await page.fill('#invalidate-reason', `Harjoitus ${i + 1}: väärä asiakas`);
      await page.click('#invalidate-continue');
      await page.click('#invalidate-confirm');
      await page.waitForSelector('.invalidation-note');
      expect(await page.locator('.invalidation-note').first().textContent()).toContain(`Harjoitus ${i + 1}`);
    }
    const ids = trainees.map((t) => t.invalidated);
    expect(new Set(ids).size).toBe(3);
    for (const t of trainees) {
      const docs = await sim.running.store.listDocuments({ hetu: EINO, state: 'invalidated' });
      expect(docs.filter((d) => d.id === t.invalidated)).toHaveLength(1);
    }
    // A trainee cannot open another sandbox's document.
    const first = trainees[0]?.page as Page;
    const other = await first.goto(`${sim.webUrl}/archivist/documents/${encodeURIComponent(ids[1] ?? '')}`);
    expect(other?.status()).toBe(404);
    // The trainer sees each trainee signed in, with what each did.
    await trainer.goto(`${sim.webUrl}/archivist/classroom`);
    expect(await trainer.locator('[data-signed-in="yes"]').count()).toBe(3);
    expect(await trainer.locator('li[data-action="invalidate"]').count()).toBe(3);
  });

  it('each trainee answers the exercise in its own sandbox, and the trainer sees who answered what', async () => {
    for (const [i, t] of trainees.entries()) {
      const page = t.page as Page;
      await page.goto(`${sim.webUrl}/archivist/search`);
      await page.click('a[href="/archivist/exercises"]');
      const field = `#${INVALIDATED_EXERCISE.id}-answer`;
      await page.waitForSelector(field);
      const submit = `[data-exercise="${INVALIDATED_EXERCISE.id}"] button[type=submit]`;
      if (i === 2) {
        // Another trainee's invalidated copy is not an answer in this sandbox.
        await page.fill(field, trainees[0]?.invalidated ?? '');
        await page.click(submit);
        await page.waitForSelector('[data-result="wrong"]');
      }
      await page.fill(field, t.invalidated ?? '');
      await page.click(submit);
      await page.waitForSelector('[data-result="right"]');
    }
    await trainer.goto(`${sim.webUrl}/archivist/exercises/answers`);
    expect(await trainer.locator('tr[data-result="right"]').count()).toBe(3);
  });

  it("the presenter window mirrors the trainer's page with hetus masked", async () => {
    const presenter = (await chromium.person()).page;
    await signIn(presenter, sim.webUrl, trainerLogin.username, trainerLogin.password);
    await presenter.goto(`${sim.webUrl}/archivist/presenter`);
    await trainer.goto(`${sim.webUrl}/archivist/search?hetu=${encodeURIComponent(EINO)}&reason=training`);
    await trainer.waitForSelector('#results .timeline-item');
    await expect
      .poll(async () => {
        await presenter.reload();
        return presenter.locator('#results .timeline-item').count();
      })
      .toBeGreaterThan(0);
    expect(await presenter.getAttribute('html', 'class')).toContain('presenter');
    expect(await presenter.locator('body').textContent()).not.toContain(EINO);
    await presenter.close();
  });

  it('the trainer archives a document now and every trainee watches it arrive in the live panel', async () => {
    for (const t of trainees) {
      const page = t.page as Page;
      await page.goto(`${sim.webUrl}/archivist/search?hetu=${encodeURIComponent(AINO)}&reason=training`);
      await page.waitForSelector('html[data-live="connected"]');
    }
    await trainer.goto(`${sim.webUrl}/archivist/classroom`);
    await trainer.selectOption('#archive-documentType', 'client-note');
    await trainer.selectOption('#archive-client', AINO);
    await trainer.selectOption('#archive-target', 'all');
    await trainer.click('#archive-now');
    await trainer.waitForSelector('[data-notice="archived"]');
    for (const t of trainees) {
      const page = t.page as Page;
      await page.waitForSelector('#live-list li[data-document-id]');
      const arrived = await page
        .locator('#live-list li[data-document-id]')
        .first()
        .getAttribute('data-document-id');
      const doc = await sim.running.store.getDocument(arrived ?? '');
      const own = (
        await sim.running.classroom.service.sandboxOf(
          (await sim.running.classroom.service.accounts()).trainees.find((a) => a.username === t.username)
            ?.archivistId ?? '',
        )
      )?.organisationOid;
      expect(doc?.registerOid, t.username).toBe(own);
    }
  });

  it('the trainer resets the class after a confirmation, and every sandbox is back to the scenario', async () => {
    await trainer.click('#reset-class');
    await trainer.waitForSelector('#reset-confirm');
    await expectNoSeriousAxe(trainer, 'reset confirmation');
    await trainer.click('#reset-confirm');
    await trainer.waitForSelector('[data-notice="reset-class"]');
    expect(await sandboxes()).toEqual(scenarioState);
    expect(await trainer.locator('[data-signed-in="no"]').count()).toBe(3);
    expect(await trainer.locator('[data-activity-count]').count()).toBe(0);
    await trainer.goto(`${sim.webUrl}/archivist/exercises/answers`);
    expect(await trainer.locator('tr[data-result]').count()).toBe(0);
    await trainer.goto(`${sim.webUrl}/archivist/classroom`);
    // The trainees were signed out with the reset.
    for (const t of trainees) {
      const page = t.page as Page;
      await page.goto(`${sim.webUrl}/archivist/search`);
      await expect.poll(() => page.url()).toContain('/archivist/login');
    }
  });
});
