/**
 * One chromium with as many separate browser contexts as a class needs (each its own cookies, so each its own
 * signed-in archivist), with the settings of chromium.ts: headless, no network of its own, 1280x800, Finnish
 * locale and Helsinki time.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../support/requirements.js';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface Classroom {
  /** A fresh context (its own cookie jar) with one page. */
  person(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function launchClassroom(): Promise<Classroom> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
  });
  return {
    person: async () => {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale: 'fi-FI',
        timezoneId: 'Europe/Helsinki',
      });
      return { context, page: await context.newPage() };
    },
    close: () => browser.close(),
  };
}

/** Signs in with a username and password on the archivist interface's sign-in page. */
export async function signIn(page: Page, webUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${webUrl}/archivist/login`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('form:has(#username) button[type=submit]');
  await page.waitForURL(/\/archivist\/search/);
}
