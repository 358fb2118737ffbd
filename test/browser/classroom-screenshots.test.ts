import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxOid } from '../../server/classroom/sandbox-names.js';
import { CHROMIUM } from '../support/requirements.js';
import { startKantaSim, type KantaSimInstance } from '../support/sim.js';
import { screenshotDir } from './chromium.js';
import { launchClassroom, signIn, type Classroom } from './classroom-contexts.js';

/**
 * The README's trainer screenshots (20 console, 21 sign-in cards, 22 and presenter-view: the presenter
 * view), taken from the shipped default scenario "classroom" with a class of three, so that they show what
 * a real class looks like: five clients over ten years, two trainees at work. The behaviour itself is
 * tested with the tests' small scenario in classroom.test.ts and presenter.test.ts.
 */
const AINO = '140512A924Y';
const MATTI = '220378-9479';

describe.skipIf(!CHROMIUM.available)(
  'the trainer screenshots, from the shipped scenario',
  { timeout: 120_000 },
  () => {
    let sim: KantaSimInstance;
    let chromium: Classroom;
    let trainer: Page;
    let shots: { dir: string; cleanup: () => Promise<void> };
    const shot = (page: Page, name: string, fullPage = false) =>
      page.screenshot({ path: path.join(shots.dir, `${name}.png`), fullPage });

    beforeAll(async () => {
      sim = await startKantaSim();
      await sim.running.classroom.service.create({ trainees: 3, scenario: 'classroom', lang: 'fi' });
      chromium = await launchClassroom();
      shots = await screenshotDir();
    }, 60_000);
    afterAll(async () => {
      await chromium?.close();
      await sim?.stop();
      await shots?.cleanup();
    });

    it('the console, with two trainees at work', async () => {
      const { trainer: account, trainees } = await sim.running.classroom.service.accounts();
      for (const [t, hetu] of [
        [trainees[0], AINO],
        [trainees[1], MATTI],
      ] as const) {
        const page = (await chromium.person()).page;
        await signIn(page, sim.webUrl, t?.username ?? '', t?.password ?? '');
        await page.goto(`${sim.webUrl}/archivist/search?hetu=${encodeURIComponent(hetu)}&reason=training`);
        await page.waitForSelector('#results .timeline-item');
        await page.locator('#results .timeline-item a[href^="/archivist/documents/"]').first().click();
        await page.waitForSelector('#doc-title');
      }
      trainer = (await chromium.person()).page;
      await signIn(trainer, sim.webUrl, account.username, account.password);
      await trainer.goto(`${sim.webUrl}/archivist/classroom`);
      await trainer.waitForSelector('table.trainees');
      expect(await trainer.locator('[data-signed-in="yes"]').count()).toBeGreaterThanOrEqual(2);
      await shot(trainer, '20-classroom-console', true);
    });

    it('the sign-in cards', async () => {
      await trainer.goto(`${sim.webUrl}/archivist/classroom/cards`);
      await trainer.waitForSelector('article.sign-in-card');
      expect(await trainer.locator('article.sign-in-card').count()).toBe(3);
      await shot(trainer, '21-sign-in-cards');
    });

    it('the presenter view, following the trainer to the search results and a document', async () => {
      const { trainer: account } = await sim.running.classroom.service.accounts();
      const projector = (await chromium.person()).page;
      // A projector's full-HD screen: the large type leaves room for the content below the presenter bar.
      await projector.setViewportSize({ width: 1920, height: 1080 });
      await signIn(projector, sim.webUrl, account.username, account.password);
      await projector.goto(`${sim.webUrl}/archivist/presenter`);
      await projector.waitForSelector('html.presenter[data-presenter="following"]');
      await trainer.goto(`${sim.webUrl}/archivist/search?hetu=${encodeURIComponent(AINO)}&reason=training`);
      await trainer.waitForSelector('#results .timeline-item');
      await projector.waitForSelector('#results .timeline-item');
      expect(await projector.locator('body').textContent()).not.toContain(AINO);

      const [doc] = await sim.running.store.listDocuments({ registerOids: [sandboxOid(1)], hetu: AINO });
      await trainer.goto(`${sim.webUrl}/archivist/documents/${encodeURIComponent(doc?.id ?? '')}`);
      await trainer.waitForSelector('#doc-title');
      await projector.waitForSelector('#doc-title');
      expect(await projector.locator('body').textContent()).not.toContain(AINO);
      // The README's picture and the presenter page's: the document, the presenter bar and the masked hetu.
      await shot(projector, '22-presenter-view');
      await shot(projector, 'presenter-view');
    });
  },
);
