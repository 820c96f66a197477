// factmark's own UI — the popover, the claims panel and a status line for screen readers —
// in a shadow root, built with createElement and textContent only.

import { KIND_NAMES } from './describe.js';

/**
 * Per kind, the defaults of `--factmark-KIND` (underline) and `--factmark-KIND-bg` (tint).
 * Tints are translucent, so text on a dark page stays readable.
 */
export const COLOURS = {
  quantity: ['#b45309', 'rgba(245, 180, 40, .2)'],
  date: ['#1d4ed8', 'rgba(59, 130, 246, .15)'],
  country: ['#047857', 'rgba(16, 185, 129, .15)'],
  place: ['#7e22ce', 'rgba(168, 85, 247, .13)'],
};

const STYLE = `
:host { all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647; }
* { box-sizing: border-box; }
.ui { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937; }
button { font: inherit; color: inherit; cursor: pointer; }
:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.badge { display: inline-block; font-size: 11px; font-weight: 600; letter-spacing: .06em; text-transform: uppercase;
  padding: 1px 7px; border-radius: 3px; border-left: 3px solid var(--accent); background: var(--tint); color: #1f2937; }
${Object.entries(COLOURS).map(([kind, [accent, tint]]) =>
    `.${kind} { --accent: var(--factmark-${kind}, ${accent}); --tint: var(--factmark-${kind}-bg, ${tint}); }`).join('\n')}
@media print { :host { display: none; } }
.popover { position: absolute; width: min(360px, calc(100vw - 16px)); background: #fff; border: 1px solid #d1d5db;
  border-top: 3px solid var(--accent); border-radius: 6px; box-shadow: 0 8px 24px rgba(17, 24, 39, .16); padding: 12px 14px; }
.popover:focus { outline: none; }
.popover[hidden], .panel[hidden] { display: none; }
.head { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.close { border: 0; background: none; font-size: 18px; line-height: 1; padding: 2px 6px; border-radius: 4px; color: #4b5563; }
.close:hover { background: #f3f4f6; }
.quote { margin: 8px 0 2px; color: #4b5563; }
.value { margin: 0 0 10px; font-size: 15px; font-weight: 600; }
.value .how { font-size: 13px; font-weight: 400; color: #4b5563; }
.check { margin: 0 0 4px; font-size: 12px; color: #4b5563; text-transform: uppercase; letter-spacing: .06em; }
.links { margin: 0; padding: 0; list-style: none; }
.links a { color: #1d4ed8; text-decoration: underline; text-underline-offset: 2px; }
.links li + li { margin-top: 2px; }
.nav { display: flex; align-items: center; justify-content: space-between; margin-top: 10px; padding-top: 8px;
  border-top: 1px solid #e5e7eb; font-size: 12px; color: #4b5563; }
.nav button, .toggle { border: 1px solid #d1d5db; background: #fff; border-radius: 4px; padding: 2px 8px; }
.nav button:hover, .toggle:hover { background: #f9fafb; }
.toggle { position: fixed; right: 16px; bottom: 16px; padding: 6px 12px; font-weight: 600; box-shadow: 0 2px 8px rgba(17, 24, 39, .12); }
.panel { position: fixed; right: 16px; bottom: 60px; width: min(340px, calc(100vw - 32px)); max-height: min(70vh, 560px);
  overflow: auto; background: #fff; border: 1px solid #d1d5db; border-radius: 6px; box-shadow: 0 8px 24px rgba(17, 24, 39, .16); padding: 4px 14px 12px; }
.panel h2 { font-size: 15px; margin: 10px 0 6px; }
.panel h3 { font-size: 13px; margin: 12px 0 4px; display: flex; gap: 8px; align-items: center; }
.panel ul { list-style: none; margin: 0; padding: 0; }
.panel li button { display: block; width: 100%; text-align: left; border: 0; background: none; padding: 4px 6px; border-radius: 4px; }
.panel li button:hover { background: #f3f4f6; }
.panel .more { color: #1d4ed8; }
.panel .words { display: block; font-size: 12px; color: #4b5563; }
.note { font-size: 12px; color: #4b5563; margin: 4px 0 0; }
.only { display: flex; gap: 6px; align-items: center; margin: 8px 0 0; font-size: 13px; }
.finding { margin: 8px 0 0; padding: 6px 8px; border-left: 3px solid #b91c1c; background: #fef2f2; border-radius: 3px; font-size: 13px; }
.finding button, .copy { border: 1px solid #d1d5db; background: #fff; border-radius: 4px; padding: 0 6px; margin: 4px 4px 0 0; font-size: 12px; }
.facts { margin: 0 0 10px; font-size: 13px; }
.facts dt { float: left; clear: left; width: 84px; color: #4b5563; }
.facts dd { margin: 0 0 0 88px; }
.facts .source { font-size: 11px; color: #6b7280; margin-top: 2px; }
.review textarea { width: 100%; height: 120px; font: 11px/1.3 ui-monospace, monospace; }
`;

function h(doc, tag, props = {}, ...children) {
  const el = doc.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') el.textContent = value;
    else if (key === 'on') for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    else if (value !== false && value !== null && value !== undefined) el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

// The panel lists this many claims per kind at first, and as many more at each "Show more".
const PANEL_ROWS = 200;

const countOf = (n) => (n === 1 ? '1 checkable claim' : `${n} checkable claims`);

// The value in bold; how it was read (after " — "), if said, in a lighter weight.
function valueLine(doc, words) {
  const cut = words.indexOf(' — ');
  if (cut < 0) return h(doc, 'p', { class: 'value', text: words });
  return h(doc, 'p', { class: 'value' }, words.slice(0, cut), h(doc, 'span', { class: 'how', text: words.slice(cut) }));
}

// Fills `list` with the rows of the first PANEL_ROWS `entries`, and a "Show more" button for the next ones.
function paged(doc, list, entries, row) {
  const rows = (from) => {
    const shown = entries.slice(from, from + PANEL_ROWS).map(row);
    const rest = entries.length - from - shown.length;
    const more = rest > 0 && h(doc, 'li', {}, h(doc, 'button', {
      class: 'more', text: `Show ${Math.min(rest, PANEL_ROWS)} more (${rest} not listed)`,
      on: { click: () => {
        more.remove();
        rows(from + PANEL_ROWS)?.querySelector('button').focus();
      } },
    }));
    list.append(...shown, ...(more ? [more] : []));
    return shown[0];
  };
  rows(0);
  return list;
}

// A country's capital, population and their sources.
function factList(doc, facts) {
  if (!facts) return null;
  const row = (term, value) => [h(doc, 'dt', { text: term }), h(doc, 'dd', { text: value })];
  const sources = facts.capitalSource === facts.populationSource
    ? `Source: ${facts.populationSource}`
    : `Sources: population, ${facts.populationSource}; capital, ${facts.capitalSource}`;
  return h(doc, 'dl', { class: 'facts' }, ...row('Capital', facts.capital),
    ...row('Population', `${facts.population.toLocaleString('en-US')} (${facts.populationYear})`),
    h(doc, 'dd', { class: 'source', text: sources }));
}

/** Adopts `css` as a constructed sheet of `root` (a document or shadow root); `null` where unsupported. */
export function adopt(root, css) {
  const win = (root.ownerDocument || root).defaultView;
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return sheet;
  } catch {
    return null;
  }
}

/**
 * The popover and the panel. `onChoose(index, byKeyboard)` is called when the reader picks a
 * claim in the panel or steps to the previous/next one; `onClose()` when the popover closes.
 */
export class Ui {
  constructor(doc, { onChoose, onClose, onPlace = () => {}, onCopy = null }) {
    this.doc = doc;
    this.onChoose = onChoose;
    this.onClose = onClose;
    this.onPlace = onPlace;
    this.onCopy = onCopy;
    this.items = [];
    this.analysis = { sentences: [], findings: [] };
    this.worthOnly = false;
    this.host = doc.createElement('factmark-ui');
    const shadow = this.host.attachShadow({ mode: 'open' });
    if (!adopt(shadow, STYLE)) shadow.append(h(doc, 'style', { text: STYLE }));
    this.status = h(doc, 'div', { class: 'sr', role: 'status' });
    this.popover = h(doc, 'div', { class: 'popover', role: 'dialog', tabindex: '-1', hidden: true });
    this.toggle = h(doc, 'button', {
      class: 'toggle', 'aria-expanded': 'false', 'aria-controls': 'fm-panel',
      on: { click: () => this.showPanel(this.panel.hidden) },
    });
    this.panel = h(doc, 'section', { class: 'panel', id: 'fm-panel', hidden: true, 'aria-label': 'Checkable claims' });
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.showPanel(false);
        this.toggle.focus();
      }
    });
    this.popover.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.closePopover(true);
      }
    });
    shadow.append(h(doc, 'div', { class: 'ui' }, this.status, this.panel, this.toggle, this.popover));
  }

  /** Whether `node` is part of this UI (the walker skips it). */
  owns(node) {
    return node === this.host;
  }

  mount() {
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
  }

  /** Shows the count of `items`; the panel lists them when open. `note` says how dates were read. */
  render(items, note, analysis = { sentences: [], findings: [] }) {
    this.items = items;
    this.note = note;
    this.analysis = analysis;
    const count = countOf(items.length);
    this.toggle.textContent = `Claims · ${items.length}`;
    this.toggle.setAttribute('aria-label', `${count}: show the list`);
    this.status.textContent = `factmark: ${count} highlighted`;
    if (!this.panel.hidden) this.fillPanel();
  }

  // The panel's list, grouped by kind with counts; keeps focus on the same claim.
  fillPanel() {
    const doc = this.doc;
    const active = this.host.shadowRoot.activeElement;
    const focused = active && this.panel.contains(active) ? active.dataset.index : null;
    const body = [h(doc, 'h2', { text: countOf(this.items.length).replace(/^./, (c) => c.toUpperCase()) }), h(doc, 'p', { class: 'note', text: this.note })];
    const { sentences, findings } = this.analysis;
    const worth = sentences.filter((s) => s.checkworthy).sort((a, b) => b.score - a.score);
    if (worth.length) {
      const only = h(doc, 'input', { type: 'checkbox', class: 'only-box', checked: this.worthOnly, on: { change: () => {
        this.worthOnly = only.checked;
        this.fillPanel();
      } } });
      body.push(h(doc, 'label', { class: 'only' }, only, 'Worth checking only'));
      body.push(...this.sentenceList(worth));
    }
    if (findings.length) body.push(...this.findingList(findings));
    const shown = this.worthOnly ? new Set(worth.flatMap((s) => s.items)) : null;
    for (const kind of Object.keys(KIND_NAMES)) {
      const ofKind = this.items.filter((it) => it.claim.kind === kind && (!shown || shown.has(it)));
      if (!ofKind.length) continue;
      const list = paged(doc, h(doc, 'ul'), ofKind, (it) => h(doc, 'li', {},
        h(doc, 'button', { 'data-index': String(it.index), on: { click: () => this.onChoose(it.index, true) } },
          it.claim.text, h(doc, 'span', { class: 'words', text: it.words }))));
      body.push(h(doc, 'h3', {}, h(doc, 'span', { class: `badge ${kind}`, text: KIND_NAMES[kind][1] }), `${ofKind.length}`), list);
    }
    this.panel.replaceChildren(...body);
    if (focused) this.panel.querySelector(`button[data-index="${focused}"]`)?.focus();
  }

  // Check-worthy sentences, best first, each with its type and reasons.
  sentenceList(worth) {
    const doc = this.doc;
    const list = paged(doc, h(doc, 'ul', { class: 'sentences' }), worth, (s) => {
      const reasons = s.reasons.map((r) => `${r.cue.replace(/_/g, ' ')} “${r.text}”`).join(', ');
      const said = s.text.length > 160 ? `${s.text.slice(0, 157)}…` : s.text;
      return h(doc, 'li', {}, h(doc, 'button', { 'data-sentence': String(s.start), on: { click: () => this.onPlace({ ...s, claim: null }) } },
        said, h(doc, 'span', { class: 'words', text: `${s.type.replace(/_/g, ' ')} · ${Math.round(s.score * 100)}%${reasons ? ` · ${reasons}` : ''}` })));
    });
    return [h(doc, 'h3', { text: `Worth checking · ${worth.length}` }), list];
  }

  // Findings, each with a button per place.
  findingList(findings) {
    const doc = this.doc;
    const list = paged(doc, h(doc, 'ul', { class: 'findings' }), findings,
      (f) => h(doc, 'li', { class: 'finding' }, f.message, h(doc, 'br'), ...this.placeButtons(f.places)));
    return [h(doc, 'h3', { text: `Findings · ${findings.length}` }), list];
  }

  placeButtons(places) {
    return places.map((p) => h(this.doc, 'button', { 'aria-label': `Go to “${p.text}”`, text: `“${p.text}” ↗`, on: { click: () => this.onPlace(p) } }));
  }

  showPanel(open) {
    if (open) this.fillPanel();
    this.panel.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    if (open) this.panel.querySelector('button')?.focus();
  }

  /** Opens the popover for `item` below (or above) its text; focuses it when `focus`. */
  openPopover(item, focus) {
    const doc = this.doc;
    const { claim, words, links, index } = item;
    if (this.popover.hidden) this.returnFocus = focus ? this.host.shadowRoot.activeElement || doc.activeElement : null;
    const kindName = KIND_NAMES[claim.kind][0];
    const step = (delta) => () => this.onChoose((index + delta + this.items.length) % this.items.length, true);
    const linkList = h(doc, 'ul', { class: 'links' });
    for (const link of links) {
      linkList.append(h(doc, 'li', {}, h(doc, 'a', { href: link.href, target: '_blank', rel: 'noopener noreferrer', text: `${link.label} ↗` })));
    }
    this.popover.className = `popover ${claim.kind}`;
    this.popover.setAttribute('aria-label', `${kindName}: ${claim.text}`);
    this.popover.replaceChildren(...[
      h(doc, 'div', { class: 'head' },
        h(doc, 'span', { class: `badge ${claim.kind}`, text: kindName }),
        h(doc, 'button', { class: 'close', 'aria-label': 'Close', text: '×', on: { click: () => this.closePopover(true) } })),
      h(doc, 'p', { class: 'quote', text: `“${claim.text}”` }),
      valueLine(doc, words),
      ...item.findings.map((f) => h(doc, 'p', { class: 'finding' }, `Note: ${f.message}`, h(doc, 'br'),
        ...this.placeButtons(f.places.filter((p) => p.claim !== item.claimIndex)))),
      factList(doc, item.facts),
      links.length ? h(doc, 'p', { class: 'check', text: 'Check it' }) : null,
      links.length ? linkList : null,
      this.onCopy ? h(doc, 'div', { class: 'review' }, h(doc, 'button', { class: 'copy', text: 'Copy ClaimReview', on: { click: (e) => this.copyReview(item, e.target.parentNode) } })) : null,
      h(doc, 'div', { class: 'nav' },
        h(doc, 'button', { 'aria-label': 'Previous claim', text: '‹ Prev', on: { click: step(-1) } }),
        h(doc, 'span', { text: `${index + 1} of ${this.items.length}` }),
        h(doc, 'button', { 'aria-label': 'Next claim', text: 'Next ›', on: { click: step(1) } })),
    ].filter(Boolean));
    this.popover.hidden = false;
    this.place(item.range);
    if (focus) this.popover.focus({ preventScroll: true });
  }

  // Copies the claim's ClaimReview JSON; where the clipboard refuses, shows it selected in a textarea.
  async copyReview(item, box) {
    const json = JSON.stringify(this.onCopy(item), null, 2);
    try {
      await this.doc.defaultView.navigator.clipboard.writeText(json);
      this.status.textContent = 'ClaimReview copied';
      box.replaceChildren(box.firstChild, h(this.doc, 'span', { class: 'note', text: ' Copied.' }));
    } catch {
      const area = h(this.doc, 'textarea', { readonly: true, 'aria-label': 'ClaimReview JSON: copy it' });
      area.value = json;
      box.replaceChildren(box.firstChild, area);
      area.focus();
      area.select();
    }
  }

  // Below the claim's first line when there is room in the viewport, else above it.
  place(range) {
    const win = this.doc.defaultView;
    const rect = range.getClientRects()[0] || range.getBoundingClientRect();
    const pop = this.popover;
    const width = pop.offsetWidth;
    const height = pop.offsetHeight;
    const left = Math.max(8, Math.min(rect.left, win.innerWidth - width - 8));
    const below = rect.bottom + 8 + height <= win.innerHeight || rect.top - 8 - height < 0;
    const top = below ? rect.bottom + 8 : rect.top - 8 - height;
    pop.style.left = `${left + win.scrollX}px`;
    pop.style.top = `${top + win.scrollY}px`;
  }

  get popoverOpen() {
    return !this.popover.hidden;
  }

  closePopover(restoreFocus) {
    if (this.popover.hidden) return;
    this.popover.hidden = true;
    const back = this.returnFocus;
    this.returnFocus = null;
    if (restoreFocus && back && back.isConnected && back.focus) back.focus();
    this.onClose();
  }

  destroy() {
    this.host.remove();
  }
}
