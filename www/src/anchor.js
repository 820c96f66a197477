// Web Annotation selectors against the page: `document.body.textContent`, as annotation
// clients read it. `pageSelectors` writes a claim's quote and position there; `anchor`
// finds a quote again after the page has changed.

const CONTEXT = 32;

/** The body's text nodes in order, with where each starts in `body.textContent`. */
function bodyText(doc) {
  const nodes = [];
  const starts = [];
  let text = '';
  const walker = doc.createTreeWalker(doc.body, doc.defaultView.NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node);
    starts.push(text.length);
    text += node.data;
  }
  return { text, nodes, starts };
}

/** Rewrites each annotation's selectors for `ranges` (one DOM Range per annotation, in order). */
export function pageSelectors(doc, annotations, ranges) {
  const { text, nodes, starts } = bodyText(doc);
  const at = new Map(nodes.map((n, i) => [n, starts[i]]));
  annotations.forEach((annotation, i) => {
    const range = ranges[i];
    const base = range && at.get(range.startContainer);
    if (base === undefined) return;
    const start = base + range.startOffset;
    const end = start + range.toString().length;
    annotation.target.selector = [
      { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) },
      { type: 'TextPositionSelector', start, end },
    ];
  });
}

// How many characters `a` and `b` share, read from their ends (`fromEnd`) or their starts.
function shared(a, b, fromEnd) {
  let n = 0;
  const max = Math.min(a.length, b.length);
  while (n < max && (fromEnd ? a[a.length - 1 - n] === b[b.length - 1 - n] : a[n] === b[n])) n++;
  return n;
}

/**
 * A DOM Range for an annotation's `TextQuoteSelector`: of the places its exact text stands,
 * the one whose context agrees best, nearest its old position on a tie; null when none.
 */
export function anchor(doc, annotation) {
  const selectors = (annotation && annotation.target && annotation.target.selector) || [];
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (!quote || !quote.exact) return null;
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const { text, nodes, starts } = bodyText(doc);
  const { exact, prefix = '', suffix = '' } = quote;
  let best = -1;
  let bestScore = -1;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const end = at + exact.length;
    const score = shared(text.slice(Math.max(0, at - prefix.length), at), prefix, true) + shared(text.slice(end, end + suffix.length), suffix, false);
    const nearer = position && best >= 0 && Math.abs(at - position.start) < Math.abs(best - position.start);
    if (score > bestScore || (score === bestScore && nearer)) [best, bestScore] = [at, score];
  }
  if (best < 0) return null;
  const node = (offset, isEnd) => {
    let i = starts.findLastIndex((s) => (isEnd ? s < offset : s <= offset));
    if (!isEnd) while (i < nodes.length - 1 && offset - starts[i] >= nodes[i].length) i++;
    return [nodes[i], offset - starts[i]];
  };
  const range = doc.createRange();
  range.setStart(...node(best, false));
  range.setEnd(...node(best + exact.length, true));
  return range;
}
