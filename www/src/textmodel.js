// The text model: an article's visible text as one string, and the way back from
// offsets in that string (UTF-16 code units) to DOM positions.

/** Joins blocks, so that no claim crosses a paragraph: the tokenizer reads it as a block gap. */
export const BLOCK_SEPARATOR = '\n\n';

const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
  'code', 'pre', 'kbd', 'samp', 'svg', 'math', 'iframe', 'object', 'canvas', 'video', 'audio',
]);

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hgroup', 'hr', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Where the article is: the site's selector, else `article`, `[itemprop=articleBody]`, `main`. */
export function findArticle(doc, selector) {
  if (selector) return doc.querySelector(selector);
  return doc.querySelector('article') || doc.querySelector('[itemprop=articleBody]') || doc.querySelector('main');
}

function skipped(el, ownUi) {
  return SKIPPED.has(el.localName) || ownUi(el) || el.hidden || el.getAttribute('aria-hidden') === 'true' ||
    (el.hasAttribute('contenteditable') && el.getAttribute('contenteditable') !== 'false');
}

/** Nodes visited between two pauses of `reading`. */
const NODES_PER_PAUSE = 512;

/**
 * Reads the text under `root`, skipping what a reader does not see as article text and
 * whatever `ownUi(element)` says is ours. Each text node keeps its length, so offsets map
 * one to one; line breaks inside a node read as spaces, as the browser renders them.
 * A generator that pauses (yields) every few hundred nodes, so that a big article can be
 * read over several tasks; it returns the TextModel.
 */
export function* reading(root, ownUi = () => false) {
  const nodes = [];
  const starts = [];
  const parts = [];
  let length = 0;
  let pendingBreak = false;
  const add = (node) => {
    const data = node.data;
    if (!data) return;
    if (pendingBreak && length > 0) {
      parts.push(BLOCK_SEPARATOR);
      length += BLOCK_SEPARATOR.length;
    }
    pendingBreak = false;
    nodes.push(node);
    starts.push(length);
    parts.push(data.replace(/[\n\r\t\f]/g, ' '));
    length += data.length;
  };
  let node = root.firstChild;
  let visited = 0;
  while (node) {
    if (++visited % NODES_PER_PAUSE === 0) yield;
    let descend = false;
    if (node.nodeType === 3) {
      add(node);
    } else if (node.nodeType === 1) {
      if (skipped(node, ownUi)) pendingBreak = true;
      else {
        if (BLOCKS.has(node.localName)) pendingBreak = true;
        descend = node.firstChild !== null;
      }
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node !== root && BLOCKS.has(node.localName)) pendingBreak = true;
    }
    node = node === root ? null : node.nextSibling;
  }
  return new TextModel(parts.join(''), nodes, starts);
}

/** The text of an article and the text nodes it came from. */
class TextModel {
  constructor(text, nodes, starts) {
    this.text = text;
    this.nodes = nodes;
    this.starts = starts;
  }

  // The last node starting at or before `offset`.
  nodeAt(offset) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** A DOM Range for `[start, end)`; throws when the span is empty, out of range or crosses a block. */
  range(start, end) {
    const text = this.text;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= text.length) ||
        text.slice(start, end).includes(BLOCK_SEPARATOR)) {
      throw new RangeError(`factmark: span ${start}..${end} is not inside one block of the text`);
    }
    let a = this.nodeAt(start);
    if (start - this.starts[a] >= this.nodes[a].length) a += 1;
    const b = this.nodeAt(end - 1);
    const range = this.nodes[a].ownerDocument.createRange();
    range.setStart(this.nodes[a], start - this.starts[a]);
    range.setEnd(this.nodes[b], end - this.starts[b]);
    return range;
  }

  /** The text offset of a DOM position inside one of the model's text nodes, or -1. */
  offsetOf(node, offset) {
    this.index ||= new Map(this.nodes.map((n, i) => [n, i]));
    const i = this.index.get(node);
    return i === undefined ? -1 : this.starts[i] + offset;
  }

  /** About `words` words either side of `[start, end)`, within its block: a search query. */
  context(start, end, words = 6) {
    const text = this.text;
    const blockStart = text.lastIndexOf(BLOCK_SEPARATOR, start) + 1;
    const nextBreak = text.indexOf(BLOCK_SEPARATOR, end);
    const before = text.slice(blockStart, start).split(/\s+/).filter(Boolean).slice(-words);
    const after = text.slice(end, nextBreak < 0 ? text.length : nextBreak).split(/\s+/).filter(Boolean).slice(0, words);
    return [...before, text.slice(start, end), ...after].join(' ');
  }
}
