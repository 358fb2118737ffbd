/**
 * What the layout and accessibility tests check on a page in chromium: axe-core's rules (run inside the page
 * from the installed package, nothing downloaded), horizontal overflow, wide tables kept in labelled scroll
 * regions, and anchored headings left visible below the sticky section menu.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

let axeSource: Promise<string> | undefined;

/** axe-core's browser build, read once. */
function loadAxe(): Promise<string> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

export interface AxeFinding {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  /** CSS selectors of the offending elements. */
  readonly targets: readonly string[];
}

/**
 * The serious and critical violations axe-core finds on the page as it is now. The source is evaluated
 * through the DevTools protocol, which the page's CSP (script-src 'self') does not govern, so the page runs
 * under its real policy. The display form's frame is not audited: it is the client system's document, shown
 * sandboxed without script, and not ours to fix.
 */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  const source = await loadAxe();
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) {
    await page.evaluate(source);
  }
  return page.evaluate(async () => {
    type Violation = {
      id: string;
      impact?: string | null;
      help: string;
      nodes: { target: unknown[] }[];
    };
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { iframes: false, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.map((n) => n.target.map(String).join(' ')),
      }));
  });
}

export interface Overflow {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** The outermost elements that reach past the viewport's right edge, as tag.class#id. */
  readonly culprits: readonly string[];
}

/** The page's width against the viewport's, and what sticks out when it is wider. */
export function pageOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const limit = root.clientWidth;
    const name = (el: Element): string =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${Array.from(el.classList).join('.')}` : ''}`;
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const right = el.getBoundingClientRect().right + window.scrollX;
      const parent = el.parentElement;
      const parentRight = parent ? parent.getBoundingClientRect().right + window.scrollX : 0;
      if (right > limit + 1 && parentRight <= limit + 1) {
        culprits.push(name(el));
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: limit, culprits: culprits.slice(0, 10) };
  });
}

/**
 * What sticks out of its own box: for every element matching `selector`, the descendants whose right
 * edge reaches past the box's, as "box > tag.class" (a grid column that cannot shrink pushes the last
 * one out, e.g. a badge at the presenter's large type).
 */
export function boxOverflows(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const name = (el: Element): string =>
      `${el.tagName.toLowerCase()}${el.classList.length ? `.${Array.from(el.classList).join('.')}` : ''}`;
    const out: string[] = [];
    for (const box of Array.from(document.querySelectorAll(sel))) {
      const right = box.getBoundingClientRect().right;
      for (const el of Array.from(box.querySelectorAll('*'))) {
        if (el.getBoundingClientRect().right > right + 1) {
          out.push(`${name(box)} > ${name(el)}`);
        }
      }
    }
    return [...new Set(out)];
  }, selector);
}

export interface TableFit {
  readonly table: string;
  /** The nearest scroll region around the table: role, accessible name, tabindex, overflow-x. */
  readonly region?: { role: string; label: string; tabindex: string; overflowX: string };
  readonly tableWidth: number;
  readonly regionWidth: number;
  /** Cells whose content is wider than the cell (clipped). */
  readonly clippedCells: number;
}

/** Each table matching `selector`: the region it scrolls in, and whether it fits it. */
export function tableFits(page: Page, selector: string): Promise<TableFit[]> {
  return page.evaluate((sel) => {
    return Array.from(document.querySelectorAll('table'))
      .filter((table) => table.matches(sel))
      .map((table) => {
        const region = table.closest('[role="region"]');
        const labelledBy = region?.getAttribute('aria-labelledby');
        const label =
          region?.getAttribute('aria-label') ??
          (labelledBy ? (document.getElementById(labelledBy)?.textContent ?? '') : '');
        const clipped = Array.from(table.querySelectorAll('td, th')).filter(
          (cell) => cell.scrollWidth > cell.clientWidth + 1,
        ).length;
        return {
          table: table.className,
          region: region
            ? {
                role: region.getAttribute('role') ?? '',
                label: label.trim(),
                tabindex: region.getAttribute('tabindex') ?? '',
                overflowX: getComputedStyle(region).overflowX,
              }
            : undefined,
          tableWidth: table.getBoundingClientRect().width,
          regionWidth: region ? region.clientWidth : 0,
          clippedCells: clipped,
        };
      });
  }, selector);
}

/**
 * Jumps to `#id` as a click on the section menu would, and answers where the section's heading lands
 * against the bottom of the sticky menu (both in viewport pixels).
 */
export async function headingAfterJump(
  page: Page,
  id: string,
): Promise<{ headingTop: number; navBottom: number }> {
  await page.evaluate((target) => {
    window.location.hash = '';
    window.location.hash = target;
  }, id);
  return page.evaluate((target) => {
    const heading = document.querySelector(`#${target} h2`);
    const nav = document.querySelector('.section-nav');
    return {
      headingTop: heading?.getBoundingClientRect().top ?? -1,
      navBottom: nav?.getBoundingClientRect().bottom ?? 0,
    };
  }, id);
}
