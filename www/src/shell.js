// The shell: reads the article, asks a scanner for claims, paints them, and keeps up with
// the page. The scanner is anything with `async scan(text, {date, kinds}) → claims`: the
// embed runs the wasm in the page, a browser extension can send the text elsewhere. In the
// page, big texts are scanned in pieces; a scanner with `offMainThread: true` gets the whole.
// A scanner that also has `analyse` (→ {claims, sentences, findings}) and `facts(code)` adds
// check-worthy sentences, findings and country facts.

import { BLOCK_SEPARATOR, findArticle, reading } from './textmodel.js';
import { findPublicationDate } from './pubdate.js';
import { HighlightPainter, WrapPainter, hasHighlightApi } from './highlighter.js';
import { DEFAULT_LINKS, describe, links, longDate } from './describe.js';
import { COLOURS, Ui, adopt } from './ui.js';
import { eachInSlices, sliceClock, yieldToPage } from './schedule.js';
import { anchor, annotationCollection, claimReview } from './annotate.js';

const KINDS = ['quantity', 'date', 'country', 'place'];
const DEBOUNCE_MS = 250;
// The engine compiles the wasm's functions as they are first called, so the first scan is
// preceded by small ones (WARM_UP characters, doubling). A text up to WHOLE_TEXT is scanned in
// one call, as the contract reads it; a longer one in pieces ending at block gaps, each sized
// to take about PIECE_MS (the country finder's whole-text cues then come from the piece).
const WARM_UP = [256, 512, 1024, 2048];
const WHOLE_TEXT = 32768;
const MIN_PIECE = 2048;
const MAX_PIECE = 32768;
const PIECE_MS = 6;
const PAINT_THEN_YIELD = 1000;

// Colours come from custom properties a site can set, e.g. `:root { --factmark-date: #005a9c }`.
const PAGE_STYLE = KINDS.map((kind) => {
  const [accent, tint] = COLOURS[kind];
  const look = `background-color: var(--factmark-${kind}-bg, ${tint}); color: inherit;
    text-decoration: underline 2px var(--factmark-${kind}, ${accent});`;
  return `::highlight(factmark-${kind}) { ${look} }\nmark[data-factmark-kind="${kind}"] { ${look} cursor: pointer; }`;
}).join('\n') + `
::highlight(factmark-active) { background-color: var(--factmark-active-bg, #1f2937); color: var(--factmark-active, #fff); }
mark[data-factmark-kind][data-factmark-active] { background-color: var(--factmark-active-bg, #1f2937); color: var(--factmark-active, #fff); }
::highlight(factmark-checkworthy), mark[data-factmark-checkworthy] { background-color: transparent; color: inherit;
  text-decoration: underline dotted 1px var(--factmark-checkworthy, #6b7280); }`;

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
function rangeOrNull(model, start, end) {
  try {
    return model.range(start, end);
  } catch {
    return null;
  }
}

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
  constructor(claim, range, index, scan, claimIndex = index) {
    this.claim = claim;
    this.range = range;
    this.index = index;
    this.scan = scan;
    /** Its index in the scanner's claims, which findings refer to. */
    this.claimIndex = claimIndex;
  }

  /** The bundled facts about a country claim's country, if any. */
  get facts() {
    return this.claim.kind === 'country' ? this.scan.facts.get(this.claim.value) || null : null;
  }

  /** The findings that involve this claim. */
  get findings() {
    return this.scan.findings.filter((f) => f.places.some((p) => p.claim === this.claimIndex));
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
    this.sentences = [];
    this.findings = [];
    this.ui = new Ui(this.doc, {
      onChoose: (i, byKeyboard) => this.open(i, byKeyboard),
      onClose: () => this.painter.setActive(null),
      onPlace: (place) => this.goTo(place),
      onCopy: (item) => this.claimReview(item.index),
    });
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
    const { doc } = this;
    const sheet = adopt(doc, PAGE_STYLE);
    if (sheet) return sheet;
    const style = doc.createElement('style');
    style.textContent = PAGE_STYLE;
    doc.head.append(style);
    return style;
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
    const alive = () => !this.destroyed && generation === this.generation && !this.dirty;
    const model = await this.read(root, alive);
    if (!model) return;
    const pubdate = findPublicationDate(this.doc, root, this.settings.date);
    const options = { date: pubdate.date };
    if (this.settings.kinds) options.kinds = this.settings.kinds;
    let analysis;
    const facts = new Map();
    const scanStart = performance.now();
    try {
      analysis = await this.scanInPieces(model.text, options, alive);
      const codes = new Set(analysis ? analysis.claims.filter((c) => c.kind === 'country').map((c) => c.value) : []);
      if (this.scanner.facts) for (const code of codes) facts.set(code, await this.scanner.facts(code));
    } catch (e) {
      console.error(`factmark: ${e && e.message ? e.message : e}`);
      return;
    }
    if (!analysis || !alive()) return;
    const { claims } = analysis;
    const paintStart = performance.now();
    this.model = model;
    this.options = options;
    this.pubdate = pubdate;
    if (!(await this.paint(model, { ...analysis, facts }, pubdate, alive))) return;
    const same = wasOpen && this.items.find((it) => ['kind', 'start', 'text'].every((k) => it.claim[k] === wasOpen[k]));
    if (same) this.open(same.index, false);
    this.stats = { characters: model.text.length, claims: claims.length, scanMs: paintStart - scanStart, paintMs: performance.now() - paintStart };
  }

  // Reads the article's text a slice at a time; null when overtaken.
  async read(root, alive) {
    const walk = reading(root, (el) => this.ui.owns(el));
    const clock = sliceClock();
    for (;;) {
      const { done, value } = walk.next();
      if (done) return value;
      if (clock.due()) {
        await yieldToPage(this.win);
        if (!alive()) return null;
        clock.restart();
      }
    }
  }

  // Scans a long text in pieces that end at block gaps (no claim crosses one), each sized from
  // the pace of the last, yielding between them; offsets are the whole text's. Null when overtaken.
  async scanInPieces(text, options, alive) {
    if (this.scanner.offMainThread) return this.scanOne(text, options);
    for (const size of this.warm ? [] : WARM_UP) {
      await this.scanner.scan(text.slice(0, size), options);
      await yieldToPage(this.win);
      if (!alive()) return null;
    }
    this.warm = true;
    if (text.length <= WHOLE_TEXT) return this.scanOne(text, options);
    const claims = [];
    const sentences = [];
    const findings = [];
    let size = MIN_PIECE;
    for (let start = 0; start < text.length;) {
      const cut = text.length - start > size ? text.indexOf(BLOCK_SEPARATOR, start + size) : -1;
      const end = cut < 0 ? text.length : cut;
      const began = performance.now();
      const found = await this.scanOne(end - start === text.length ? text : text.slice(start, end), options);
      const pace = (end - start) / Math.max(performance.now() - began, 1);
      const before = claims.length;
      for (const list of [found.claims, found.sentences, found.findings.flatMap((f) => f.places)]) {
        for (const c of list) {
          c.start += start;
          c.end += start;
        }
      }
      for (const f of found.findings) for (const p of f.places) if (p.claim !== null) p.claim += before;
      claims.push(...found.claims);
      sentences.push(...found.sentences);
      findings.push(...found.findings);
      size = Math.min(size * 2, MAX_PIECE, Math.max(MIN_PIECE, Math.floor(pace * PIECE_MS)));
      start = end;
      if (start < text.length) {
        await yieldToPage(this.win);
        if (!alive()) return null;
      }
    }
    return { claims, sentences, findings };
  }

  // One call to the scanner: its analysis where it has one, else its claims alone.
  async scanOne(text, options) {
    const { scanner } = this;
    return scanner.analyse ? scanner.analyse(text, options) : { claims: await scanner.scan(text, options), sentences: [], findings: [] };
  }

  // Makes the ranges a slice at a time, then paints them all at once; false when overtaken.
  async paint(model, { claims, sentences, findings, facts }, pubdate, alive) {
    const scan = { model, pubdate, templates: linkTemplates(this.settings.links), findings, facts };
    const items = [];
    const made = await eachInSlices(this.win, claims.length, (i) => {
      const claim = claims[i];
      try {
        items.push(new Item(claim, model.range(claim.start, claim.end), items.length, scan, i));
      } catch {
        // A span the model cannot place is not painted.
      }
    }, alive);
    if (!made) return false;
    const marks = [];
    let next = 0;
    // Sentences and items are both in text order: one pass pairs them.
    this.sentences = sentences.map((sentence) => {
      while (next < items.length && items[next].claim.start < sentence.start) next++;
      const inside = [];
      while (next < items.length && items[next].claim.end <= sentence.end) inside.push(items[next++]);
      if (sentence.checkworthy) {
        // The sentence's stretches between its claims, trimmed: claims keep their own look.
        let from = sentence.start;
        for (const [start, end] of [...inside.map((it) => [it.claim.start, it.claim.end]), [sentence.end, sentence.end]]) {
          const piece = model.text.slice(from, start);
          const lead = piece.length - piece.trimStart().length;
          const range = piece.trim() && rangeOrNull(model, from + lead, from + piece.trimEnd().length);
          if (range) marks.push({ start: from + lead, range });
          from = end;
        }
      }
      return { ...sentence, items: inside, range: rangeOrNull(model, sentence.start, sentence.end) };
    });
    this.findings = findings;
    this.mutating(() => this.painter.paint(items, marks));
    this.items = items;
    // The page renders the highlights in a task of its own before the UI is updated.
    if (items.length > PAINT_THEN_YIELD) {
      await yieldToPage(this.win);
      if (!alive()) return false;
    }
    this.ui.mount();
    this.ui.render(items, dateNote(pubdate, this.settings.dateFrom), { sentences: this.sentences, findings });
    return true;
  }

  /** Goes to a place of a finding or a sentence: a claim's popover, else the text itself. */
  goTo(place) {
    const item = place.claim == null ? null : this.items.find((it) => it.claimIndex === place.claim);
    if (item) return this.open(item.index, true);
    const range = place.range || (this.model && rangeOrNull(this.model, place.start, place.end));
    if (!range) return;
    this.ui.closePopover(false);
    const el = range.startContainer.parentElement;
    if (el) el.scrollIntoView({ block: 'center' });
    this.painter.setActive({ range });
  }

  /** The painted claims as a Web Annotation collection whose selectors read `document.body.textContent`. */
  annotations() {
    return annotationCollection(this.doc, this.items, this.win.location.href);
  }

  /** A DOM Range where an annotation's quote stands on the page now, or null. */
  anchor(annotation) {
    return anchor(this.doc, annotation);
  }

  /** A ClaimReview skeleton for claim `target`: its index in `claims`, or an element or node inside it. */
  claimReview(target) {
    const item = typeof target === 'number'
      ? this.items[target]
      : target && this.items.find((it) => it.range.intersectsNode(target));
    if (!item) return null;
    const sentence = this.sentences.find((s) => s.items.includes(item));
    // A publication date that is only today's date is a guess: the editor fills it in.
    const published = this.pubdate.source === 'today' ? '' : this.pubdate.date;
    return claimReview(sentence ? sentence.text : item.claim.text, this.win.location.href, published);
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
    this.sentences = [];
    this.findings = [];
    if (this.style instanceof this.win.CSSStyleSheet) {
      this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== this.style);
    } else if (this.style) this.style.remove();
    this.items = [];
  }
}
