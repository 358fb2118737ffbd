import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presenterMessages } from '../../archivist-ui/i18n/presenter.js';
import { sandboxOid } from '../../server/classroom/sandbox-names.js';
import { AINO, SCENARIO, startClassroomSim } from '../classroom/support.js';
import type { KantaSimInstance } from '../support/sim.js';
import { CHROMIUM } from '../support/requirements.js';
import { launchChromium, type Browser } from './chromium.js';
import { boxOverflows, pageOverflow, seriousAxeFindings } from './page-audit.js';

/**
 * The presenter view in chromium: the trainer's main window in one browser, the projector's window in
 * another (each its own session); the projector follows what the main window opens, live, with hetus
 * masked until the trainer reveals them there; nothing sticks out of the results' boxes at its large type;
 * axe finds nothing serious on it.
 */
describe.skipIf(!CHROMIUM.available)('the presenter view in chromium', { timeout: 120_000 }, () => {
  const p = presenterMessages('fi');
  const MASKED = `${AINO.slice(0, 8)}***`;
  let sim: KantaSimInstance;
  let mainBrowser: Browser;
  let projectorBrowser: Browser;
  let main: Page;
  let projector: Page;

  async function signInAs(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${sim.webUrl}/archivist/login`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('form:has(#username) button[type=submit]');
    await page.waitForURL(/\/archivist\/search/);
  }

  /** Waits until the projector shows a page other than `seq`, and answers the new one's. */
  async function followed(seq: string | null): Promise<string | null> {
    await projector.waitForFunction(
      (old) => document.documentElement.getAttribute('data-presenter-seq') !== old,
      seq,
    );
    await projector.waitForSelector('html[data-presenter="following"]');
    return projector.locator('html').getAttribute('data-presenter-seq');
  }

  beforeAll(async () => {
    sim = await startClassroomSim();
    await sim.running.classroom.service.create({ trainees: 1, scenario: SCENARIO, lang: 'fi' });
    mainBrowser = await launchChromium();
    projectorBrowser = await launchChromium();
    main = await mainBrowser.context.newPage();
    projector = await projectorBrowser.context.newPage();
  });
  afterAll(async () => {
    await mainBrowser?.close();
    await projectorBrowser?.close();
    await sim?.stop();
  });

  it('follows the document the trainer opens, hetus masked, then revealed on request', async () => {
    const { trainer } = await sim.running.classroom.service.accounts();
    await signInAs(main, trainer.username, trainer.password);
    await signInAs(projector, trainer.username, trainer.password);
    await projector.goto(`${sim.webUrl}/archivist/presenter`);
    await projector.waitForSelector('html.presenter[data-presenter="following"]');
    const seq = await projector.locator('html').getAttribute('data-presenter-seq');

    const [doc] = await sim.running.store.listDocuments({ registerOids: [sandboxOid(1)], hetu: AINO });
    const href = `/archivist/documents/${encodeURIComponent(doc?.id ?? '')}`;
    await main.fill('#hetu', AINO);
    await main.selectOption('#reason', 'training');
    await main.click('button[type=submit]:has-text("Hae")');
    await main.waitForSelector(`#results a[href="${href}"]`);
    // The projector shows the results in its large type, every timeline entry whole inside its box.
    let shown = seq;
    while ((await projector.locator('#results .timeline-item').count()) === 0) {
      shown = await followed(shown);
    }
    expect(await boxOverflows(projector, '.timeline-item')).toEqual([]);
    // ...and readable: the document's own column is not squeezed to a few letters beside the phase.
    const narrowest = await projector.$$eval('.timeline-item', (items) =>
      Math.min(
        ...items.map((item) => {
          const body = item.querySelector('.timeline-body')?.getBoundingClientRect().width ?? 0;
          return body / item.getBoundingClientRect().width;
        }),
      ),
    );
    expect(narrowest).toBeGreaterThan(0.5);
    const overflow = await pageOverflow(projector);
    expect(overflow.scrollWidth, overflow.culprits.join(', ')).toBeLessThanOrEqual(overflow.clientWidth);
    await main.click(`#results a[href="${href}"]`);
    await main.waitForSelector('#doc-title');
    const title = await main.locator('#doc-title').textContent();

    while ((await projector.locator('#doc-title').count()) === 0) {
      shown = await followed(shown);
    }
    expect(await projector.locator('#doc-title').textContent()).toBe(title);
    const masked = await projector.content();
    expect(masked).toContain(MASKED);
    expect(masked).not.toContain(AINO);
    expect(await projector.locator('.presenter-bar').textContent()).toContain(p.hetusMasked);
    expect(await seriousAxeFindings(projector)).toEqual([]);

    await projector.click('#presenter-reveal');
    await projector.waitForSelector('.presenter-bar[data-revealed="yes"]');
    expect(await projector.content()).toContain(AINO);
    expect(await projector.locator('#doc-title').textContent()).toBe(title);
    expect(await seriousAxeFindings(projector)).toEqual([]);
  });
});
