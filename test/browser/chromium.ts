/**
 * Debian's chromium driven by playwright-core, for the archivist interface's browser tests: headless, no
 * network of its own (no background services, updates, sync or QUIC), a fresh profile per run, 1280x800.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH } from '../support/requirements.js';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'kanta-sim-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'fi-FI',
    timezoneId: 'Europe/Helsinki',
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Where screenshots go: docs/screenshots when UPDATE_SCREENSHOTS=1 (to commit), else a temp directory. */
export async function screenshotDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    return { dir: path.resolve('docs/screenshots'), cleanup: async () => undefined };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kanta-sim-shots-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
