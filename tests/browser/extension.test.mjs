// The browser extension (target/extension/, built by `npm run build:extension`) in headless
// Chromium, on a page whose CSP forbids WebAssembly (`script-src 'self'`, no 'wasm-unsafe-eval').
//
// How a test "clicks" the toolbar button: it cannot, so it evaluates in the service worker the
// very function the `chrome.action.onClicked` listener calls, `toggle(tab)`. A real click also
// grants `activeTab` (the right to inject into that tab); the test stands that in with a host
// permission for http://127.0.0.1/* added to a copy of the manifest — the one difference from
// the built extension.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, startServer } from './harness.mjs';

const BUILT = new URL('../../target/extension/', import.meta.url).pathname;
const STORY = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>story</title><link rel="icon" href="data:,">
<meta property="article:published_time" content="2022-01-12T08:00:00Z"></head>
<body><header><nav>Home</nav></header><main><article><h1>Troops mass on the border</h1>
<p>On Monday 40,000 troops massed near Kharkiv, Ukraine said.</p>
<p>Talks in Geneva will resume in March, officials said.</p></article></main></body></html>`;
const STRICT = { 'content-security-policy': "default-src 'self'; img-src 'self' data:; script-src 'self'" };

let server;
let context;
let worker;
let dir;
let extensionId;
let tabs = 0;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'factmark-extension-'));
  const extension = join(dir, 'extension');
  cpSync(BUILT, extension, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8'));
  writeFileSync(join(extension, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }));
  server = await startServer({
    '/story.html': { body: STORY, headers: STRICT },
    '/plain.html': { body: '<!doctype html><title>plain</title><link rel="icon" href="data:,"><div><p>Troops massed near Kharkiv on Monday.</p></div>', headers: STRICT },
  });
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`,
      '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  worker = context.serviceWorkers()[0] || (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
});

after(async () => {
  await context.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the toolbar button does, on the tab showing `url` (each test page has its own). */
function clickAction(url) {
  return worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    return toggle(tab);
  }, url);
}

async function openStory() {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const requests = [];
  const messages = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  const url = `${server.origin}/story.html?tab=${++tabs}`;
  await page.goto(url);
  return { page, url, requests, messages };
}

/** The page as the page itself sees it: markup, highlights, extra style sheets. */
const snapshot = (page) => page.evaluate(() => ({
  html: document.documentElement.outerHTML,
  highlights: CSS.highlights.size,
  sheets: document.adoptedStyleSheets.length,
}));

const setOptions = (values) => worker.evaluate((values) => chrome.storage.sync.set(values), values);

test('the built manifest asks for activeTab, scripting and storage only, and Chromium loads it without a warning', async () => {
  const manifest = JSON.parse(readFileSync(join(BUILT, 'manifest.json'), 'utf8'));
  assert.deepEqual(manifest.permissions, ['activeTab', 'scripting', 'storage']);
  assert.equal(manifest.host_permissions, undefined);
  assert.equal(manifest.content_scripts, undefined);
  assert.equal(manifest.version, JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  const page = await context.newPage();
  await page.goto('chrome://extensions');
  const info = await page.evaluate((id) => new Promise((resolve) => chrome.developerPrivate.getExtensionInfo(id, resolve)), extensionId);
  assert.deepEqual({ warnings: info.installWarnings, errors: info.manifestErrors }, { warnings: [], errors: [] });
  await page.close();
});

test('the action highlights the claims on a page whose CSP forbids wasm, in one message; again restores the page', async () => {
  await setOptions({ kinds: ['quantity', 'date', 'country', 'place'], colours: {}, date: '' });
  await worker.evaluate(() => {
    self.scanMessages = 0;
    chrome.runtime.onMessage.addListener((m) => {
      if (m && m.type === 'factmark:scan') self.scanMessages++;
    });
  });
  const { page, url, requests, messages } = await openStory();
  const pristine = await snapshot(page);
  const wasmInPage = await page.evaluate(() => WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => 'allowed', () => 'blocked'));
  assert.equal(wasmInPage, 'blocked', "the page's CSP does forbid wasm");

  const on = await clickAction(url);
  assert.equal(on.on, true);
  const texts = on.claims.map((c) => `${c.kind}:${c.text}`);
  for (const want of ['date:Monday', 'quantity:40,000', 'place:Kharkiv', 'country:Ukraine', 'place:Geneva', 'date:March']) {
    assert.ok(texts.includes(want), `${want} in ${texts.join(' | ')}`);
  }
  assert.equal(on.claims.find((c) => c.text === 'Monday').value.timex, '2022-01-10', 'read against the page’s publication date');
  assert.equal(await worker.evaluate(() => self.scanMessages), 1, 'the whole text goes in one message');
  assert.equal(await worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    return chrome.action.getBadgeText({ tabId: tab.id });
  }, url), 'on');
  const painted = await page.evaluate(() => [...CSS.highlights.keys()].sort());
  assert.deepEqual(painted, ['factmark-country', 'factmark-date', 'factmark-place', 'factmark-quantity']);
  await page.locator('factmark-ui .toggle').click();
  assert.equal(await page.locator('factmark-ui .panel').isVisible(), true, 'the panel opens');

  const off = await clickAction(url);
  assert.deepEqual(off, { on: false, claims: [] });
  assert.deepEqual(await snapshot(page), pristine);

  assert.equal((await clickAction(url)).on, true, 'and on again');
  await clickAction(url);
  assert.deepEqual(await snapshot(page), pristine);
  assert.deepEqual(requests.filter((r) => !r.startsWith(`${server.origin}/`)), [], 'the page fetched nothing more');
  const fetched = await worker.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.deepEqual(fetched.filter((r) => !r.startsWith(`chrome-extension://${extensionId}/`)), [], 'nor did the worker');
  assert.deepEqual(messages.filter((m) => /^(error|warning)/.test(m)), []);
  await page.close();
});

test('the options page changes what is shown, also while factmark is on', async () => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await setOptions({ kinds: ['quantity', 'date', 'country', 'place'], colours: {}, date: '' });
  await options.reload();
  await options.locator('#kinds input[value=place]').uncheck();
  await options.locator('#kinds input[value=country]').uncheck();
  await options.locator('#date').fill('2022-01-05');
  await options.locator('#date').dispatchEvent('change');
  await options.locator('input[data-kind=date]').fill('#ff0000');
  await options.locator('input[data-kind=date]').dispatchEvent('change');
  await options.locator('#status').filter({ hasText: 'Saved' }).waitFor();
  const stored = await worker.evaluate(() => chrome.storage.sync.get(['kinds', 'date', 'colours']));
  assert.deepEqual(stored, { kinds: ['quantity', 'date'], date: '2022-01-05', colours: { date: '#ff0000' } });

  const { page, url } = await openStory();
  const pristine = await snapshot(page);
  const on = await clickAction(url);
  assert.deepEqual([...new Set(on.claims.map((c) => c.kind))].sort(), ['date', 'quantity']);
  assert.equal(on.claims.find((c) => c.text === 'Monday').value.timex, '2022-01-03', 'read against the date set in the options');
  const colour = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--factmark-date').trim());
  assert.equal(await colour(), '#ff0000');
  await page.locator('factmark-ui .toggle').click();
  assert.match(await page.locator('factmark-ui .panel').innerText(), /January 2022 \(set in factmark’s options\)/);

  await options.locator('#kinds input[value=place]').check();
  const claims = () => worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    const [{ result }] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => globalThis.factmarkExtension.claims });
    return result.map((c) => c.kind);
  }, url);
  for (let i = 0; i < 50 && !(await claims()).includes('place'); i++) await page.waitForTimeout(100);
  assert.ok((await claims()).includes('place'), 'places appear once chosen');
  await options.locator('#reset-colours').click();
  await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--factmark-date').trim() === '');

  await clickAction(url);
  assert.deepEqual(await snapshot(page), pristine);
  await page.close();
  await options.close();
});

test('on a page without an article, the whole page is read', async () => {
  const page = await context.newPage();
  const url = `${server.origin}/plain.html`;
  await page.goto(url);
  const on = await clickAction(url);
  assert.deepEqual(on.claims.map((c) => c.text), ['Kharkiv', 'Monday']);
  await clickAction(url);
  await page.close();
});

test('a site added in the options starts factmark by itself', async () => {
  await setOptions({ kinds: ['quantity', 'date', 'country', 'place'], colours: {}, date: '', sites: [] });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('#site').fill(server.origin);
  await options.locator('#add-site button').click();
  await options.locator('#sites li').filter({ hasText: 'http://127.0.0.1' }).waitFor();
  await worker.evaluate(async () => {
    for (let i = 0; i < 50 && !(await chrome.scripting.getRegisteredContentScripts()).length; i++) await new Promise((r) => setTimeout(r, 100));
  });
  const { page } = await openStory();
  await page.waitForFunction(() => CSS.highlights.size > 0);
  await setOptions({ sites: [] });
  await page.close();
  await options.close();
});
