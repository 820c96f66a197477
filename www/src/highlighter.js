// Painting highlights. Two painters with one interface — paint(items), setActive(item),
// itemAt(x, y, target), clear() — where an item is {claim, range}:
// the CSS Custom Highlight API, which leaves the DOM alone, and a fallback that wraps text
// in <mark> elements and undoes every split when cleared.

const PREFIX = 'factmark-';

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
    this.mutatesDom = false;
  }

  paint(items) {
    this.clear();
    this.items = items;
    const { Highlight, CSS } = this.win;
    for (const kind of this.kinds) {
      const ranges = items.filter((it) => it.claim.kind === kind).map((it) => it.range);
      if (ranges.length) CSS.highlights.set(PREFIX + kind, new Highlight(...ranges));
    }
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
    for (const item of this.items) {
      if (item.range.isPointInRange(node, offset) && pointInRects(item.range.getClientRects(), x, y)) return item;
    }
    return null;
  }

  clear() {
    for (const kind of [...this.kinds, 'active']) this.win.CSS.highlights.delete(PREFIX + kind);
    this.items = [];
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

  paint(items) {
    this.clear();
    for (let i = items.length - 1; i >= 0; i--) this.wrap(items[i]);
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
      mark.setAttribute('data-factmark-kind', item.claim.kind);
      piece.parentNode.insertBefore(mark, piece);
      mark.appendChild(piece);
      this.marks.push(mark);
      this.owner.set(mark, item);
      item.marks.push(mark);
    }
  }

  setActive(item) {
    if (this.active) for (const m of this.active.marks) m.removeAttribute('data-factmark-active');
    this.active = item;
    if (item) for (const m of item.marks) m.setAttribute('data-factmark-active', '');
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
