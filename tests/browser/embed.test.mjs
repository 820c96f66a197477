// The embed on plain pages with only the script tag: highlights, claims split across
// elements, late content, destroy(), running twice, the <mark> fallback, markup-like text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, pageWith, startServer } from './harness.mjs';

// id="factmark" on purpose: the element it names on `window` must not pass for a running copy.
const STORY = `<article id="factmark"><h1>Talks stall</h1>
<p>Up to 100,<b>000</b> troops were deployed along the border on Monday, officials in Kyiv said.</p>
<p>Russia denied the report.</p></article>`;

const XSS = `<article><p>On Monday &lt;img src=x onerror="window.__pwned=1"&gt; 5,000 troops reached Kyiv &lt;script&gt;window.__pwned=2&lt;/script&gt;.</p></article>`;

const TALKS = '<p>Talks began on Monday in Geneva.</p>';
const JSON_LD = '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2022-01-12T23:30:00-05:00"}]}</script>';
// Where the publication date comes from, and the Monday it makes of "began on Monday".
const DATED = {
  '/date-jsonld.html': [pageWith(`<article>${TALKS}</article>`, { head: JSON_LD }), '2022-01-10'],
  '/date-meta.html': [pageWith(`<article>${TALKS}</article>`, { head: '<meta property="article:published_time" content="2022-01-19T10:00:00Z">' }), '2022-01-17'],
  '/date-itemprop.html': [pageWith(`<article><meta itemprop="datePublished" content="2022-01-26">${TALKS}</article>`), '2022-01-24'],
  '/date-time.html': [pageWith(`<article><header><h1>Talks</h1><time datetime="2022-02-02">2 Feb</time></header>${TALKS}</article>`), '2022-01-31'],
  '/date-site.html': [pageWith(`<article>${TALKS}</article>`, { head: JSON_LD, attrs: 'data-date="2022-02-09"' }), '2022-02-07'],
};

const pages = {
  ...Object.fromEntries(Object.entries(DATED).map(([path, [body]]) => [path, { body }])),
  '/date-none.html': { body: pageWith(`<article>${TALKS}</article>`) },
  '/links.html': { body: pageWith(`<article>${TALKS}</article>`, { attrs: `data-date="2022-01-12" data-links='{"place": [["Atlas", "https://atlas.example/?q={name}&cc={code}"], ["Bad", "javascript:alert({name})"]]}'` }) },
  '/colours.html': { body: pageWith(`<article>${TALKS}</article>`, { head: '<style>:root { --factmark-date-bg: rgb(1, 2, 3); }</style>', attrs: 'data-date="2022-01-12" data-highlighter="wrap"' }) },
  '/plain.html': { body: pageWith(STORY, { attrs: 'data-date="2022-01-12"' }) },
  '/wrap.html': { body: pageWith(STORY, { attrs: 'data-date="2022-01-12" data-highlighter="wrap"' }) },
  '/xss.html': { body: pageWith(XSS, { attrs: 'data-date="2022-01-12"' }) },
  '/bare.html': { body: `<!doctype html><html><head><link rel="icon" href="data:,"></head><body>${STORY}</body></html>` },
};

let server;
let browser;
const allRequests = [];

before(async () => {
  server = await startServer(pages);
  browser = await launch();
});

after(async () => {
  await browser.close();
  await server.close();
});

async function load(path) {
  const opened = await open(browser, server.origin + path);
  allRequests.push(...opened.requests);
  assert.equal(await opened.page.evaluate(() => window.factmark.ready), true);
  return opened;
}

// Every painted range per kind (highlight `factmark-KIND`), as text.
const painted = (page) => page.evaluate(() => Object.fromEntries([...CSS.highlights]
  .map(([name, h]) => [name.replace('factmark-', ''), [...h].map((r) => r.toString())])));

describe('a page with only the script tag', () => {
  test('gets its claims highlighted, one highlight per claim', async () => {
    const { page, messages } = await load('/plain.html');
    const claims = await page.evaluate(() => window.factmark.claims);
    const texts = claims.map((c) => `${c.kind}:${c.text}`);
    for (const want of ['quantity:Up to 100,000', 'date:Monday', 'place:Kyiv', 'country:Russia']) assert.ok(texts.includes(want), `${want} in ${texts}`);
    const monday = claims.find((c) => c.text === 'Monday');
    assert.deepEqual([monday.value.start, monday.value.end], ['2022-01-10', '2022-01-10']);
    const { checkworthy = [], ...byName } = await painted(page);
    assert.equal(checkworthy.length, 0, 'sentence marks come with the full build (analysis.test.mjs), not this one');
    const paintedCount = Object.values(byName).reduce((n, list) => n + list.length, 0);
    assert.equal(paintedCount, claims.length);
    assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
    await page.close();
  });

  test('relative dates are read against the publication date the page gives', async () => {
    const wrong = [];
    for (const [path, [, monday]] of Object.entries(DATED)) {
      const { page } = await load(path);
      const claim = await page.evaluate(() => window.factmark.claims.find((c) => c.text === 'Monday'));
      if (claim?.value.start !== monday) wrong.push(`${path}: ${JSON.stringify(claim)} is not ${monday}`);
      await page.close();
    }
    assert.deepEqual(wrong, []);
  });

  test('without a publication date, today is used and the popover says so', async () => {
    const { page } = await load('/date-none.html');
    await page.evaluate(() => window.factmark.open(window.factmark.claims.findIndex((c) => c.text === 'Monday')));
    assert.match(await page.locator('factmark-ui .popover .value').textContent(), /“Monday” read against today, .* \(the page gives no publication date\)$/);
    await page.locator('factmark-ui .toggle').click();
    assert.match(await page.locator('factmark-ui .panel .note').textContent(), /^The page gives no publication date: relative dates are read against today/);
    await page.close();
  });

  test('a claim split across elements is one highlight', async () => {
    const { page } = await load('/plain.html');
    const { quantity } = await painted(page);
    assert.deepEqual(quantity.filter((t) => t.includes('100')), ['Up to 100,000']);
    const ends = await page.evaluate(() => {
      const [range] = [...CSS.highlights.get('factmark-quantity')].filter((r) => r.toString().includes('100'));
      return [range.startContainer.parentElement.localName, range.endContainer.parentElement.localName];
    });
    assert.deepEqual(ends, ['p', 'b']);
    await page.close();
  });

  test('the panel is reachable with the Tab key and lists every claim by kind', async () => {
    const { page } = await load('/plain.html');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement.localName + ' ' + document.activeElement.shadowRoot.activeElement.className);
    assert.equal(focused, 'factmark-ui toggle');
    await page.keyboard.press('Enter');
    const claims = await page.evaluate(() => window.factmark.claims);
    const panel = page.locator('factmark-ui .panel');
    assert.equal(await panel.isVisible(), true);
    assert.equal(await panel.locator('li button[data-index]').count(), claims.length);
    const headings = await panel.locator('h3:has(.badge)').allTextContents();
    const kinds = { quantity: 'Quantities', date: 'Dates', country: 'Countries', place: 'Places' };
    const expected = Object.entries(kinds)
      .map(([kind, name]) => [name, claims.filter((c) => c.kind === kind).length])
      .filter(([, n]) => n > 0)
      .map(([name, n]) => `${name}${n}`);
    assert.deepEqual(headings, expected);
    await page.keyboard.press('Escape');
    assert.equal(await panel.isVisible(), false);
    await page.close();
  });

  test('destroy() restores the DOM exactly', async () => {
    for (const highlighter of ['highlight', 'wrap']) {
      const page = await browser.newPage();
      page.on('request', (r) => allRequests.push(r.url()));
      await page.goto(server.origin + '/bare.html');
      const before = await page.evaluate((highlighter) => {
        window.nodesBefore = [];
        const walker = document.createTreeWalker(document.body);
        while (walker.nextNode()) window.nodesBefore.push(walker.currentNode);
        const script = document.createElement('script');
        script.src = '/dist/factmark.js';
        script.dataset.date = '2022-01-12';
        script.dataset.highlighter = highlighter;
        document.head.append(script);
        return document.documentElement.outerHTML;
      }, highlighter);
      await page.waitForFunction(() => window.factmark && window.factmark.ready);
      assert.equal(await page.evaluate(() => window.factmark.ready), true);
      const during = await page.evaluate(() => ({ marks: document.querySelectorAll('mark').length, claims: window.factmark.claims.length, body: document.body.innerHTML }));
      assert.ok(during.claims > 0);
      if (highlighter === 'wrap') assert.ok(during.marks >= during.claims, 'the fallback wraps text');
      else assert.equal(during.marks, 0, 'the Highlight API leaves the article alone');
      const after = await page.evaluate(() => {
        window.factmark.destroy();
        const nodes = [];
        const walker = document.createTreeWalker(document.body);
        while (walker.nextNode()) nodes.push(walker.currentNode);
        return {
          html: document.documentElement.outerHTML,
          sameNodes: nodes.length === window.nodesBefore.length && nodes.every((n, i) => n === window.nodesBefore[i]),
          highlights: CSS.highlights.size,
          sheets: document.adoptedStyleSheets.length,
        };
      });
      assert.equal(after.html, before, highlighter);
      assert.deepEqual([after.sameNodes, after.highlights, after.sheets], [true, 0, 0], highlighter);
      await page.close();
    }
  });

  test('running it twice changes nothing', async () => {
    for (const path of ['/plain.html', '/wrap.html']) {
      const { page } = await load(path);
      const state = () => page.evaluate(() => ({
        html: document.documentElement.outerHTML,
        claims: JSON.stringify(window.factmark.claims),
        painted: JSON.stringify([...CSS.highlights].map(([n, h]) => [n, [...h].map(String)])),
      }));
      const first = await state();
      await page.evaluate(() => window.factmark.refresh());
      await page.evaluate(() => window.factmark.refresh());
      assert.deepEqual(await state(), first, path);
      await page.evaluate(() => new Promise((resolve) => {
        const again = document.createElement('script');
        again.src = '/dist/factmark.js';
        again.onload = resolve;
        document.body.append(again);
      }));
      const second = await state();
      assert.equal(second.claims, first.claims);
      assert.equal(await page.evaluate(() => document.querySelectorAll('factmark-ui').length), 1);
      await page.close();
    }
  });

  test('content added later gets highlighted', async () => {
    for (const path of ['/plain.html', '/wrap.html']) {
      const { page } = await load(path);
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'On Tuesday 5,000 more soldiers arrived in Odesa from Poland.';
        document.querySelector('article').append(p);
      });
      await page.evaluate(() => window.factmark.open(0));
      await page.waitForFunction(() => window.factmark.claims.some((c) => c.text === 'Poland'));
      assert.equal(await page.locator('factmark-ui .popover').isVisible(), true, 'an open popover stays open when its claim is still there');
      const texts = await page.evaluate(() => window.factmark.claims.map((c) => c.text));
      assert.ok(texts.includes('Tuesday') && texts.includes('Up to 100,000'), texts.join('|'));
      if (path === '/wrap.html') {
        assert.ok(await page.evaluate(() => [...document.querySelectorAll('mark')].some((m) => m.textContent === 'Poland')));
      } else {
        assert.ok((await painted(page)).country.includes('Poland'));
      }
      await page.close();
    }
  });

  test('a site sets the check-it links, and only http(s) ones are shown', async () => {
    const { page } = await load('/links.html');
    await page.evaluate(() => window.factmark.open(window.factmark.claims.findIndex((c) => c.text === 'Geneva')));
    const links = await page.locator('factmark-ui .popover a').evaluateAll((as) => as.map((a) => [a.textContent, a.href, a.target, a.rel]));
    assert.deepEqual(links, [['Atlas ↗', 'https://atlas.example/?q=Geneva&cc=CH', '_blank', 'noopener noreferrer']]);
    await page.evaluate(() => window.factmark.open(window.factmark.claims.findIndex((c) => c.text === 'Monday')));
    assert.ok(await page.locator('factmark-ui .popover a').count() > 0, 'other kinds keep the defaults');
    await page.close();
  });

  test('a site sets the colours with custom properties', async () => {
    const { page } = await load('/colours.html');
    const colours = await page.evaluate(() => ['date', 'place'].map((kind) => getComputedStyle(document.querySelector(`mark[data-factmark-kind=${kind}]`)).backgroundColor));
    assert.equal(colours[0], 'rgb(1, 2, 3)');
    assert.notEqual(colours[1], 'rgb(1, 2, 3)');
    await page.close();
  });

  test('the fallback painter opens the popover on a click', async () => {
    const { page } = await load('/wrap.html');
    await page.locator('mark', { hasText: 'Kyiv' }).click();
    const popover = page.locator('factmark-ui .popover');
    assert.equal(await popover.isVisible(), true);
    assert.match(await popover.locator('.value').textContent(), /^Kyiv, Ukraine \(UA\)$/);
    await page.keyboard.press('Escape');
    assert.equal(await popover.isVisible(), false);
    await page.close();
  });

  test('markup-like article text is shown as text, never run', async () => {
    const { page } = await load('/xss.html');
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      d.dismiss();
    });
    await page.evaluate(() => window.factmark.open(window.factmark.claims.findIndex((c) => c.text === 'Monday')));
    const popover = page.locator('factmark-ui .popover');
    assert.equal(await popover.isVisible(), true);
    const hrefs = await popover.locator('a').evaluateAll((links) => links.map((a) => a.href));
    assert.ok(hrefs.length > 0 && hrefs.every((h) => h.startsWith('https://')), hrefs.join(' '));
    assert.ok(hrefs.some((h) => h.includes(encodeURIComponent('<img'))), 'the context is in the link, encoded');
    await page.locator('factmark-ui .toggle').click();
    const result = await page.evaluate(() => ({
      pwned: window.__pwned,
      images: document.querySelectorAll('img').length + document.querySelector('factmark-ui').shadowRoot.querySelectorAll('img, script').length,
    }));
    assert.deepEqual(result, { pwned: undefined, images: 0 });
    assert.equal(dialogs, 0);
    await page.close();
  });

  test('no request leaves for another origin', () => {
    assert.ok(allRequests.length > 0);
    assert.deepEqual(allRequests.filter((url) => !url.startsWith(server.origin + '/')), []);
  });
});
