import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); .ci/run installs it. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Without these, Chromium tries Google's hosts at start, which this closed network refuses. */
const QUIET_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The tags and operations (`METHOD /path`) Swagger UI renders at `url`, read from the page. */
export async function swaggerUiOperations(url: string): Promise<{ tags: string[]; operations: string[] }> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: QUIET_FLAGS });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector('.opblock-tag', { timeout: 20_000 });
    const tags = await page.$$eval('.opblock-tag', (els) => els.map((el) => el.getAttribute('data-tag') ?? ''));
    const operations = await page.$$eval('.opblock', (els) =>
      els.map((el) => {
        const method = el.querySelector('.opblock-summary-method')?.textContent?.trim() ?? '';
        const path = el.querySelector('.opblock-summary-path')?.getAttribute('data-path') ?? el.querySelector('.opblock-summary-path')?.textContent?.trim() ?? '';
        return `${method} ${path}`;
      }),
    );
    return { tags, operations };
  } finally {
    await browser.close();
  }
}
