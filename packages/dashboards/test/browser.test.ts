// The browser checks catch what they claim to: console errors, uncaught errors, failed loads and
// requests that would leave the machine — shown on a page made to commit each of them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocalRequest, launchBrowser, visit } from '../src/lib/browser.ts';
import { ensureChromium } from '../src/lib/chromium.ts';
import { runCommand } from '../src/lib/commands.ts';

const BAD_PAGE = `<!doctype html><html><head><link rel="icon" href="data:,">
<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Source+Serif+4">
</head><body><h1>bad</h1>
<img src="/missing.png">
<script>console.error("boom"); setTimeout(() => { throw new Error("kaput"); });</script>
</body></html>`;

let server: Server | undefined;
let url = '';
let browser: Browser | undefined;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html' }).end(BAD_PAGE);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`;
  browser = await launchBrowser(ensureChromium());
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('a visit', () => {
  it('records console errors, uncaught errors, failed loads, and blocks requests leaving the machine', async () => {
    if (!browser) throw new Error('no browser');
    const { page, consoleErrors, outsideRequests } = await visit(browser, url);
    try {
      expect(outsideRequests).toEqual(['https://fonts.googleapis.com/css2?family=Source+Serif+4']);
      expect(consoleErrors).toEqual(expect.arrayContaining(['boom', `HTTP 404 for ${url}missing.png`, 'kaput']));
      expect(consoleErrors.some((e) => e.startsWith('request failed: https://fonts.googleapis.com/'))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('counts this machine, data: and blob: as local, and anything else as leaving', () => {
    expect(['http://127.0.0.1:3000/x', 'http://localhost/x', 'http://[::1]:80/', 'data:,', 'blob:http://127.0.0.1/abc'].map(isLocalRequest)).toEqual([true, true, true, true, true]);
    expect(['https://cdn.jsdelivr.net/npm/d3', 'https://events.observablehq.com/', 'http://10.0.0.5/'].map(isLocalRequest)).toEqual([false, false, false]);
  });
});

describe('make chromium', () => {
  it('finds the browser the checks use', async () => {
    expect(await runCommand(['chromium'], process.env)).toBe(0);
  });
});
