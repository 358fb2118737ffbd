import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveSpec, caseStory, STORY_CLIENT } from '../archivist/support.js';
import { startKantaSim, type KantaSimInstance } from '../support/sim.js';
import { launchChromium, screenshotDir, type Browser } from './chromium.js';
import { CHROMIUM } from '../support/requirements.js';

/**
 * The archivist's deployment-test walk in a real browser: sign in (demo), search the test client, open a
 * document, read metadata and signatures, mark the comparison, invalidate with a reason, watch a new
 * document arrive live, and switch language. Screenshots of the main screens are taken on the way.
 */
describe.skipIf(!CHROMIUM.available)('the archivist interface in chromium', { timeout: 90_000 }, () => {
  let sim: KantaSimInstance;
  let browser: Browser;
  let page: Page;
  let shots: { dir: string; cleanup: () => Promise<void> };
  let story: ReturnType<typeof caseStory>;
  const shot = (name: string, fullPage = false) =>
    page.screenshot({ path: path.join(shots.dir, `${name}.png`), fullPage });

  beforeAll(async () => {
    sim = await startKantaSim();
    story = caseStory(sim);
    for (const spec of [story.assessment, story.planV1, story.planV2]) {
      await archiveSpec(sim, spec);
    }
    browser = await launchChromium();
    page = await browser.context.newPage();
    shots = await screenshotDir();
  });
  afterAll(async () => {
    await browser?.close();
    await sim?.stop();
    await shots?.cleanup();
  });

  it('signs in with one click in demo mode', async () => {
    await page.goto(`${sim.webUrl}/archivist`);
    await expect.poll(() => page.url()).toContain('/archivist/login');
    expect(await page.locator('h1').textContent()).toBe('Kirjaudu arkistonhoitajana');
    await shot('01-sign-in');
    await page.click('#demo-sign-in');
    await page.waitForURL(/\/archivist\/search/);
    expect(await page.locator('.user-name').textContent()).toContain('Aila Arkistonhoitaja');
  });

  it('searches the test client and shows client -> service task -> case -> timeline', async () => {
    await page.fill('#hetu', STORY_CLIENT.hetu);
    await page.selectOption('#reason', 'deployment-test');
    await page.click('button[type=submit]:has-text("Hae")');
    await page.waitForSelector('#results .timeline-item');
    expect(await page.locator('.client-heading .hetu').textContent()).toBe(STORY_CLIENT.hetu);
    expect(await page.locator('.task-group h4').first().textContent()).toContain(
      'Lapsiperheiden palvelut (24)',
    );
    const phases = await page.locator('.timeline-item .timeline-phase').allTextContents();
    expect(phases[0]).toBe('Palvelutarpeen arviointi');
    expect(phases.slice(1)).toEqual(['Asiakkuuden suunnittelu', 'Asiakkuuden suunnittelu']);
    await shot('02-search-results');
  });

  it('opens a document with its display form, metadata, signatures and version history', async () => {
    await page.click(`a[href="/archivist/documents/${encodeURIComponent(story.planV2.id)}"]`);
    await page.waitForSelector('#doc-title');
    expect(await page.locator('#doc-title').textContent()).toBe(
      'Lapsiperheiden palvelujen asiakassuunnitelma',
    );
    const row = (field: string) =>
      page.locator(`.metadata-table tr[data-field="${field}"] td`).allTextContents();
    expect(await row('clientHetu')).toContain(STORY_CLIENT.hetu);
    expect((await row('palvelutehtava')).join(' ')).toContain('Lapsiperheiden palvelut');
    expect(await row('prosessivaihe')).toEqual(['3', 'Asiakkuuden suunnittelu']);
    const signatures = page.locator('article.signature');
    expect(await signatures.count()).toBe(2);
    expect(await page.locator('tr.check-failed').count()).toBe(0);
    expect(await page.locator('tr[data-check="digests"] .result-ok').count()).toBe(2);
    expect(await page.locator('.signature .dn').first().textContent()).toMatch(/CN=/);
    const frame = page.frameLocator('iframe.display-frame');
    await expect.poll(() => frame.locator('body').textContent()).toContain('Kuvaus asiakkaan tilanteesta');
    expect(await page.locator('.diff td.after').allTextContents()).toContain(
      'Omatyöntekijä tapaa perhettä kotikäynnein viikoittain.',
    );
    await shot('03-document');
    // Through the section menu, as the archivist gets there: the heading lands below the sticky menu.
    await page.click('.section-nav a[href="#signatures"]');
    await shot('04-signatures');
    await page.click('.section-nav a[href="#history"]');
    await shot('05-version-history');
  });

  it('saves the field-by-field comparison with the document', async () => {
    await page.click('#mark-all');
    await page.uncheck('#cmp-caseId');
    await page.fill('input[name="note.caseId"]', 'Asiakastietojärjestelmässä eri asia');
    await page.fill('#compare-note', 'Käyttöönottokoe, testitapaus 1');
    await page.click('.section-nav a[href="#compare"]');
    await shot('06-compare');
    await page.click('#save-compare');
    await page.waitForSelector('#compare .alert-success');
    const record = await sim.running.archivist.getCompareRecord(story.planV2.id);
    expect(record?.fields.clientHetu).toEqual({ matches: true });
    expect(record?.fields.caseId).toEqual({ matches: false, note: 'Asiakastietojärjestelmässä eri asia' });
    expect(record?.note).toBe('Käyttöönottokoe, testitapaus 1');
    expect(await page.isChecked('#cmp-clientHetu')).toBe(true);
  });

  it('invalidates with a reason after a confirmation step, and shows who, when and why', async () => {
    await page.fill('#invalidate-reason', 'Kirjattu väärälle asiakkaalle');
    await page.click('#invalidate-continue');
    await page.waitForSelector('#invalidate-confirm');
    expect(await page.locator('.reason').textContent()).toBe('Kirjattu väärälle asiakkaalle');
    expect((await sim.running.store.getDocument(story.planV2.id))?.state).toBe('current');
    await shot('07-invalidate-confirm');
    await page.click('#invalidate-confirm');
    await page.waitForSelector('.invalidation-note');
    const note = await page.locator('.invalidation-note').first().textContent();
    expect(note).toContain('Aila Arkistonhoitaja');
    expect(note).toContain('Kirjattu väärälle asiakkaalle');
    expect((await sim.running.store.getDocument(story.planV2.id))?.state).toBe('invalidated');
  });

  it('shows a newly archived document without a reload', async () => {
    await page.goto(
      `${sim.webUrl}/archivist/search?hetu=${encodeURIComponent(STORY_CLIENT.hetu)}&reason=deployment-test`,
    );
    await page.waitForSelector('html[data-live="connected"]');
    await page.evaluate(() => {
      (window as unknown as { marker: string }).marker = 'same page';
    });
    const next = caseStory(sim, 3);
    await archiveSpec(sim, next.assessment);
    await page.waitForSelector(`#live-list li[data-document-id="${next.assessment.id}"]`);
    await page.waitForSelector(
      `#results a[href="/archivist/documents/${encodeURIComponent(next.assessment.id)}"]`,
    );
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    await shot('08-live-arrival');
  });

  it('lists the views in the usage log', async () => {
    await page.click('a[href="/archivist/usage-log"]');
    await page.waitForSelector('table.usage-log');
    const views = page.locator(`tr[data-action="view"]:has-text("${story.planV2.id}")`);
    expect(await views.count()).toBeGreaterThan(0);
    await shot('09-usage-log');
  });

  it('switches language to Swedish and English and back to Finnish', async () => {
    await page.click('a[hreflang="sv"]');
    expect(await page.locator('h1').textContent()).toBe('Logg över användning');
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    await page.click('a[hreflang="en"]');
    expect(await page.locator('h1').textContent()).toBe('Usage log');
    await page.click('a[href="/archivist/search"]');
    expect(await page.locator('h1').textContent()).toBe('Document search');
    await page.click('a[hreflang="fi"]');
    expect(await page.locator('h1').textContent()).toBe('Asiakirjahaku');
  });

  it('has a high-contrast mode for projectors', async () => {
    await page.click('a.contrast-toggle');
    expect(await page.getAttribute('html', 'class')).toBe('contrast');
    await page.goto(`${sim.webUrl}/archivist/documents/${encodeURIComponent(story.assessment.id)}`);
    await shot('10-high-contrast');
    await page.click('a.contrast-toggle');
    expect(await page.getAttribute('html', 'class')).toBeNull();
  });
});
