// The embed: `<script src=".../factmark.js" defer data-selector data-kinds data-date
// data-links data-highlighter>`. Loads the wasm from beside the script, then runs the shell
// on the page. Exposes one global, `window.factmark`. Nothing on the page changes until the
// wasm has loaded, so a page whose CSP forbids WebAssembly is left as it was.

import { wasmBindgen } from './wasm-glue.js';
import { Shell } from './shell.js';
import { yieldToPage } from './schedule.js';

const startedAt = performance.now();
const script = document.currentScript || document.querySelector('script[src*="factmark.js"]');

function settingsFrom(data) {
  const settings = {};
  if (data.selector) settings.selector = data.selector;
  if (data.kinds) settings.kinds = data.kinds.split(',').map((k) => k.trim()).filter(Boolean);
  if (data.date) settings.date = data.date;
  if (data.highlighter) settings.highlighter = data.highlighter;
  if (data.links) {
    try {
      settings.links = JSON.parse(data.links);
    } catch (e) {
      console.error(`factmark: data-links is not JSON (${e.message}); using the default links`);
    }
  }
  return settings;
}

function loadError(e, url) {
  const message = String(e && e.message);
  if (/Content.Security.Policy|unsafe-eval/i.test(message)) {
    return 'factmark: not started — this page’s Content-Security-Policy does not allow WebAssembly ' +
      '(script-src needs \'wasm-unsafe-eval\'); the page was left untouched.';
  }
  return `factmark: not started — could not load ${url}: ${message}`;
}

function domReady() {
  return document.readyState === 'loading'
    ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
    : Promise.resolve();
}

function afterPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function main() {
  const data = script ? script.dataset : {};
  const settings = settingsFrom(data);
  const src = script && script.src ? script.src : location.href;
  const wasmUrl = new URL('factmark_bg.wasm', src);
  const timings = { start: startedAt };
  let shell = null;
  let destroyed = false;
  const loaded = wasmBindgen({ module_or_path: wasmUrl }).then(() => {
    timings.loaded = performance.now();
    return {
      scan: async (text, options) => wasmBindgen.scan(text, options),
      // Only the full build (`--full`, the `analysis` feature) has these.
      analyse: wasmBindgen.analyse && (async (text, options) => wasmBindgen.analyse(text, options)),
      facts: wasmBindgen.facts && (async (code) => wasmBindgen.facts(code)),
    };
  });
  const ready = (async () => {
    let scanner;
    try {
      scanner = await loaded;
    } catch (e) {
      console.error(loadError(e, wasmUrl.href));
      return false;
    }
    await domReady();
    // Instantiating the wasm took a task; the page gets a turn before the shell starts.
    await yieldToPage(window);
    if (destroyed) return false;
    shell = new Shell(window, scanner, settings);
    await shell.start();
    await afterPaint();
    timings.painted = performance.now();
    return true;
  })();
  const whenRunning = (fn) => ready.then((ok) => (ok && shell ? fn(shell) : undefined));
  window.factmark = Object.freeze({
    /** Resolves to true once the first highlights are painted, false when factmark could not start. */
    ready,
    /** `performance.now()` at script start, wasm loaded, first highlights painted. */
    timings,
    /** The crate version, once the wasm has loaded. */
    get version() {
      return timings.loaded ? wasmBindgen.version() : null;
    },
    /** The last scan's size and cost: `{characters, claims, scanMs, paintMs}`. */
    get stats() {
      return shell ? shell.stats : null;
    },
    /** The claims now highlighted. */
    get claims() {
      return shell ? shell.claims : [];
    },
    /** The article's sentences, `{start, end, text, score, checkworthy, type, reasons}`. */
    get sentences() {
      return shell ? shell.sentences.map(({ items, range, ...sentence }) => sentence) : [];
    },
    /** Where the article disagrees with itself or the calendar: `{code, message, places}`. */
    get findings() {
      return shell ? shell.findings : [];
    },
    /** The highlighted claims as a W3C Web Annotation collection for this page. */
    annotations: () => whenRunning((s) => s.annotations()),
    /** A schema.org ClaimReview skeleton for a claim: its index in `claims`, or an element inside it. */
    claimReview: (target) => whenRunning((s) => s.claimReview(target)),
    /** A DOM Range where an annotation's quote stands on the page now, or null. */
    anchor: (annotation) => (shell ? shell.anchor(annotation) : null),
    /** Scans any text: `factmark.scan(text, {date: 'YYYY-MM-DD', kinds})`. */
    scan: (text, options) => loaded.then((s) => s.scan(text, options)),
    /** Reads the article again. */
    refresh: () => whenRunning((s) => s.refresh()),
    /** Changes `selector`, `kinds`, `date`, `links` or `highlighter`, then scans again. */
    configure: (changes) => whenRunning((s) => s.configure(changes || {})),
    /** Opens the popover of claim `index`, as the keyboard does. */
    open: (index) => whenRunning((s) => s.open(index, true)),
    /** Removes everything factmark added; the DOM is as it was before. */
    destroy() {
      destroyed = true;
      if (shell) shell.destroy();
      shell = null;
    },
  });
}

// A second copy of the script changes nothing (an element with id="factmark" is not a copy).
if (!(window.factmark && window.factmark.ready)) main();
