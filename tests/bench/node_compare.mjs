// factmark's wasm package beside the libraries a JS developer would pick instead, on the same
// ~1 MB of news text: the dev corpus (../shared/corpus/dev, read at run time), one call per
// article with the article's publication date, articles repeated until 1 MB is reached.
//
//   wasm-pack build --target nodejs --release --out-dir target/pkg-node
//   node tests/bench/node_compare.mjs            (or: npm run bench:node)
//
// The tasks differ: factmark finds quantities, dates, countries and places with values;
// compromise(-dates) tags everything and is asked for dates, numbers and places; chrono-node
// finds dates only. Counts of what each found are printed beside the speeds. Rates are per
// second of the process's CPU time (process.cpuUsage), so other work on a shared machine does
// not skew them.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import datePlugin from 'compromise-dates';
import * as chrono from 'chrono-node';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const factmark = require(`${root}target/pkg-node/factmark.js`);
nlp.plugin(datePlugin);

const TARGET_BYTES = 1 << 20;
const MIN_SECONDS = Number(process.env.FACTMARK_BENCH_SECONDS ?? 2);

function articles() {
  const dir = `${root}../shared/corpus/dev/`;
  const names = readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
  const one = names.map((n) => ({
    text: readFileSync(dir + n, 'utf8'),
    dct: JSON.parse(readFileSync(dir + n.replace(/\.txt$/, '.meta.json'), 'utf8')).dct,
  }));
  const all = [];
  for (let bytes = 0; bytes < TARGET_BYTES; ) {
    const a = one[all.length % one.length];
    all.push(a);
    bytes += Buffer.byteLength(a.text);
  }
  return { one, all, bytes: all.reduce((n, a) => n + Buffer.byteLength(a.text), 0) };
}

const contenders = [
  {
    name: 'factmark (wasm)',
    finds: 'quantities, dates, countries, places, with values',
    run: (a) => factmark.scan(a.text, { date: a.dct }).length,
  },
  {
    name: 'compromise: tagging only, for reference',
    finds: 'terms (no extraction)',
    run: (a) => nlp(a.text).terms().length,
  },
  {
    name: 'compromise + compromise-dates: dates',
    finds: 'dates with start/end',
    run: (a) => nlp(a.text).dates({ today: a.dct, timezone: 'UTC' }).get().length,
  },
  {
    name: 'compromise + compromise-dates: dates, numbers, places',
    finds: 'dates; numbers incl. money/percent; places incl. countries (no codes)',
    run: (a) => {
      const doc = nlp(a.text);
      const dates = doc.dates({ today: a.dct, timezone: 'UTC' }).get().length;
      return dates + doc.numbers().get().length + doc.places().out('array').length;
    },
  },
  {
    name: 'chrono-node',
    finds: 'dates and times',
    run: (a) => chrono.parse(a.text, new Date(`${a.dct}T12:00:00Z`)).length,
  },
];

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Scans every article once per pass until MIN_SECONDS of CPU have passed; returns the best pass. */
function measure(run, corpus) {
  for (const a of corpus.one) run(a); // warm-up: JIT and lazily built tables
  let best = Infinity;
  let found = 0;
  const started = cpuSeconds();
  do {
    const t = cpuSeconds();
    found = 0;
    for (const a of corpus.all) found += run(a);
    best = Math.min(best, cpuSeconds() - t);
  } while (cpuSeconds() - started < MIN_SECONDS);
  return { mbPerS: corpus.bytes / (1 << 20) / best, found };
}

const corpus = articles();
console.log(`${(corpus.bytes / (1 << 20)).toFixed(2)} MB of news text, ${corpus.all.length} calls (${corpus.one.length} articles repeated), node ${process.version}\n`);
const rows = contenders.map((c) => ({ ...c, ...measure(c.run, corpus) }));
const base = rows[0].mbPerS;
console.log(`${'library'.padEnd(54)} ${'MB/s'.padStart(8)} ${'factmark is'.padStart(12)} ${'found'.padStart(7)}  what it finds`);
for (const r of rows) {
  const x = base / r.mbPerS;
  const ratio = r === rows[0] ? '' : x >= 1 ? `${x.toFixed(1)}x faster` : `${(1 / x).toFixed(1)}x slower`;
  console.log(`${r.name.padEnd(54)} ${r.mbPerS.toFixed(2).padStart(8)} ${ratio.padStart(12)} ${String(r.found).padStart(7)}  ${r.finds}`);
}
