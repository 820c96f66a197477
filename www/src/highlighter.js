// Painting highlights. Two painters with one interface — paint(items, marks), setActive(item),
// itemAt(x, y, target), clear() — where an item is {claim, range} and a mark {start, range},
// a stretch of a check-worthy sentence outside its claims:
// the CSS Custom Highlight API, which leaves the DOM alone, and a fallback that wraps text
// in <mark> elements and undoes every split when cleared.

const PREFIX = 'factmark-';
// Chromium recomputes every registered range whenever any highlight changes, so past this many
// ranges only those within MARGIN_PX of the viewport are registered, following the scroll.
const ALL_AT_ONCE = 1000;
const MARGIN_PX = 1000;

/** Whether `win` has the CSS Custom Highlight API. */
export function hasHighlightApi(win) {
  return typeof win.Highlight === 'function' && Boolean(win.CSS && win.CSS.highlights);
}

function pointInRects(rects, x, y) {
  for (const r of rects) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  return false;
}

/** Highlights with the CSS Custom Highlight API: the page's DOM is never touched. */
export class HighlightPainter {
  constructor(win, kinds) {
    this.win = win;
    this.kinds = kinds;
    this.items = [];
    this.shown = [];
    this.mutatesDom = false;
    this.frame = 0;
    this.onScroll = () => {
      if (!this.frame) this.frame = win.requestAnimationFrame(() => this.follow());
    };
  }

  paint(items, marks = []) {
    this.clear();
    this.items = items;
    // On a big page the sentences' marks would slow every change of highlight: claims come first.
    if (marks.length && marks.length <= ALL_AT_ONCE) {
      const sentences = new this.win.Highlight();
      for (const m of marks) sentences.add(m.range);
      this.win.CSS.highlights.set(PREFIX + 'checkworthy', sentences);
    }
    if (items.length <= ALL_AT_ONCE) return this.show(items);
    // Captured on the document: the article may scroll inside an element of its own.
    this.win.document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    this.win.addEventListener('resize', this.onScroll);
    this.follow();
  }

  show(items) {
    const { Highlight, CSS } = this.win;
    const byKind = new Map(this.kinds.map((kind) => [kind, new Highlight()]));
    // One add per range: spreading thousands of ranges into the constructor overflows the stack.
    for (const it of items) byKind.get(it.claim.kind)?.add(it.range);
    for (const [kind, highlight] of byKind) {
      if (highlight.size) CSS.highlights.set(PREFIX + kind, highlight);
      else CSS.highlights.delete(PREFIX + kind);
    }
    this.shown = items;
  }

  // Registers the items near the viewport, found by binary search (items are in page order).
  follow() {
    this.frame = 0;
    const { items } = this;
    const firstWhere = (test) => {
      let lo = 0;
      let hi = items.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (test(items[mid].range.getBoundingClientRect())) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    const from = firstWhere((r) => r.bottom >= -MARGIN_PX);
    const to = Math.min(firstWhere((r) => r.top > this.win.innerHeight + MARGIN_PX), from + ALL_AT_ONCE);
    if (this.shown[0] !== items[from] || this.shown.length !== to - from) this.show(items.slice(from, to));
  }

  setActive(item) {
    const { Highlight, CSS } = this.win;
    if (!item) {
      CSS.highlights.delete(PREFIX + 'active');
      return;
    }
    const active = new Highlight(item.range);
    active.priority = 1;
    CSS.highlights.set(PREFIX + 'active', active);
  }

  itemAt(x, y) {
    const doc = this.win.document;
    let node;
    let offset;
    if (doc.caretPositionFromPoint) {
      const pos = doc.caretPositionFromPoint(x, y);
      if (!pos) return null;
      ({ offsetNode: node, offset } = pos);
    } else if (doc.caretRangeFromPoint) {
      const range = doc.caretRangeFromPoint(x, y);
      if (!range) return null;
      ({ startContainer: node, startOffset: offset } = range);
    } else return null;
    for (const item of this.shown) {
      if (item.range.isPointInRange(node, offset) && pointInRects(item.range.getClientRects(), x, y)) return item;
    }
    return null;
  }

  clear() {
    for (const kind of [...this.kinds, 'active', 'checkworthy']) this.win.CSS.highlights.delete(PREFIX + kind);
    this.win.document.removeEventListener('scroll', this.onScroll, { capture: true });
    this.win.removeEventListener('resize', this.onScroll);
    this.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.items = [];
    this.shown = [];
  }
}

/** Highlights by wrapping text in `<mark data-factmark-kind>`; `clear()` restores the DOM exactly. */
export class WrapPainter {
  constructor(win) {
    this.win = win;
    this.marks = [];
    this.splits = [];
    this.owner = new WeakMap();
    this.active = null;
    this.mutatesDom = true;
  }

  paint(items, marks = []) {
    this.clear();
    const all = [...items, ...marks].sort((a, b) => (b.claim ? b.claim.start : b.start) - (a.claim ? a.claim.start : a.start));
    for (const item of all) this.wrap(item);
  }

  // Wraps each text node piece of the item's range, last piece first.
  wrap(item) {
    const { range } = item;
    const doc = range.startContainer.ownerDocument;
    const walker = doc.createTreeWalker(range.commonAncestorContainer, this.win.NodeFilter.SHOW_TEXT);
    const pieces = [];
    walker.currentNode = range.startContainer;
    for (let node = range.startContainer; node; node = walker.nextNode()) {
      const from = node === range.startContainer ? range.startOffset : 0;
      const to = node === range.endContainer ? range.endOffset : node.length;
      if (to > from) pieces.push([node, from, to]);
      if (node === range.endContainer) break;
    }
    item.marks = [];
    for (const [node, from, to] of pieces.reverse()) {
      if (to < node.length) this.splits.push(node.splitText(to));
      let piece = node;
      if (from > 0) {
        piece = node.splitText(from);
        this.splits.push(piece);
      }
      const mark = doc.createElement('mark');
      if (item.claim) {
        mark.setAttribute('data-factmark-kind', item.claim.kind);
        this.owner.set(mark, item);
      } else mark.setAttribute('data-factmark-checkworthy', '');
      piece.parentNode.insertBefore(mark, piece);
      mark.appendChild(piece);
      this.marks.push(mark);
      item.marks.push(mark);
    }
  }

  setActive(item) {
    if (this.active) for (const m of this.active.marks || []) m.removeAttribute('data-factmark-active');
    this.active = item;
    if (item) for (const m of item.marks || []) m.setAttribute('data-factmark-active', '');
  }

  itemAt(x, y, target) {
    const mark = target && target.closest && target.closest('mark[data-factmark-kind]');
    return (mark && this.owner.get(mark)) || null;
  }

  clear() {
    for (const mark of this.marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
    }
    for (let i = this.splits.length - 1; i >= 0; i--) {
      const node = this.splits[i];
      const before = node.previousSibling;
      if (before && before.nodeType === 3 && node.parentNode) {
        before.appendData(node.data);
        node.remove();
      }
    }
    this.marks = [];
    this.splits = [];
    this.owner = new WeakMap();
    this.active = null;
  }
}
