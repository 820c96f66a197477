// Big pages: a generated ~5 MB article is scanned and highlighted in short slices, highlights
// follow the scroll, the panel pages its rows. The longest main-thread task (a
// PerformanceObserver for long tasks, those that start after factmark's script) is printed,
// not asserted: it depends on the machine's load, so it is a benchmark figure
// (`npm run bench:browser`), and tests don't time things.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, pageWith, startServer } from './harness.mjs';

const TARGET_BYTES = 5_000_000;
const COUNTRIES = ['Chile', 'Ghana', 'Finland', 'Morocco', 'Canada', 'India', 'Mexico', 'Greece'];
const CITIES = ['Lisbon', 'Accra', 'Helsinki', 'Rabat', 'Toronto', 'Mumbai', 'Monterrey', 'Athens'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const MONTHS = ['February', 'April', 'June', 'August', 'October', 'December'];
const SENTENCES = [
  (r) => `Police in ${r(CITIES)} said about ${r.n(2, 90)},000 people joined the march on ${r(DAYS)}.`,
  (r) => `${r(COUNTRIES)} plans to spend $${r.n(2, 80)} billion on new rail lines by ${r.n(2027, 2040)}.`,
  (r) => `Inflation in ${r(COUNTRIES)} eased to ${r.n(2, 9)}.${r.n(1, 9)} percent in ${r(MONTHS)}, the central bank said.`,
  (r) => `At least ${r.n(3, 60)} people were killed when the storm reached ${r(CITIES)} last week.`,
  (r) => `The committee will meet again in ${r(MONTHS)} to review the plan, a spokeswoman said.`,
  () => 'The report, which runs to several chapters, was drawn up by an independent panel of economists and engineers.',
  () => 'Critics say the proposals do not go far enough, while supporters argue that they strike a sensible balance.',
  () => 'Residents who spoke to reporters described long queues at petrol stations and shops that had run out of bread.',
  () => 'Opposition lawmakers called for an inquiry, saying the government had ignored repeated warnings from its own advisers.',
  (r) => `Exports from ${r(COUNTRIES)} to ${r(COUNTRIES)} rose by ${r.n(3, 40)}% over the past ${r.n(2, 9)} years.`,
];

/** A deterministic article of about `bytes` bytes of HTML, in paragraphs with some inline markup. */
function article(bytes) {
  let seed = 7;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const r = (list) => list[Math.floor(next() * list.length)];
  r.n = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const paragraphs = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const sentences = Array.from({ length: 5 }, () => r(SENTENCES)(r));
    if (i % 3 === 0) sentences[1] = `<em>${sentences[1]}</em>`;
    const p = i % 40 === 0 ? `<h2>Part ${i / 40 + 1}</h2>\n<p>${sentences.join(' ')}</p>\n` : `<p>${sentences.join(' ')}</p>\n`;
    paragraphs.push(p);
    size += p.length;
  }
  return `<article><h1>A very long report</h1>\n${paragraphs.join('')}<p id="end">The last boats left on Friday with 1,234 passengers.</p></article>`;
}

const LONG_TASKS = `<script>
window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
  .observe({ type: 'longtask', buffered: true });
</script>`;

let server;
let browser;
let bytes;

before(async () => {
  const body = pageWith(article(TARGET_BYTES), { head: LONG_TASKS, attrs: 'data-date="2024-06-12"' });
  bytes = body.length;
  server = await startServer({ '/big.html': { body } });
  browser = await launch();
});

after(async () => {
  await browser.close();
  await server.close();
});

test('a 5 MB article is highlighted in slices, near the viewport, with a paged panel', async () => {
  const { page, messages, requests } = await open(browser, `${server.origin}/big.html`);
  page.setDefaultTimeout(120_000);
  assert.equal(await page.evaluate(() => window.factmark.ready), true);
  // Two frames and a quiet moment, so that the tasks painting the highlights are recorded.
  const result = await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200))));
    const { start, loaded, painted } = window.factmark.timings;
    const ours = window.__longTasks.filter(([at]) => at >= start);
    return {
      characters: window.factmark.stats.characters,
      claims: window.factmark.claims.length,
      highlighted: [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0),
      total: painted - start,
      load: loaded - start,
      stats: window.factmark.stats,
      longest: Math.max(0, ...ours.map(([, d]) => d)),
      tasks: ours.map(([at, d]) => `${(at - start).toFixed(0)}+${d.toFixed(0)}`),
    };
  });
  console.log(`${(bytes / 1e6).toFixed(1)} MB page, ${result.characters} characters, ${result.claims} claims: ` +
    `script start → highlights painted ${result.total.toFixed(0)} ms (wasm loaded at ${result.load.toFixed(0)}); ` +
    `longest task ${result.longest.toFixed(0)} ms; long tasks (start+ms): ${result.tasks.join(' ') || 'none'}; stats ${JSON.stringify(result.stats)}`);
  assert.ok(result.claims > 10_000, `${result.claims} claims`);
  // Past a few thousand, only the claims near the viewport are registered as highlights.
  assert.ok(result.highlighted > 0 && result.highlighted <= 1000, `${result.highlighted} ranges registered`);
  const lastShown = () => page.evaluate(() => [...CSS.highlights.values()]
    .some((h) => [...h].some((r) => document.getElementById('end').contains(r.startContainer))));
  assert.equal(await lastShown(), false);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
  assert.equal(await lastShown(), true, 'scrolled to the end, the last claim is highlighted');
  await page.locator('factmark-ui .toggle').click();
  const panel = page.locator('factmark-ui .panel');
  assert.equal(await panel.isVisible(), true);
  const rows = await panel.locator('li button[data-index]').count();
  assert.ok(rows > 0 && rows <= 800, `${rows} rows at first`);
  await panel.locator('ul:not(.sentences, .findings) button.more').first().click();
  assert.equal(await panel.locator('li button[data-index]').count(), rows + 200);
  assert.deepEqual(messages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
  assert.deepEqual(requests.filter((url) => !url.startsWith(`${server.origin}/`)), []);
  await page.close();
});
