// What the widget shows beyond highlights: check-worthy sentences in the panel, findings in
// the popover and the panel, a country's facts, and the exports (Web Annotations that
// re-anchor, a ClaimReview copied from the popover).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, pageWith, startServer } from './harness.mjs';

// Written for this test; the weekday is wrong on purpose (11 January 2022 was a Tuesday), and
// so is the second count of the same troops.
const ARTICLE = `<article><h1>Harbour talks resume in Oslo</h1>
<p>Negotiators met on Monday, Jan. 11, 2022, in Geneva to settle the harbour dispute.</p>
<p>Norway has 4,000 troops at the border, the defence ministry said, a rise of 25% on last year.</p>
<p>What a lovely morning it was.</p>
<p>Canada sent two observers to Geneva. Later, the ministry said Norway has 5,500 troops at the border.</p></article>`;

let server;
let browser;

before(async () => {
  server = await startServer({ '/story.html': { body: pageWith(ARTICLE, { attrs: 'data-date="2022-01-20"', dist: 'dist-full' }) } });
  browser = await launch();
});

after(async () => {
  await browser.close();
  await server.close();
});

async function load() {
  const opened = await open(browser, `${server.origin}/story.html`);
  assert.equal(await opened.page.evaluate(() => window.factmark.ready), true);
  return opened;
}

const shadow = (page, fn, arg) => page.evaluate(([fn, arg]) => new Function('root', 'arg', `return (${fn})(root, arg)`)(document.querySelector('factmark-ui').shadowRoot, arg), [fn.toString(), arg]);

// Opens the popover of the claim whose text is `text`.
async function openClaim(page, text) {
  const index = await page.evaluate((text) => window.factmark.claims.findIndex((c) => c.text === text), text);
  assert.ok(index >= 0, `${text} is a claim`);
  await page.evaluate((i) => window.factmark.open(i), index);
  return page.locator('factmark-ui .popover');
}

describe('the analysis in the widget', () => {
  test('the panel leads with the check-worthy sentences, best first; "worth checking only" filters the claims', async () => {
    const { page, messages } = await load();
    const { sentences, claims } = await page.evaluate(() => ({ sentences: window.factmark.sentences, claims: window.factmark.claims }));
    const worth = sentences.filter((s) => s.checkworthy).sort((a, b) => b.score - a.score);
    assert.ok(worth.length > 0 && worth.length < sentences.length, JSON.stringify(sentences.map((s) => [s.text, s.score])));
    await page.locator('factmark-ui .toggle').click();
    const panel = await shadow(page, (root) => ({
      first: root.querySelector('.panel h3').textContent,
      listed: [...root.querySelectorAll('.sentences li button')].map((b) => b.firstChild.textContent),
      words: root.querySelector('.sentences .words').textContent,
      claims: root.querySelectorAll('.panel button[data-index]').length,
    }));
    assert.equal(panel.first, `Worth checking · ${worth.length}`);
    assert.deepEqual(panel.listed, worth.map((s) => s.text));
    assert.match(panel.words, /^[a-z ]+ · \d+%/);
    assert.equal(panel.claims, claims.length);
    await page.locator('factmark-ui .only input').check();
    const inside = claims.filter((c) => worth.some((s) => c.start >= s.start && c.end <= s.end));
    const filtered = await shadow(page, (root) => [...root.querySelectorAll('.panel button[data-index]')].map((b) => b.firstChild.textContent));
    assert.deepEqual(filtered.sort(), inside.map((c) => c.text).sort());
    assert.ok(filtered.length < claims.length, 'claims outside check-worthy sentences are hidden');
    await page.locator('factmark-ui .sentences li button').first().click();
    const active = await page.evaluate(() => [...CSS.highlights.get('factmark-active')].map(String));
    assert.deepEqual(active, [worth[0].text]);
    const dotted = await page.evaluate(() => [...CSS.highlights.get('factmark-checkworthy')].map(String));
    assert.ok(dotted.length > 0 && dotted.every((t) => worth.some((s) => s.text.includes(t))));
    assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
    await page.close();
  });

  test('a wrong weekday and a recount are notes in the popover, with a way to the other place, and findings in the panel', async () => {
    const { page } = await load();
    const findings = await page.evaluate(() => window.factmark.findings);
    const weekday = findings.find((f) => f.code === 'weekday');
    const recount = findings.find((f) => f.code === 'recount');
    assert.ok(weekday && recount, JSON.stringify(findings));
    let popover = await openClaim(page, 'Monday, Jan. 11, 2022');
    const note = (popover) => popover.locator('.finding').first().evaluate((p) => p.firstChild.textContent);
    assert.equal(await note(popover), `Note: ${weekday.message}`);
    popover = await openClaim(page, '4,000');
    assert.equal(await note(popover), `Note: ${recount.message}`);
    await popover.locator('.finding button', { hasText: '5,500' }).click();
    assert.equal(await popover.getAttribute('aria-label'), 'Quantity: 5,500');
    assert.deepEqual(await page.evaluate(() => [...CSS.highlights.get('factmark-active')].map(String)), ['5,500']);
    await page.locator('factmark-ui .toggle').click();
    const listed = await shadow(page, (root) => [...root.querySelectorAll('.findings li')].map((li) => ({
      text: li.firstChild.textContent,
      places: [...li.querySelectorAll('button')].map((b) => b.textContent),
    })));
    assert.deepEqual(listed, findings.map((f) => ({ text: f.message, places: f.places.map((p) => `“${p.text}” ↗`) })));
    await page.locator('factmark-ui .findings button', { hasText: '4,000' }).click();
    assert.equal(await popover.getAttribute('aria-label'), 'Quantity: 4,000');
    await page.close();
  });

  test('a country’s popover shows its capital, population and the source', async () => {
    const { page } = await load();
    const popover = await openClaim(page, 'Canada');
    const facts = await popover.locator('.facts').textContent();
    assert.match(facts, /Capital\s*Ottawa/);
    assert.match(facts, /Population\s*\d{1,3}(,\d{3}){2,} \((19|20)\d\d\)/);
    assert.match(facts, /Sources?: .*(World Bank|Factbook)/);
    const other = await openClaim(page, '4,000');
    assert.equal(await other.locator('.facts').count(), 0);
    assert.doesNotMatch(await other.textContent(), /null|undefined/);
    await page.close();
  });

  test('annotations re-anchor after a paragraph is inserted above the claims', async () => {
    const { page } = await load();
    const result = await page.evaluate(async () => {
      const collection = await window.factmark.annotations();
      const items = collection.first.items;
      const at = (a) => a.target.selector.find((s) => s.type === 'TextPositionSelector');
      const quote = (a) => a.target.selector.find((s) => s.type === 'TextQuoteSelector');
      const before = document.body.textContent;
      const inPlace = items.every((a) => before.slice(at(a).start, at(a).end) === quote(a).exact);
      const added = document.createElement('p');
      added.textContent = 'An unrelated note: Geneva, Canada and Monday are all named here first.';
      document.querySelector('article').prepend(added);
      const shift = document.body.textContent.length - before.length;
      // The offset in body.textContent of where each annotation anchors now.
      const moved = items.map((a) => {
        const range = window.factmark.anchor(a);
        const head = document.createRange();
        head.setStart(document.body, 0);
        head.setEnd(range.startContainer, range.startOffset);
        return { exact: quote(a).exact, found: range.toString(), start: head.toString().length, want: at(a).start + shift };
      });
      return { type: collection.type, source: items[0].target.source, count: items.length, claims: window.factmark.claims.length, inPlace, moved };
    });
    assert.equal(result.type, 'AnnotationCollection');
    assert.equal(result.source, `${server.origin}/story.html`);
    assert.equal(result.count, result.claims);
    assert.equal(result.inPlace, true);
    for (const m of result.moved) assert.deepEqual([m.found, m.start], [m.exact, m.want], m.exact);
    assert.ok(result.moved.filter((m) => m.exact === 'Geneva').length === 2, 'a quote that stands twice finds its own place');
    await page.close();
  });

  test('"Copy ClaimReview" copies valid ClaimReview JSON, or selects it where the clipboard refuses', async () => {
    const { page } = await load();
    await page.evaluate(() => {
      window.copied = [];
      navigator.clipboard.writeText = async (text) => {
        window.copied.push(text);
      };
    });
    let popover = await openClaim(page, '4,000');
    await popover.locator('.copy').click();
    await page.waitForFunction(() => window.copied.length === 1);
    const review = JSON.parse(await page.evaluate(() => window.copied[0]));
    assert.equal(review['@context'], 'https://schema.org');
    assert.equal(review['@type'], 'ClaimReview');
    assert.equal(review.claimReviewed, 'Norway has 4,000 troops at the border, the defence ministry said, a rise of 25% on last year.');
    assert.equal(review.itemReviewed['@type'], 'Claim');
    assert.equal(review.itemReviewed.appearance.url, `${server.origin}/story.html`);
    assert.equal(review.itemReviewed.datePublished, '2022-01-20');
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));
    });
    popover = await openClaim(page, 'Canada');
    await popover.locator('.copy').click();
    const area = popover.locator('.review textarea');
    await area.waitFor();
    const shown = await area.evaluate((t) => ({ value: t.value, selected: t.selectionStart === 0 && t.selectionEnd === t.value.length }));
    assert.equal(JSON.parse(shown.value)['@type'], 'ClaimReview');
    assert.equal(shown.selected, true);
    const byElement = await page.evaluate(async () => {
      const p = [...document.querySelectorAll('article p')].find((el) => el.textContent.startsWith('Canada'));
      return (await window.factmark.claimReview(p.firstChild)).claimReviewed;
    });
    assert.equal(byElement, 'Canada sent two observers to Geneva.');
    await page.close();
  });
});
