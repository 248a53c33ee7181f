/**
 * A real browser for end-to-end tests: Debian's chromium driven by playwright-core, never a browser that
 * Playwright downloads. A fresh profile per run; screenshots under test-artifacts/<app>/ (console by default).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../subgraphs/kit/config';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-artifacts', 'console');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** What a matrix cell shows: its letter and marks, drawn by CSS from data-glyph (the cell's name says it in words). */
export async function glyphs(cell: Locator): Promise<string> {
  // A cell redrawn after an edit (a round trip) may not be there yet: evaluateAll would read nothing and not wait.
  await cell.waitFor();
  return (await cell.locator('[data-glyph]').evaluateAll((els) => els.map((e) => e.getAttribute('data-glyph')))).join('');
}

export interface Browser {
  context: BrowserContext;
  /** A new tab: its own sessionStorage, so its own signed-in officer. */
  newPage(): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function launchChromium(app = 'console'): Promise<Browser> {
  const screenshots = path.join(PROJECT_ROOT, 'test-artifacts', app);
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. The console's browser tests drive Debian's chromium and never download one: ` +
        'install the Debian packages chromium and chromium-driver (apt-get install chromium chromium-driver), or set CHROMIUM_PATH.',
    );
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hdg-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, headless: true, args: ARGS, viewport: { width: 1400, height: 1000 } });
  // Only this run's pictures: a page that is no longer shot must not linger.
  fs.rmSync(screenshots, { recursive: true, force: true });
  fs.mkdirSync(screenshots, { recursive: true });
  return {
    context,
    newPage: () => context.newPage(),
    async screenshot(page, name) {
      // From the top, so that the sticky message bar sits where it belongs in a full-page picture.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
    },
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
