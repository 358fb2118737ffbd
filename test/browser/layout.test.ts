import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORY_CLIENT } from '../archivist/support.js';
import { CHROMIUM } from '../support/requirements.js';
import { startKantaSim, type KantaSimInstance } from '../support/sim.js';
import { launchChromium, screenshotDir, type Browser } from './chromium.js';
import { archiveLongStory, fillUsageLog, startRehearsal, type LongStory } from './layout-story.js';
import { headingAfterJump, pageOverflow, seriousAxeFindings, tableFits } from './page-audit.js';

/**
 * Every archivist page, filled with long realistic content, at the two widths a projector or a laptop
 * gives (1024 and 1280 px) and in both contrast modes: the page never scrolls sideways, wide tables scroll
 * inside a labelled region of their own, anchored headings stay visible below the sticky section menu, and
 * axe-core finds nothing serious or critical.
 */
const WIDTHS = [1024, 1280] as const;
const CONTRASTS = ['off', 'on'] as const;
/** The document page's sections, each a target of the sticky section menu. */
const SECTION_IDS = [
  'display-form',
  'structured',
  'metadata',
  'signatures',
  'history',
  'compare',
  'invalidate',
  'access-log',
] as const;
/** The tables that may be wider than their card, and so must scroll in a labelled region. */
const WIDE_TABLES = 'table.diff, table.usage-log, table.checklist';

describe.skipIf(!CHROMIUM.available)(
  'the archivist pages fit and are accessible',
  { timeout: 300_000 },
  () => {
    let sim: KantaSimInstance;
    let browser: Browser;
    let page: Page;
    let story: LongStory;
    let rehearsalPath: string;
    let shots: { dir: string; cleanup: () => Promise<void> };
    const url = (p: string) => `${sim.webUrl}${p}`;
    const documentPath = (id: string) => `/archivist/documents/${encodeURIComponent(id)}`;
    const searchPath = `/archivist/search?hetu=${encodeURIComponent(STORY_CLIENT.hetu)}&reason=deployment-test`;

    /** Each page and how to reach it; the invalidation's confirmation is a POST, so it is reached by its form. */
    const PAGES: readonly { name: string; open: () => Promise<unknown> }[] = [
      { name: 'search, empty', open: () => page.goto(url('/archivist/search')) },
      {
        name: 'search, purpose missing',
        open: () => page.goto(url(`/archivist/search?hetu=${encodeURIComponent(STORY_CLIENT.hetu)}`)),
      },
      { name: 'search results', open: () => page.goto(url(searchPath)) },
      { name: 'document with a version diff', open: () => openDocument(story.planV2.id) },
      { name: 'client note with many entries', open: () => openDocument(story.note.id) },
      {
        name: 'purpose form with its errors',
        // Posted without a reason, the form answers itself again with the error on its field, whatever the
        // session has already stated for the client.
        open: async () => {
          await page.goto(url(searchPath));
          await page.evaluate(
            (action) => {
              const csrf = document.querySelector<HTMLInputElement>('input[name=csrf]')?.value ?? '';
              const form = document.createElement('form');
              form.method = 'post';
              form.action = action;
              form.innerHTML = `<input name="csrf" value="${csrf}"><input name="reason" value="">`;
              document.body.appendChild(form);
              form.submit();
            },
            `${documentPath(story.planV2.id)}/purpose`,
          );
          await page.waitForSelector('#purpose-form #reason[aria-invalid="true"]');
        },
      },
      {
        name: 'invalidation confirmation',
        open: async () => {
          await page.goto(url(documentPath(story.assessment.id)));
          await page.fill('#invalidate-reason', 'Kirjattu väärälle asiakkaalle; oikea asiakas selvitetään.');
          await page.click('#invalidate-continue');
          await page.waitForSelector('#invalidate-confirm');
        },
      },
      { name: 'usage log', open: () => page.goto(url('/archivist/usage-log')) },
      { name: 'error page', open: () => page.goto(url(documentPath('1.2.246.10.999.95.2026.unknown'))) },
      { name: 'deployment-test list', open: () => page.goto(url('/archivist/deployment-tests')) },
      {
        name: 'rehearsal',
        open: async () => {
          await page.goto(url(rehearsalPath));
          await page.waitForSelector('table.checklist');
        },
      },
    ];

    /** A document's page, never the purpose form: the session may be new, so the purpose is stated first. */
    async function openDocument(id: string): Promise<void> {
      await page.goto(url(searchPath));
      await page.goto(url(documentPath(id)));
      await page.waitForSelector('#history');
    }

    /** The rehearsal's purpose of use, stated on the form its page asks with (the deployment test is preselected). */
    async function stateRehearsalPurpose(): Promise<void> {
      await page.goto(url(rehearsalPath));
      if ((await page.locator('#purpose-form').count()) > 0) {
        await page.click('#purpose-form button[type=submit]');
      }
      await page.waitForSelector('table.checklist');
    }

    const prefer = (query: string) => page.goto(url(`/archivist/prefs?${query}&next=/archivist/search`));

    /** What is wrong with the page as it is on screen now: overflow, unlabelled wide tables, axe findings. */
    async function problemsOnPage(): Promise<string[]> {
      const problems: string[] = [];
      const overflow = await pageOverflow(page);
      if (overflow.scrollWidth > overflow.clientWidth) {
        problems.push(
          `page is ${overflow.scrollWidth}px wide in ${overflow.clientWidth}px: ${overflow.culprits.join(', ')}`,
        );
      }
      for (const fit of await tableFits(page, WIDE_TABLES)) {
        const r = fit.region;
        if (!r || !r.label || r.tabindex !== '0' || !['auto', 'scroll'].includes(r.overflowX)) {
          problems.push(
            `table.${fit.table} is not in a labelled, focusable scroll region: ${JSON.stringify(r)}`,
          );
        }
        if (fit.clippedCells > 0) {
          problems.push(`table.${fit.table} clips ${fit.clippedCells} cells`);
        }
      }
      for (const f of await seriousAxeFindings(page)) {
        problems.push(`axe ${f.impact} ${f.rule} (${f.help}): ${f.targets.slice(0, 3).join(' | ')}`);
      }
      return problems;
    }

    beforeAll(async () => {
      sim = await startKantaSim();
      story = await archiveLongStory(sim);
      browser = await launchChromium();
      page = await browser.context.newPage();
      shots = await screenshotDir();
      await page.goto(url('/archivist/login'));
      await page.click('#demo-sign-in');
      await page.waitForURL(/\/archivist\/search/);
      await fillUsageLog(page, sim.webUrl, story);
      rehearsalPath = await startRehearsal(page, sim);
      await stateRehearsalPurpose();
      // Seeding opens some thirty pages; on a busy machine that outlasts the default hook timeout.
    }, 180_000);
    afterAll(async () => {
      await browser?.close();
      await sim?.stop();
      await shots?.cleanup();
    });

    for (const target of PAGES) {
      it(`${target.name}: fits at 1024 and 1280 px in both contrast modes, 0 serious axe findings`, async () => {
        const problems: string[] = [];
        for (const contrast of CONTRASTS) {
          await prefer(`contrast=${contrast}`);
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: 800 });
            await target.open();
            for (const p of await problemsOnPage()) {
              problems.push(`${width}px, contrast ${contrast}: ${p}`);
            }
          }
        }
        await prefer('contrast=off');
        expect(problems).toEqual([]);
      });
    }

    it('sign-in page: fits and has 0 serious axe findings, signed out', async () => {
      const problems: string[] = [];
      await browser.context.clearCookies();
      for (const contrast of CONTRASTS) {
        await page.goto(url(`/archivist/prefs?contrast=${contrast}&next=/archivist/login`));
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          await page.goto(url('/archivist/login'));
          for (const p of await problemsOnPage()) {
            problems.push(`${width}px, contrast ${contrast}: ${p}`);
          }
        }
      }
      await page.goto(url('/archivist/prefs?contrast=off&next=/archivist/login'));
      await page.click('#demo-sign-in');
      await page.waitForURL(/\/archivist\/search/);
      // A new session: the purposes of use are asked again.
      await page.goto(url(searchPath));
      await stateRehearsalPurpose();
      expect(problems).toEqual([]);
    });

    it('proves the audit can fail: a planted unlabelled field and a page-wide table are found', async () => {
      await page.setViewportSize({ width: 1024, height: 800 });
      await page.goto(url('/archivist/search'));
      await page.evaluate(() => {
        const main = document.getElementById('main');
        main?.appendChild(document.createElement('input'));
        const wide = document.createElement('div');
        wide.style.width = '2000px';
        wide.textContent = 'x';
        main?.appendChild(wide);
      });
      expect((await seriousAxeFindings(page)).map((f) => f.rule)).toContain('label');
      expect((await pageOverflow(page)).scrollWidth).toBeGreaterThan(1024);
    });

    it('keeps each anchored heading below the sticky section menu', async () => {
      const hidden: string[] = [];
      for (const contrast of CONTRASTS) {
        await prefer(`contrast=${contrast}`);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          await openDocument(story.planV2.id);
          for (const id of SECTION_IDS) {
            const { headingTop, navBottom } = await headingAfterJump(page, id);
            if (headingTop < navBottom) {
              hidden.push(`${width}px contrast ${contrast}: #${id} h2 at ${headingTop} under ${navBottom}`);
            }
          }
        }
      }
      await prefer('contrast=off');
      expect(hidden).toEqual([]);
    });

    it('fits the version diff and the usage log without sideways scrolling at 1280 px', async () => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await openDocument(story.planV2.id);
      const diffs = await tableFits(page, 'table.diff');
      expect(diffs.length).toBeGreaterThan(0);
      for (const d of diffs) {
        expect(d.tableWidth).toBeLessThanOrEqual(d.regionWidth);
      }
      await page.goto(url('/archivist/usage-log'));
      const [log] = await tableFits(page, 'table.usage-log');
      expect(log?.tableWidth).toBeLessThanOrEqual(log?.regionWidth ?? 0);
    });

    it('ties the missing purpose of use to its field and moves focus there', async () => {
      await page.goto(url('/archivist/search'));
      await page.fill('#hetu', STORY_CLIENT.hetu);
      await page.selectOption('#reason', '');
      await page.click('form[role=search] button[type=submit]');
      await page.waitForSelector('[aria-invalid="true"]');
      expect(await page.getAttribute('#reason', 'aria-invalid')).toBe('true');
      const describedBy = (await page.getAttribute('#reason', 'aria-describedby')) ?? '';
      const descriptions = await Promise.all(
        describedBy.split(/\s+/).map((id) => page.locator(`#${id}`).textContent()),
      );
      expect(descriptions.join(' ')).toContain('Valitse käyttötarkoitus');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('reason');
      expect(await page.getAttribute('#hetu', 'aria-invalid')).toBeNull();
    });

    it('moves focus to the results heading after a search, so that the count is read out', async () => {
      await page.goto(url('/archivist/search'));
      await page.fill('#hetu', STORY_CLIENT.hetu);
      await page.selectOption('#reason', 'deployment-test');
      await page.click('form[role=search] button[type=submit]');
      await page.waitForSelector('#results-title');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('results-title');
      expect(await page.getAttribute('#results-title', 'tabindex')).toBe('-1');
    });

    it('captions the version diff tables', async () => {
      await openDocument(story.planV2.id);
      const captions = await page.locator('table.diff caption').allTextContents();
      expect(captions.length).toBe(await page.locator('table.diff').count());
      expect(captions.every((c) => c.trim().length > 0)).toBe(true);
    });

    it('takes the Swedish document, diff and usage-log screenshots at 1280 px', async () => {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(url('/archivist/prefs?lang=sv&next=/archivist/search'));
      await openDocument(story.planV2.id);
      await page.screenshot({ path: path.join(shots.dir, '12-document-sv.png') });
      // The diff's heading just below the sticky section menu, as a jump to it shows it.
      await page.evaluate(() => {
        const heading = document.querySelector('#history table.diff')?.closest('li')?.querySelector('h4');
        const menu = document.querySelector('.section-nav')?.getBoundingClientRect().height ?? 0;
        window.scrollTo(0, (heading?.getBoundingClientRect().top ?? 0) + window.scrollY - menu - 16);
      });
      await page.screenshot({ path: path.join(shots.dir, '13-version-diff-sv.png') });
      await page.goto(url('/archivist/usage-log'));
      await page.screenshot({ path: path.join(shots.dir, '14-usage-log-sv.png') });
      await page.goto(url('/archivist/prefs?lang=fi&next=/archivist/search'));
      const overflow = await pageOverflow(page);
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
    });
  },
);
