// Pages with a Content-Security-Policy: with 'wasm-unsafe-eval' factmark works; without it,
// the page is left untouched and one clear console message says why.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, pageWith, startServer } from './harness.mjs';

const STORY = '<main><article><p>On Monday 40,000 troops massed near Kharkiv, Ukraine said.</p></article></main>';
const csp = (policy) => ({ body: pageWith(STORY, { attrs: 'data-date="2022-01-12"' }), headers: { 'content-security-policy': policy } });

let server;
let browser;

before(async () => {
  server = await startServer({
    '/wasm-allowed.html': csp("script-src 'self' 'wasm-unsafe-eval'"),
    '/wasm-forbidden.html': csp("script-src 'self'"),
  });
  browser = await launch();
});

after(async () => {
  await browser.close();
  await server.close();
});

test("a CSP with 'wasm-unsafe-eval' lets factmark work", async () => {
  const { page, messages, requests } = await open(browser, `${server.origin}/wasm-allowed.html`);
  assert.equal(await page.evaluate(() => window.factmark.ready), true);
  const texts = await page.evaluate(() => window.factmark.claims.map((c) => c.text));
  assert.ok(texts.includes('Monday') && texts.includes('Kharkiv'), texts.join('|'));
  assert.ok(await page.evaluate(() => CSS.highlights.size) > 0);
  assert.equal(await page.locator('factmark-ui .toggle').isVisible(), true, 'the UI styles apply under the CSP');
  assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'warning'), []);
  assert.deepEqual(requests.filter((url) => !url.startsWith(`${server.origin}/`)), []);
  await page.close();
});

test("a CSP without 'wasm-unsafe-eval' leaves the page untouched, with one clear message", async () => {
  const url = `${server.origin}/wasm-forbidden.html`;
  const noScripts = await browser.newContext({ javaScriptEnabled: false });
  const pristine = await noScripts.newPage();
  await pristine.goto(url);
  const untouched = await pristine.content();
  await noScripts.close();
  const { page, messages, requests } = await open(browser, url);
  assert.equal(await page.evaluate(() => window.factmark.ready), false);
  assert.equal(await page.content(), untouched);
  const state = await page.evaluate(() => ({
    highlights: CSS.highlights.size,
    sheets: document.adoptedStyleSheets.length,
    claims: window.factmark.claims.length,
  }));
  assert.deepEqual(state, { highlights: 0, sheets: 0, claims: 0 });
  const ours = messages.filter((m) => m.text.startsWith('factmark'));
  assert.equal(ours.length, 1, JSON.stringify(messages));
  assert.equal(ours[0].type, 'error');
  assert.match(ours[0].text, /Content-Security-Policy does not allow WebAssembly.*'wasm-unsafe-eval'.*left untouched/);
  assert.deepEqual(requests.filter((url) => !url.startsWith(`${server.origin}/`)), []);
  await page.close();
});
