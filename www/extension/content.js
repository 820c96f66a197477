// The content script: the embed's shell, run in the page's isolated world with a scanner that
// sends the article's text to the service worker in one message (the wasm runs there, so the
// page's CSP does not matter). Injected on demand; `factmarkExtension.toggle()` turns it on or off.

import { Shell } from '../src/shell.js';

const KINDS = ['quantity', 'date', 'country', 'place'];

const scanner = {
  // The scan runs in the service worker: the shell sends the whole text at once.
  offMainThread: true,
  async scan(text, options) {
    const reply = await chrome.runtime.sendMessage({ type: 'factmark:scan', text, options });
    if (!reply || reply.error) throw new Error(reply ? reply.error : 'no reply from the extension');
    return reply.claims;
  },
};

/** The shell's settings from the stored options; every kind and the page's own date unless set. */
function settingsFrom({ kinds, date }) {
  const chosen = Array.isArray(kinds) ? kinds.filter((k) => KINDS.includes(k)) : [];
  return {
    kinds: chosen.length ? chosen : KINDS,
    date: /^\d{4}-\d{2}-\d{2}$/.test(date || '') ? date : undefined,
    dateFrom: 'set in factmark’s options',
  };
}

// The reader asked for this page: without an article or main element, the whole body is read.
const selector = () => (document.querySelector('article, [itemprop=articleBody], main') ? undefined : 'body');

// The chosen colours as the shell's custom properties; the tint is the colour, faint.
function colourCss(colours = {}) {
  const rules = KINDS.filter((kind) => /^#[0-9a-f]{6}$/i.test(colours[kind] || ''))
    .map((kind) => `--factmark-${kind}: ${colours[kind]}; --factmark-${kind}-bg: ${colours[kind]}2e;`);
  return rules.length ? `:root { ${rules.join(' ')} }` : '';
}

let shell = null;
let sheet = null;

// An adopted sheet, which no page CSP blocks; a <style> where adopting fails (Firefox's content scripts).
function paintColours(colours) {
  if (!sheet) {
    try {
      sheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    } catch {
      sheet = document.createElement('style');
      document.head.append(sheet);
    }
  }
  if (sheet instanceof CSSStyleSheet) sheet.replaceSync(colourCss(colours));
  else sheet.textContent = colourCss(colours);
}

function onChanged(changes, area) {
  if (area !== 'sync' || !shell) return;
  chrome.storage.sync.get(['kinds', 'date', 'colours']).then((stored) => {
    if (!shell) return;
    if ('colours' in changes) paintColours(stored.colours);
    if ('kinds' in changes || 'date' in changes) shell.configure(settingsFrom(stored));
  });
}

function report() {
  chrome.runtime.sendMessage({ type: 'factmark:state', on: Boolean(shell) }).catch(() => {});
  return { on: Boolean(shell), claims: shell ? shell.claims : [] };
}

/** Highlights the article; resolves to `{on, claims}` once painted. */
async function start() {
  if (shell) return report();
  shell = new Shell(window, scanner, { selector: selector() });
  const current = shell;
  const stored = await chrome.storage.sync.get(['kinds', 'date', 'colours']);
  if (shell !== current) return report();
  Object.assign(shell.settings, settingsFrom(stored));
  paintColours(stored.colours);
  chrome.storage.onChanged.addListener(onChanged);
  await shell.start();
  return report();
}

/** Removes every trace: the page is as it was. */
function stop() {
  if (shell) shell.destroy();
  shell = null;
  if (sheet instanceof CSSStyleSheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  else if (sheet) sheet.remove();
  sheet = null;
  chrome.storage.onChanged.removeListener(onChanged);
  return report();
}

if (!globalThis.factmarkExtension) {
  globalThis.factmarkExtension = Object.freeze({
    start,
    stop,
    toggle: () => (shell ? stop() : start()),
    get claims() {
      return shell ? shell.claims : [];
    },
  });
}
