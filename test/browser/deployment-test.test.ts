import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestCaseMessages } from '../../server/rehearsal/generate-messages.js';
import { TestCaseLibrary } from '../../server/rehearsal/test-case.js';
import { defaultIdentityName } from '../../server/rehearsal/test-identities.js';
import { send, startKantaSim, type KantaSimInstance } from '../support/sim.js';
import { launchChromium, screenshotDir, type Browser } from './chromium.js';
import { CHROMIUM } from '../support/requirements.js';

/**
 * A deployment-test rehearsal run from the archivist interface: start it, let the client system's documents
 * arrive over the Kanta interface, watch the checklist tick, and open the report.
 */
describe.skipIf(!CHROMIUM.available)(
  'rehearsing the deployment test in chromium',
  { timeout: 90_000 },
  () => {
    const HETU = '230917A9249';
    let sim: KantaSimInstance;
    let browser: Browser;
    let page: Page;
    let shots: { dir: string; cleanup: () => Promise<void> };

    beforeAll(async () => {
      sim = await startKantaSim();
      browser = await launchChromium();
      page = await browser.context.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      shots = await screenshotDir();
    });
    afterAll(async () => {
      await browser?.close();
      await sim?.stop();
      await shots?.cleanup();
    });

    it('starts a rehearsal, ticks the checklist as documents arrive, and opens the report', async () => {
      await page.goto(`${sim.webUrl}/archivist/login`);
      await page.click('#demo-sign-in');
      await page.waitForURL(/\/archivist\/search/);
      await page.click('a[href="/archivist/deployment-tests"]');
      await page.waitForURL(/\/archivist\/deployment-tests$/);
      expect(await page.locator('h1').textContent()).toBe('Käyttöönottokoe');

      await page.selectOption('#caseName', 'lapsiperheiden-palvelut');
      await page.fill('#hetu', HETU);
      await page.click('button[type=submit]:has-text("Aloita")');
      await page.waitForURL(/\/archivist\/deployment-tests\/[^/]+$/);
      // The test client's data waits for a purpose of use: the deployment test is suggested, then confirmed.
      expect(await page.locator('#reason').inputValue()).toBe('deployment-test');
      await page.click('#purpose-form button[type=submit]');
      await page.waitForSelector('table.checklist');
      const rows = page.locator('table.checklist tbody tr');
      const expected = await rows.count();
      expect(expected).toBeGreaterThan(0);
      expect(await page.locator('[data-check="archived"] .tick.pending').count()).toBe(expected);
      expect(await page.locator('ul.missing li').count()).toBe(expected);
      // Nothing has been sent: the rehearsal waits, and there is no result to show yet.
      expect(await page.locator('[data-state]').getAttribute('data-state')).toBe('waiting');
      expect(await page.locator('[data-result]').count()).toBe(0);

      const library = new TestCaseLibrary();
      const messages = generateTestCaseMessages({
        testCase: library.get('lapsiperheiden-palvelut'),
        organisation: sim.demo.organiser,
        organiser: sim.demo.organiser,
        identity: { hetu: HETU, ...defaultIdentityName(HETU) },
        professional: sim.demo.professional,
        at: sim.running.clock.now(),
      });
      // The page listens to the live feed; each arrival re-fetches the checklist section in place. Marking the
      // section before each send and waiting for a fresh one proves the tick came without a reload, and keeps
      // one refresh in flight at a time.
      await page.waitForSelector('html[data-live="connected"]');
      for (const m of messages) {
        await page.locator('#results').evaluate((el) => el.setAttribute('data-stale', ''));
        expect((await send(sim, m.messageXml)).ack.typeCode, m.key).toBe('AA');
        await page.waitForSelector('#results:not([data-stale])');
      }
      expect(await page.locator('.missing').count()).toBe(0);
      expect(await page.locator('.unexpected').count()).toBe(0);
      expect(await page.locator('[data-check="archived"] .tick.ok').count()).toBe(expected);
      expect(await page.locator('[data-check="register"] .tick.ok').count()).toBe(expected);
      expect(await page.locator('[data-check="metadata"] .tick.ok').count()).toBe(expected);
      // Nobody has compared yet: still in progress, without a result until the archivist compares.
      expect(await page.locator('[data-state]').getAttribute('data-state')).toBe('in-progress');
      expect(await page.locator('[data-result]').count()).toBe(0);
      // Written to docs/screenshots only with UPDATE_SCREENSHOTS=1 (see chromium.ts), else to a temp dir.
      await page.screenshot({ path: path.join(shots.dir, '11-deployment-test.png') });

      const pdfHref = await page.locator('a[href$="/report.pdf"]').getAttribute('href');
      const pdf = await page.request.get(`${sim.webUrl}${pdfHref}`);
      expect(pdf.headers()['content-type']).toBe('application/pdf');

      await page.click('a[href$="/report.html"]');
      await page.waitForURL(/report\.html$/);
      const report = await page.locator('body').textContent();
      expect(report).toContain('Demokylän hyvinvointialue');
      expect(report).toContain(messages[messages.length - 1]!.documentId);

      // Finishing keeps the verdict as it stands: nothing was compared, so it fails, and says who finished it.
      await page.goBack();
      await page.click('#finish-rehearsal');
      await page.waitForSelector('[data-state="finished"]');
      expect(await page.locator('[data-result]').getAttribute('data-result')).toBe('failed');
      expect(await page.locator('#finish-rehearsal').count()).toBe(0);
      expect(await page.locator('ol.findings li[data-kind="not-compared"]').count()).toBe(expected);
    });
  },
);
