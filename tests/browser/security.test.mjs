// Security of the widget: it works under Trusted Types with no violation, refuses link
// templates that are not http(s), sends nothing to another origin, and its code has none of
// the string-to-code or string-to-markup sinks.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { launch, open, pageWith, startServer } from './harness.mjs';

const STORY = `<article><h1>Talks</h1><p>On Monday 40,000 troops massed near Kharkiv, Ukraine said.</p>
<p>Talks with Poland resume in March in Geneva.</p></article>`;
const TRUSTED_TYPES = "require-trusted-types-for 'script'; script-src 'self' 'wasm-unsafe-eval'";

// Records CSP violations from the first moment (init scripts are not subject to the page's CSP).
const RECORD_VIOLATIONS = () => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
};

let server;
let browser;

before(async () => {
  server = await startServer({
    '/trusted-types.html': { body: pageWith(STORY, { attrs: 'data-date="2022-01-12"' }), headers: { 'content-security-policy': TRUSTED_TYPES } },
  });
  browser = await launch();
});

after(async () => {
  await browser.close();
  await server.close();
});

test('under Trusted Types the widget highlights, opens its popover and its panel, with no violation', async () => {
  const page = await browser.newPage();
  await page.addInitScript(RECORD_VIOLATIONS);
  const messages = [];
  const requests = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push(`pageerror: ${e}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${server.origin}/trusted-types.html`);
  assert.equal(await page.evaluate(() => window.factmark.ready), true);
  const texts = await page.evaluate(() => window.factmark.claims.map((c) => c.text));
  assert.ok(texts.includes('Monday') && texts.includes('Kharkiv'), texts.join('|'));
  assert.ok(await page.evaluate(() => CSS.highlights.size) > 0);
  await page.evaluate(() => window.factmark.open(window.factmark.claims.findIndex((c) => c.text === 'Kharkiv')));
  const popover = page.locator('factmark-ui .popover');
  assert.equal(await popover.isVisible(), true);
  assert.ok(await popover.locator('a').count() > 0);
  await page.keyboard.press('Escape');
  await page.locator('factmark-ui .toggle').click();
  assert.equal(await page.locator('factmark-ui .panel').isVisible(), true);
  // Violation events are dispatched a task later.
  assert.deepEqual(await page.evaluate(() => new Promise((r) => setTimeout(() => r(window.__violations), 50))), []);
  assert.deepEqual(messages.filter((m) => /^(error|warning|pageerror)/.test(m)), []);
  assert.deepEqual(requests.filter((url) => !url.startsWith(`${server.origin}/`)), []);
  await page.close();
});

test('link templates that are not http(s) are refused in the page', async () => {
  const { page, requests } = await open(browser, `${server.origin}/trusted-types.html`);
  assert.equal(await page.evaluate(() => window.factmark.ready), true);
  const bad = ['javascript:alert({name})', 'JavaScript:alert(1)//{name}', 'data:text/html,<script>alert({name})</script>', ' javascript:void({code})', 'vbscript:{name}', '//evil.example/{name}', 'blob:{name}'];
  await page.evaluate((bad) => window.factmark.configure({
    links: Object.fromEntries(['quantity', 'date', 'country', 'place'].map((kind) => [kind, [...bad.map((url, i) => [`Bad ${i}`, url]), ['Good', 'https://example.org/?q={text}']]])),
  }), bad);
  const hrefs = [];
  for (const text of ['Monday', '40,000', 'Kharkiv', 'Poland']) {
    await page.evaluate((text) => window.factmark.open(window.factmark.claims.findIndex((c) => c.text === text)), text);
    hrefs.push(...await page.locator('factmark-ui .popover a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')])));
  }
  assert.equal(hrefs.length, 4);
  for (const [label, href] of hrefs) assert.ok(label.startsWith('Good') && href.startsWith('https://example.org/?q='), `${label} ${href}`);
  assert.deepEqual(requests.filter((url) => !url.startsWith(`${server.origin}/`)), []);
  await page.close();
});

test('no eval, Function, innerHTML, outerHTML, insertAdjacentHTML or document.write in the shell, the extension or the build', () => {
  const sources = (dir) => {
    const url = new URL(`../../${dir}/`, import.meta.url);
    return readdirSync(url).filter((f) => f.endsWith('.js')).map((f) => [`${dir}/${f}`, readFileSync(new URL(f, url), 'utf8')]);
  };
  const files = [
    ...sources('www/src'),
    ...sources('www/extension'),
    ['www/dist/factmark.js', readFileSync(new URL('../../www/dist/factmark.js', import.meta.url), 'utf8')],
  ];
  const SINKS = /\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|setTimeout\(\s*['"`]|setInterval\(\s*['"`]/;
  const found = files.filter(([, code]) => SINKS.test(code)).map(([name, code]) => `${name}: ${code.match(SINKS)[0]}`);
  assert.deepEqual(found, []);
});
