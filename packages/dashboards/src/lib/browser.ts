// A page of the site in headless Chromium the way a reader gets it: every console error and every
// request that would leave the machine recorded, done when Framework has rendered every cell.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export async function launchBrowser(executablePath: string): Promise<Browser> {
  return puppeteer.launch({
    executablePath,
    headless: true,
    // As root (CI, containers) Chromium's sandbox cannot start; the pages are our own.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none', '--hide-scrollbars'],
  });
}

export interface Visit {
  page: Page;
  consoleErrors: string[];
  /** Requests to anything but the site's own host (fonts, CDNs, telemetry …). */
  outsideRequests: string[];
}

const LOCAL = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a request stays on this machine (data: and blob: URLs never leave it). */
export function isLocalRequest(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'data:' || parsed.protocol === 'blob:' || LOCAL.has(parsed.hostname);
}

export async function visit(browser: Browser, url: string, viewport = { width: 1280, height: 900 }): Promise<Visit> {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const consoleErrors: string[] = [];
  const outsideRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error instanceof Error ? error.message : String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400) consoleErrors.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('requestfailed', (request) => consoleErrors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (isLocalRequest(request.url())) {
      void request.continue();
    } else {
      outsideRequests.push(request.url());
      void request.abort();
    }
  });
  await page.goto(url, { waitUntil: 'networkidle0', timeout: 30_000 });
  await rendered(page);
  return { page, consoleErrors, outsideRequests };
}

/** Framework shows <observablehq-loading> until a cell has its value; then two frames for Plot to draw. */
export async function rendered(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('observablehq-loading').length === 0, { timeout: 30_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}
