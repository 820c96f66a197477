// npm run bench:browser — time from factmark.js starting to its first highlights painted, in
// headless Chromium, for generated articles of about 1,000 and 20,000 words and a 5 MB page
// (fewer runs), with the longest main-thread task after the script starts. Each run is a
// fresh browser context (nothing cached). Run `npm run build` first.
//   node www/bench.mjs [runs]          BENCH_SIZES=1000,20000 (words) picks the articles

import { launch, pageWith, startServer } from '../tests/browser/harness.mjs';

const RUNS = Number(process.argv[2] || 7);
const COUNTRIES = ['Kenya', 'Peru', 'Vietnam', 'Norway', 'Poland', 'Egypt', 'Colombia', 'Austria', 'Brazil', 'Japan'];
const CITIES = ['Geneva', 'Vienna', 'Nairobi', 'Lima', 'Hanoi', 'Oslo', 'Warsaw', 'Cairo', 'Manila', 'Bogota'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];
const SENTENCES = [
  (r) => `${r(COUNTRIES)} said on ${r(DAYS)} that as many as ${r.n(1, 90)},000 troops had moved towards ${r(CITIES)}.`,
  (r) => `Officials in ${r(CITIES)} put the number of people who had fled their homes at about ${r.n(2, 900)},000.`,
  (r) => `The ministry in ${r(CITIES)} said ${r.n(3, 400)} soldiers were wounded in fighting last week.`,
  (r) => `Talks between ${r(COUNTRIES)} and ${r(COUNTRIES)} are due to resume in ${r(MONTHS)}, diplomats said.`,
  (r) => `Aid groups said more than ${r.n(2, 60)},000 civilians had left the region since ${r(MONTHS)} ${r.n(2015, 2023)}.`,
  (r) => `The government set aside $${r.n(2, 90)} million for repairs, ${r.n(2, 30)} percent more than it spent a year earlier.`,
  (r) => `A spokesman for the army declined to comment on the reports, which could not be independently verified.`,
];

/** A deterministic article of about `words` words, as HTML paragraphs. */
function article(words) {
  let seed = 42;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const r = (list) => list[Math.floor(next() * list.length)];
  r.n = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const paragraphs = [];
  let count = 0;
  while (count < words) {
    const sentences = Array.from({ length: 4 }, () => r(SENTENCES)(r));
    count += sentences.join(' ').split(/\s+/).length;
    paragraphs.push(`<p>${sentences.join(' ')}</p>`);
  }
  return { html: `<article><h1>Benchmark report</h1>${paragraphs.join('\n')}</article>`, words: count };
}

const sizes = (process.env.BENCH_SIZES || '1000,20000,750000').split(',').map(Number).map((words) => ({ words, ...article(words) }));
const pages = Object.fromEntries(sizes.map((s) => [`/bench-${s.words}.html`, { body: pageWith(s.html, { attrs: 'data-date="2024-06-12"' }) }]));
const server = await startServer(pages);
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  for (const size of sizes) {
    const times = [];
    let claims = 0;
    const runs = size.words > 100_000 ? Math.min(RUNS, 3) : RUNS;
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.setDefaultTimeout(120_000);
      await page.addInitScript(() => {
        window.longTasks = [];
        new PerformanceObserver((list) => window.longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(`${server.origin}/bench-${size.words}.html`);
      const result = await page.evaluate(async () => {
        const ok = await window.factmark.ready;
        const { start, loaded, painted } = window.factmark.timings;
        const { claims, scanMs, paintMs } = window.factmark.stats;
        const longest = Math.max(0, ...window.longTasks.filter((t) => t.startTime >= start).map((t) => t.duration));
        return { ok, total: painted - start, load: loaded - start, claims, scanMs, paintMs, longest };
      });
      if (!result.ok) throw new Error('factmark did not start');
      times.push(result);
      claims = result.claims;
      await context.close();
    }
    const ms = (key) => median(times.map((t) => t[key])).toFixed(1);
    console.log(`${size.words} words (${(size.html.length / 1e6).toFixed(1)} MB), ${claims} claims: script start → highlights painted ${ms('total')} ms ` +
      `(median of ${runs}; min ${Math.min(...times.map((t) => t.total)).toFixed(1)}): wasm fetched and compiled ${ms('load')}, ` +
      `scan ${ms('scanMs')}, paint ${ms('paintMs')}; longest main-thread task ${ms('longest')} ms`);
  }
} finally {
  await browser.close();
  await server.close();
}
