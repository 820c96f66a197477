// The shell: reads the article, asks a scanner for claims, paints them, and keeps up with
// the page. The scanner is anything with `async scan(text, {date, kinds}) → claims`: the
// embed runs the wasm in the page, a browser extension can send the text elsewhere.

import { findArticle, readText } from './textmodel.js';
import { findPublicationDate } from './pubdate.js';
import { HighlightPainter, WrapPainter, hasHighlightApi } from './highlighter.js';
import { DEFAULT_LINKS, describe, links, longDate } from './describe.js';
import { COLOURS, Ui } from './ui.js';

const KINDS = ['quantity', 'date', 'country', 'place'];
const DEBOUNCE_MS = 250;

// Colours come from custom properties a site can set, e.g. `:root { --factmark-date: #005a9c }`.
const PAGE_STYLE = KINDS.map((kind) => {
  const [accent, tint] = COLOURS[kind];
  const look = `background-color: var(--factmark-${kind}-bg, ${tint}); color: inherit;
    text-decoration: underline 2px var(--factmark-${kind}, ${accent});`;
  return `::highlight(factmark-${kind}) { ${look} }\nmark[data-factmark-kind="${kind}"] { ${look} cursor: pointer; }`;
}).join('\n') + `
::highlight(factmark-active) { background-color: var(--factmark-active-bg, #1f2937); color: var(--factmark-active, #fff); }
mark[data-factmark-kind][data-factmark-active] { background-color: var(--factmark-active-bg, #1f2937); color: var(--factmark-active, #fff); }`;

const SOURCES = {
  site: 'given by the site',
  'structured data': 'from the page’s structured data',
  'article:published_time': 'from the page’s article:published_time',
  'itemprop=datePublished': 'from the page’s datePublished',
  'article header': 'from the article’s header',
};

function dateNote({ date, source }, dateFrom) {
  const day = longDate(date);
  return source === 'today'
    ? `The page gives no publication date: relative dates are read against today, ${day}.`
    : `Relative dates are read against the publication date, ${day} (${(source === 'site' && dateFrom) || SOURCES[source]}).`;
}

/** Link templates per kind: the site's, where given, else the defaults; only well-formed pairs. */
function linkTemplates(given) {
  const templates = { ...DEFAULT_LINKS };
  for (const kind of KINDS) {
    const list = given && given[kind];
    if (!Array.isArray(list)) continue;
    templates[kind] = list
      .map((l) => (Array.isArray(l) ? l : [l && l.label, l && l.url]))
      .filter(([label, url]) => typeof label === 'string' && typeof url === 'string');
  }
  return templates;
}

/** A painted claim; its words and links are worked out when first shown. */
class Item {
  constructor(claim, range, index, scan) {
    this.claim = claim;
    this.range = range;
    this.index = index;
    this.scan = scan;
  }

  get words() {
    return (this.cached ||= describe(this.claim, this.scan.pubdate));
  }

  get links() {
    const { claim, scan } = this;
    return (this.cachedLinks ||= links(claim, scan.model.context(claim.start, claim.end), this.words, scan.templates));
  }
}

/**
 * One page's factmark: `settings` are `{selector, kinds, date, links, highlighter}`, all
 * optional (`highlighter: 'wrap'` forces the fallback painter; `dateFrom` says where a given
 * `date` came from, if not from the site).
 */
export class Shell {
  constructor(win, scanner, settings = {}) {
    this.win = win;
    this.doc = win.document;
    this.scanner = scanner;
    this.settings = { ...settings };
    this.items = [];
    this.generation = 0;
    this.root = null;
    this.timer = 0;
    /** The last scan: its text's length, claims found, and milliseconds spent scanning and painting. */
    this.stats = null;
    this.ui = new Ui(this.doc, { onChoose: (i, byKeyboard) => this.open(i, byKeyboard), onClose: () => this.painter.setActive(null) });
    this.painter = this.makePainter();
    this.observer = new win.MutationObserver(() => this.schedule());
    this.onClick = (e) => this.click(e);
    this.onKey = (e) => {
      if (e.key === 'Escape' && this.ui.popoverOpen) this.ui.closePopover(true);
    };
    this.onResize = () => this.ui.popoverOpen && this.active && this.ui.place(this.active.range);
  }

  makePainter() {
    return this.settings.highlighter !== 'wrap' && hasHighlightApi(this.win) ? new HighlightPainter(this.win, KINDS) : new WrapPainter(this.win);
  }

  /** Adds the page style and listeners, then scans. Resolves when the first scan is painted. */
  start() {
    this.style = this.addPageStyle();
    this.doc.addEventListener('click', this.onClick);
    this.doc.addEventListener('keydown', this.onKey);
    this.win.addEventListener('resize', this.onResize);
    return this.refresh();
  }

  addPageStyle() {
    const { doc, win } = this;
    try {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(PAGE_STYLE);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return sheet;
    } catch {
      const style = doc.createElement('style');
      style.textContent = PAGE_STYLE;
      doc.head.append(style);
      return style;
    }
  }

  /** Changes settings and scans again. */
  configure(changes) {
    const rebuild = 'highlighter' in changes && changes.highlighter !== this.settings.highlighter;
    Object.assign(this.settings, changes);
    if (rebuild) {
      this.mutating(() => this.painter.clear());
      this.painter = this.makePainter();
    }
    return this.refresh();
  }

  // Runs a DOM change of our own without the observer seeing it.
  mutating(change) {
    if (!this.painter.mutatesDom) return change();
    this.observer.disconnect();
    try {
      return change();
    } finally {
      this.observe();
    }
  }

  observe() {
    const target = this.root || this.doc.body || this.doc.documentElement;
    if (!this.destroyed && target) this.observer.observe(target, { childList: true, subtree: true, characterData: true });
  }

  schedule() {
    this.dirty = true;
    this.win.clearTimeout(this.timer);
    this.timer = this.win.setTimeout(() => this.refresh(), DEBOUNCE_MS);
  }

  /** Reads the article again and repaints; a scan overtaken by a newer one or by a change of the page is dropped. */
  async refresh() {
    if (this.destroyed) return;
    const generation = ++this.generation;
    this.win.clearTimeout(this.timer);
    const wasOpen = this.ui.popoverOpen && this.active ? this.active.claim : null;
    this.ui.closePopover(false);
    // The wrap painter's marks come off before the text is read; highlights are replaced in paint().
    if (this.painter.mutatesDom) this.mutating(() => this.painter.clear());
    const root = findArticle(this.doc, this.settings.selector);
    if (root !== this.root) {
      this.root = root;
      this.observer.disconnect();
      this.observe();
    }
    this.dirty = false;
    if (!root) {
      this.painter.clear();
      this.items = [];
      if (this.ui.host.isConnected) this.ui.render([], 'No article found on the page.');
      return;
    }
    const model = readText(root, (el) => this.ui.owns(el));
    const pubdate = findPublicationDate(this.doc, root, this.settings.date);
    const options = { date: pubdate.date };
    if (this.settings.kinds) options.kinds = this.settings.kinds;
    let claims;
    const scanStart = performance.now();
    try {
      claims = await this.scanner.scan(model.text, options);
    } catch (e) {
      console.error(`factmark: ${e && e.message ? e.message : e}`);
      return;
    }
    if (this.destroyed || generation !== this.generation || this.dirty) return;
    const paintStart = performance.now();
    this.paint(model, claims, pubdate);
    const same = wasOpen && this.items.find((it) => ['kind', 'start', 'text'].every((k) => it.claim[k] === wasOpen[k]));
    if (same) this.open(same.index, false);
    this.stats = { characters: model.text.length, claims: claims.length, scanMs: paintStart - scanStart, paintMs: performance.now() - paintStart };
  }

  paint(model, claims, pubdate) {
    const templates = linkTemplates(this.settings.links);
    const items = [];
    for (const claim of claims) {
      let range;
      try {
        range = model.range(claim.start, claim.end);
      } catch {
        continue;
      }
      items.push(new Item(claim, range, items.length, { model, pubdate, templates }));
    }
    this.mutating(() => this.painter.paint(items));
    this.items = items;
    this.ui.mount();
    this.ui.render(items, dateNote(pubdate, this.settings.dateFrom));
  }

  click(e) {
    if (e.target === this.ui.host || e.button !== 0) return;
    const selection = this.win.getSelection();
    if (selection && !selection.isCollapsed) return;
    const item = this.painter.itemAt(e.clientX, e.clientY, e.target);
    if (item) this.open(item.index, false);
    else this.ui.closePopover(false);
  }

  /** Opens claim `index`'s popover; from the keyboard, scrolls to it and moves focus there. */
  open(index, byKeyboard) {
    const item = this.items[index];
    if (!item) return;
    if (byKeyboard) {
      const el = item.range.startContainer.parentElement;
      if (el) el.scrollIntoView({ block: 'center' });
    }
    this.active = item;
    this.painter.setActive(item);
    this.ui.openPopover(item, byKeyboard);
  }

  /** The claims now highlighted, in the contract's shape. */
  get claims() {
    return this.items.map((it) => it.claim);
  }

  /** Removes every trace: highlights, marks, UI, style, listeners and the observer. */
  destroy() {
    this.destroyed = true;
    this.observer.disconnect();
    this.win.clearTimeout(this.timer);
    this.doc.removeEventListener('click', this.onClick);
    this.doc.removeEventListener('keydown', this.onKey);
    this.win.removeEventListener('resize', this.onResize);
    this.painter.clear();
    this.ui.destroy();
    if (this.style instanceof this.win.CSSStyleSheet) {
      this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.style);
    } else if (this.style) this.style.remove();
    this.items = [];
  }
}
