// Shared by the browser tests and the benchmark: a static server for www/ (with extra pages),
// and headless Debian Chromium driven by playwright-core, quiet on the network.

import { chromium } from 'playwright-core';
import { serve } from '../../www/serve.mjs';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Starts the server on a free port; `pages` maps paths to `{body, headers}`. */
export async function startServer(pages = {}) {
  const server = await serve({ port: 0, pages });
  const { port } = server.address();
  return { server, origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** A new page that records every request URL and every console message. */
export async function open(browser, url, viewport = { width: 1100, height: 900 }) {
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(10_000);
  const requests = [];
  const messages = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => messages.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => messages.push({ type: 'pageerror', text: String(e) }));
  await page.goto(url);
  return { page, requests, messages };
}

/** An HTML page that loads factmark (from www/dist, or www/dist-full) with the given script attributes. */
export function pageWith(body, { head = '', attrs = '', dist = 'dist' } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>test</title><link rel="icon" href="data:,">${head}
<script src="/${dist}/factmark.js" defer ${attrs}></script></head><body>${body}</body></html>`;
}
