// The demo page (www/index.html): its highlights, the popover by click and by keyboard,
// the panel, the paste box, and a screenshot in test-results/demo.png to look at.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, open, startServer } from './harness.mjs';

const RESULTS = new URL('../../test-results/', import.meta.url);

async function screenshot(page, name) {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: new URL(name, RESULTS).pathname });
}

let server;
let browser;
let demo;

before(async () => {
  server = await startServer();
  browser = await launch();
  demo = await open(browser, `${server.origin}/`);
  assert.equal(await demo.page.evaluate(() => window.factmark.ready), true);
});

after(async () => {
  await browser.close();
  await server.close();
});

const claim = (page, text) => page.evaluate((text) => window.factmark.claims.find((c) => c.text === text), text);

// The centre of a claim's first painted box, in viewport coordinates.
async function centreOf(page, text) {
  return page.evaluate((text) => {
    for (const [, highlight] of CSS.highlights) {
      for (const range of highlight) {
        if (range.toString() !== text) continue;
        range.startContainer.parentElement.scrollIntoView({ block: 'center' });
        const box = range.getClientRects()[0];
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
    }
    return null;
  }, text);
}

describe('the demo page', () => {
  test('highlights the sample article’s claims with the contract’s values', async () => {
    const { page } = demo;
    const monday = await claim(page, 'Monday');
    assert.deepEqual(monday && monday.value, { start: '2025-02-10', end: '2025-02-10', timex: '2025-02-10' });
    const troops = await claim(page, 'More than 20,000');
    assert.deepEqual(troops && troops.value, { low: 20000, high: null, unit: 'personnel' });
    assert.equal((await claim(page, 'Norway'))?.value, 'NO');
    assert.equal((await claim(page, 'Helsinki'))?.value?.country, 'FI');
    const names = await page.evaluate(() => [...CSS.highlights.keys()].sort());
    assert.deepEqual(names, ['factmark-country', 'factmark-date', 'factmark-place', 'factmark-quantity']);
  });

  test('a click opens the popover with the resolved value; Escape closes it', async () => {
    const { page } = demo;
    const at = await centreOf(page, 'Monday');
    assert.ok(at, 'Monday is painted');
    await page.mouse.click(at.x, at.y);
    const popover = page.locator('factmark-ui .popover');
    assert.equal(await popover.isVisible(), true);
    assert.equal(await popover.locator('.value').textContent(),
      'Monday 10 February 2025 — “Monday” read against the publication date, 12 February 2025');
    assert.equal(await popover.locator('.badge').textContent(), 'Date');
    const active = await page.evaluate(() => [...CSS.highlights.get('factmark-active')].map(String));
    assert.deepEqual(active, ['Monday']);
    await screenshot(page, 'demo.png');
    await page.keyboard.press('Escape');
    assert.equal(await popover.isVisible(), false);
    assert.equal(await page.evaluate(() => CSS.highlights.has('factmark-active')), false);
  });

  test('a tap on a phone opens the popover', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true });
    const page = await phone.newPage();
    await page.goto(`${server.origin}/`);
    assert.equal(await page.evaluate(() => window.factmark.ready), true);
    const at = await centreOf(page, 'Norway');
    await page.touchscreen.tap(at.x, at.y);
    const popover = page.locator('factmark-ui .popover');
    assert.equal(await popover.isVisible(), true);
    assert.equal(await popover.locator('.value').textContent(), 'Norway (NO)');
    const box = await popover.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, 'the popover fits the screen');
    await phone.close();
  });

  test('a click elsewhere opens nothing', async () => {
    const { page } = demo;
    const box = await page.locator('h1').boundingBox();
    await page.mouse.click(box.x + 5, box.y + 5);
    assert.equal(await page.locator('factmark-ui .popover').isVisible(), false);
  });

  test('the keyboard opens the panel, a claim’s popover, and Escape returns focus', async () => {
    const { page } = demo;
    const toggle = page.locator('factmark-ui .toggle');
    await toggle.focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('factmark-ui .panel');
    assert.equal(await panel.isVisible(), true);
    const claims = await page.evaluate(() => window.factmark.claims);
    assert.equal(await panel.locator('li button').count(), claims.length);
    const troops = panel.locator('li button', { hasText: 'More than 20,000' });
    await troops.focus();
    await page.keyboard.press('Enter');
    const popover = page.locator('factmark-ui .popover');
    assert.equal(await popover.isVisible(), true);
    assert.equal(await popover.locator('.value').textContent(), 'at least 20,000 military personnel');
    const focusInPopover = await page.evaluate(() => {
      const root = document.querySelector('factmark-ui').shadowRoot;
      return root.activeElement && root.activeElement.classList.contains('popover');
    });
    assert.equal(focusInPopover, true);
    await screenshot(page, 'demo-panel.png');
    await page.keyboard.press('Escape');
    assert.equal(await popover.isVisible(), false);
    const back = await page.evaluate(() => document.querySelector('factmark-ui').shadowRoot.activeElement?.textContent);
    assert.match(back, /^More than 20,000/);
    await page.keyboard.press('Escape');
    assert.equal(await panel.isVisible(), false);
  });

  test('the paste box highlights pasted text as text, read against its date', async () => {
    const { page } = demo;
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      d.dismiss();
    });
    await page.fill('#paste-text', 'On Friday <img src=x onerror=alert(1)> 3,000 troops left Warsaw.\n\nPoland said <b>nothing</b>.');
    await page.fill('#paste-date', '2022-01-10');
    await page.click('#paste button[type=submit]');
    await page.waitForFunction(() => window.factmark.claims.some((c) => c.text === 'Warsaw'));
    const friday = await claim(page, 'Friday');
    assert.deepEqual([friday.value.start, friday.value.end], ['2022-01-07', '2022-01-07']);
    const article = await page.evaluate(() => ({ images: document.querySelectorAll('#story img, #story b').length, text: document.querySelector('#story').textContent }));
    assert.equal(article.images, 0);
    assert.match(article.text, /<img src=x onerror=alert\(1\)>/);
    assert.equal(dialogs, 0);
    await page.click('#paste-reset');
    await page.waitForFunction(() => window.factmark.claims.some((c) => c.text === 'Helsinki'));
    assert.equal((await claim(page, 'Monday')).value.start, '2025-02-10');
  });

  test('no request leaves for another origin', () => {
    assert.deepEqual(demo.requests.filter((url) => !url.startsWith(`${server.origin}/`)), []);
    assert.deepEqual(demo.messages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
  });
});
